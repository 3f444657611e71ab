"use client";

import { useCallback, useRef, useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { EditorContent, type Editor } from "@tiptap/react";
import { cleanParagraphs, plainText, sameParagraphs, type Paragraph } from "@/lib/core/text/paragraphs";
import { draftKey, paragraphsToDoc, readDraft, type LocalDraft } from "@/lib/core/text/editor-doc";
import { countChineseChars } from "@/lib/core/text/char-count";
import { planPaste } from "@/lib/core/text/paste-text";
import { pasteSubsectionsAction } from "@/app/actions/sections";
import { useAutosave } from "./useAutosave";
import type { SaveState } from "./section-saver";
import { ConflictPanel, type SectionText } from "./ConflictPanel";
import { FormatPanel } from "./FormatPanel";
import type { TextRange } from "./comment-marks";
import { readParagraphs, useBodyEditor } from "./useBodyEditor";
import { HeadingFields, NumberingToolbar } from "./SectionFields";
import { useT } from "@/components/i18n/I18nProvider";

interface Props {
  sectionId: string;
  label: string;
  isIntro: boolean;
  canHaveChildren: boolean;
  initial: SectionText & { version: number };
  /** the last numbers used at levels 3 and 4 before this section's text */
  numberingStart: { 3: number; 4: number };
  maxChars: number;
  runInBold: boolean;
  /** passages with open comments, highlighted as in the read-only text */
  commented: TextRange[];
}

function StatusLine({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const t = useT();
  const text =
    state.kind === "saving" ? t("editor.saving") :
    state.kind === "dirty" ? t("editor.dirty") :
    state.kind === "saved" ? (state.at ? t("editor.savedAt", { at: state.at }) : t("editor.saved")) :
    state.kind === "conflict" ? t("editor.conflict") : t("editor.failed");
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="save-status-line">
      <span role="status" aria-live="polite" data-testid="save-status"
        className={state.kind === "error" || state.kind === "conflict" ? "font-medium text-red-700" : state.kind === "saved" ? "text-green-800" : "text-stone-600"}>
        {text}
      </span>
      {state.kind === "error" ? (
        <>
          <span className="text-red-700">{state.message}</span>
          <button type="button" onClick={onRetry} className="rounded border border-red-700 px-2 py-0.5 text-red-800">{t("editor.retry")}</button>
        </>
      ) : null}
    </div>
  );
}

/** The text being edited: the heading and run-in choice (state for rendering, refs for the saver), the body's paragraphs. */
function useEditedText(initial: SectionText) {
  const [heading, setHeading] = useState(initial.heading);
  const headingRef = useRef(initial.heading);
  const [runIn, setRunIn] = useState(initial.runIn);
  const runInRef = useRef(initial.runIn);
  const [paragraphs, setParagraphs] = useState<Paragraph[]>(initial.content);
  const editorRef = useRef<Editor | null>(null);
  const read = useCallback(
    // Before the editor exists, the text is what the server sent.
    (): SectionText => ({ heading: headingRef.current, runIn: runInRef.current, content: editorRef.current ? readParagraphs(editorRef.current) : initial.content }),
    [initial.content],
  );
  const changeHeading = (next: string) => {
    headingRef.current = next;
    setHeading(next);
  };
  const changeRunIn = (next: boolean) => {
    runInRef.current = next;
    setRunIn(next);
  };
  /** Replaces everything shown (a draft, a choice after a conflict, fixed paragraphs). */
  const setAll = (next: SectionText) => {
    changeHeading(next.heading);
    changeRunIn(next.runIn);
    editorRef.current?.commands.setContent(paragraphsToDoc(next.content), { emitUpdate: false });
    setParagraphs(next.content);
  };
  return { heading, runIn, paragraphs, setParagraphs, editorRef, read, changeHeading, changeRunIn, setAll };
}

/** A draft left in this browser (closed tab, lost connection) that differs from the text the server sent, or null. */
function leftDraft(sectionId: string, initial: SectionText): LocalDraft | null {
  const draft = readDraft(typeof localStorage === "undefined" ? null : localStorage.getItem(draftKey(sectionId)));
  if (!draft) return null;
  if (sameParagraphs(cleanParagraphs(draft.content), cleanParagraphs(initial.content)) && draft.heading === initial.heading && draft.runIn === initial.runIn) return null;
  return draft;
}

/**
 * Pasted text: its paragraphs inserted (list numbers become numbered paragraphs), numbered
 * headings sent to become sub-sections, and what changed said in a notice. Always saved.
 */
function useSectionPaste(opts: { sectionId: string; canHaveChildren: boolean; editorRef: RefObject<Editor | null>; setNotice: (notice: string) => void; changed: () => void }) {
  const t = useT();
  const router = useRouter();
  const { sectionId, canHaveChildren, editorRef, setNotice, changed } = opts;
  return (plain: string, html: string): boolean => {
    const e = editorRef.current;
    if (!e || (!plain && !html)) return false;
    const plan = planPaste(plain, html, canHaveChildren);
    if (plan.paragraphs.length) {
      const nodes = paragraphsToDoc(plan.paragraphs).content;
      e.chain().focus().insertContent(nodes).run();
    }
    const notes: string[] = [];
    if (plan.tables) notes.push(t("editor.pasteTables", { count: plan.tables }));
    if (plan.renumbered) notes.push(t("editor.pasteRenumbered", { count: plan.renumbered }));
    if (plan.subsections) {
      void pasteSubsectionsAction({ sectionId, text: plan.subsections }).then((r) => {
        setNotice([...notes, r.ok ? t("editor.pasteSubsections", { count: r.data.created }) : r.error].join(" "));
        router.refresh();
      });
    } else if (notes.length) setNotice(notes.join(" "));
    // Every change is saved, a paste included (insertContent of many nodes may land without a key press after it).
    changed();
    return true;
  };
}

export function SectionEditor({ sectionId, label, isIntro, canHaveChildren, initial, numberingStart, maxChars, runInBold, commented }: Props) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const { heading, runIn, paragraphs, setParagraphs, editorRef, read, changeHeading, changeRunIn, setAll } = useEditedText(initial);
  const { state, changed, saveNow, resolve } = useAutosave({ sectionId, initial, read });
  const paste = useSectionPaste({ sectionId, canHaveChildren, editorRef, setNotice, changed });
  const editor = useBodyEditor({
    content: initial.content, numberingStart, commented, runInBold, changed, paste,
    onCreate: (e) => {
      editorRef.current = e;
      // A draft left in this browser comes back first.
      const draft = leftDraft(sectionId, initial);
      if (!draft) return;
      setAll(draft);
      if (draft.baseVersion === initial.version) {
        setNotice(t("editor.recovered"));
        void saveNow();
      } else {
        void saveNow(draft); // based on an older version: the server answers with the conflict screen
      }
    },
    onParagraphs: setParagraphs,
  });

  const text = plainText(paragraphs);
  const chars = (isIntro ? 0 : countChineseChars(heading)) + countChineseChars(text);
  const tooLong = text.length > maxChars;
  const applyParagraphs = (content: Paragraph[]) => {
    setAll({ ...read(), content });
    changed();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusLine state={state} onRetry={() => void saveNow()} />
        <span className="text-sm text-stone-600" data-testid="section-chars">{t("editor.chars", { count: chars })}</span>
      </div>
      {notice ? <p role="status" className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-900">{notice}</p> : null}
      {tooLong ? <p className="text-sm text-red-700">{t("editor.tooLong", { max: maxChars.toLocaleString("en") })}</p> : null}
      {state.kind === "conflict" ? (
        <ConflictPanel
          mine={state.mine}
          theirs={state.theirs}
          onChoose={(choice, keepTheirs) => {
            setAll(choice);
            resolve(choice, state.theirs, keepTheirs);
          }}
        />
      ) : null}
      {isIntro ? null : (
        <HeadingFields label={label} heading={heading} runIn={runIn} disabled={state.kind === "conflict"}
          onHeading={(h) => {
            changeHeading(h);
            changed();
          }}
          onRunIn={(on) => {
            changeRunIn(on);
            changed();
          }} />
      )}
      <NumberingToolbar editorRef={editorRef} />
      <div className={`rounded border border-stone-300 bg-white ${state.kind === "conflict" ? "pointer-events-none opacity-60" : ""}`}>
        <EditorContent editor={editor} />
      </div>
      <FormatPanel heading={isIntro ? null : heading} paragraphs={paragraphs}
        onFixHeading={(h) => {
          changeHeading(h);
          changed();
        }}
        onFixParagraphs={applyParagraphs} />
    </div>
  );
}
