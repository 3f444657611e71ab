"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { proposeChangesAction } from "@/app/actions/suggestions";
import { markedDoc, proposedParagraphs, type MarkedDoc } from "@/lib/core/suggestions/marked-doc";
import type { SuggestionView } from "@/lib/core/suggestions/view";
import type { Paragraph } from "@/lib/core/text/paragraphs";
import { chinaDateTime } from "@/lib/core/dates";
import { NumberedParagraph } from "@/components/editor/numbered-paragraph";
import { useT } from "@/components/i18n/I18nProvider";
import { DeletionMark, InsertionMark, ModificationMark, SuggestMode, suggestChangesKey } from "./suggest-marks";
import { authorColours } from "./author-colours";

interface Props {
  sectionId: string;
  version: number;
  content: Paragraph[];
  suggestions: SuggestionView[];
  me: { id: string; name: string };
  numberingStart: { 3: number; 4: number };
}

type Status = "idle" | "saving" | "saved" | { error: string };
const SAVE_AFTER_MS = 800;
const RETRY_MS = 3000;

/** 修订 mode: typing and deleting become suggestions (the reader's own colour), everyone's pending ones shown beside. */
export function SuggestingEditor({ sectionId, version, content, suggestions, me, numberingStart }: Props) {
  const t = useT();
  const router = useRouter();
  const [status, setStatus] = useState<Status>("idle");
  // Mark ids 1…n are the pending suggestions as loaded; the plugin numbers new marks after them.
  const drawn = useMemo(() => suggestions.filter((s) => s.at).map((s, i) => ({ ...s, markId: i + 1 })), [suggestions]);
  const colours = useMemo(() => authorColours([me.name, ...suggestions.map((s) => s.author)]), [me.name, suggestions]);
  const others = useMemo(() => new Set(drawn.filter((s) => s.authorId !== me.id).map((s) => s.markId)), [drawn, me.id]);
  const initial = useMemo<MarkedDoc>(() => markedDoc(content, drawn.map((s) => ({ markId: s.markId, kind: s.kind, text: s.text, at: s.at! }))), [content, drawn]);
  const lastSent = useRef(JSON.stringify(proposedParagraphs(initial, others)));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const unsaved = useRef(false);
  const save = async (editor: Editor) => {
    const proposed = proposedParagraphs(editor.getJSON() as MarkedDoc, others);
    const key = JSON.stringify(proposed);
    if (key === lastSent.current) {
      unsaved.current = false;
      return setStatus("saved");
    }
    setStatus("saving");
    const r = await proposeChangesAction({ sectionId, baseVersion: version, content: proposed.map((p) => ({ text: p.text })) }).catch(() => null);
    if (!r?.ok) {
      // Kept in the editor and tried again shortly (a busy server, a dropped connection).
      setStatus({ error: r ? r.error : t("suggest.offline") });
      timer.current = setTimeout(() => void save(editor), RETRY_MS);
      return;
    }
    lastSent.current = key;
    unsaved.current = false;
    setStatus("saved");
    router.refresh();
  };

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      Document, NumberedParagraph.configure({ start: numberingStart }), Text, UndoRedo, InsertionMark, DeletionMark, ModificationMark,
      SuggestMode.configure({
        me: { name: me.name, colour: colours.get(me.name)! },
        authorOf: (markId) => {
          const s = drawn.find((d) => d.markId === markId);
          return s ? { name: s.author, colour: colours.get(s.author)!, at: chinaDateTime(s.createdAt) } : null;
        },
      }),
    ],
    content: initial,
    editorProps: { attributes: { class: "doc-text min-h-40 p-4 text-[1.05rem] leading-8 outline-none", "aria-label": t("suggest.editorLabel"), role: "textbox", "aria-multiline": "true" } },
    onCreate: ({ editor }) => {
      editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: true }).setMeta("addToHistory", false));
    },
    onUpdate: ({ editor, transaction }) => {
      if (!transaction.docChanged) return;
      unsaved.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(editor), SAVE_AFTER_MS);
    },
  });
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  // Leaving with suggestions not yet saved: save now, and ask the browser to hold the page.
  useEffect(() => {
    const hold = (e: BeforeUnloadEvent) => {
      if (!unsaved.current || !editor) return;
      if (timer.current) clearTimeout(timer.current);
      void save(editor);
      e.preventDefault();
    };
    window.addEventListener("beforeunload", hold);
    return () => window.removeEventListener("beforeunload", hold);
  });

  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">{t("suggest.help")}</p>
      <div className="rounded border-2 border-red-200 bg-white">
        <EditorContent editor={editor} />
      </div>
      <p role="status" aria-live="polite" data-testid="suggest-status" className={typeof status === "object" ? "text-sm text-red-700" : "text-sm text-stone-600"}>
        {typeof status === "object" ? status.error : status === "saving" ? t("suggest.saving") : status === "saved" ? t("suggest.saved") : ""}
      </p>
    </div>
  );
}
