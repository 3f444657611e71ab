"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { cleanParagraphs, plainText, sameParagraphs, type Paragraph } from "@/lib/core/text/paragraphs";
import { docToParagraphs, draftKey, paragraphsToDoc, readDraft } from "@/lib/core/text/editor-doc";
import { countChineseChars } from "@/lib/core/text/char-count";
import { planPaste } from "@/lib/core/text/paste-text";
import { pasteSubsectionsAction } from "@/app/actions/sections";
import { useAutosave, type SaveState } from "./useAutosave";
import { ConflictPanel, type SectionText } from "./ConflictPanel";
import { FormatPanel } from "./FormatPanel";
import { NumberedParagraph } from "./numbered-paragraph";
import { CommentMarks, type TextRange } from "./comment-marks";
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

const readParagraphs = (e: Editor): Paragraph[] => docToParagraphs(e.getJSON());

export function SectionEditor({ sectionId, label, isIntro, canHaveChildren, initial, numberingStart, maxChars, runInBold, commented }: Props) {
  const t = useT();
  const router = useRouter();
  const [heading, setHeading] = useState(initial.heading);
  const headingRef = useRef(initial.heading);
  const [runIn, setRunIn] = useState(initial.runIn);
  const runInRef = useRef(initial.runIn);
  const [paragraphs, setParagraphs] = useState<Paragraph[]>(initial.content);
  const [notice, setNotice] = useState<string | null>(null);
  const editorRef = useRef<Editor | null>(null);

  const read = useCallback(
    // Before the editor exists, the text is what the server sent.
    (): SectionText => ({ heading: headingRef.current, runIn: runInRef.current, content: editorRef.current ? readParagraphs(editorRef.current) : initial.content }),
    [initial.content],
  );
  const { state, changed, saveNow, resolve } = useAutosave({ sectionId, initial, read });

  const pasteRef = useRef<(plain: string, html: string) => boolean>(() => false);
  const editor = useEditor({
    immediatelyRender: false,
    // No <style> element of Tiptap's own: the page's CSP allows only our stylesheet.
    injectCSS: false,
    extensions: [Document, NumberedParagraph.configure({ start: numberingStart }), Text, UndoRedo, CommentMarks.configure({ ranges: commented })],
    content: paragraphsToDoc(initial.content),
    editorProps: {
      attributes: {
        class: `doc-text min-h-[16rem] whitespace-pre-wrap px-4 py-3 text-[1.05rem] leading-8 outline-none [&_p]:indent-[2em] [&_p]:my-1 ${runInBold ? "[&_.run-in-lead]:font-bold" : "[&_.run-in-lead]:underline [&_.run-in-lead]:decoration-dotted"}`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": t("editor.body"),
      },
      // Pasted text keeps its words and paragraph breaks; list numbers become numbered paragraphs.
      handlePaste: (_view, event) => pasteRef.current(event.clipboardData?.getData("text/plain") ?? "", event.clipboardData?.getData("text/html") ?? ""),
    },
    onCreate: ({ editor: e }) => {
      editorRef.current = e;
      restoreDraft(e);
    },
    onUpdate: ({ editor: e }) => {
      setParagraphs(readParagraphs(e));
      if (e.view.composing) return; // an IME is mid-word: save when it commits
      changed();
    },
  });

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onCommit = () => changed();
    dom.addEventListener("compositionend", onCommit);
    return () => dom.removeEventListener("compositionend", onCommit);
  }, [editor, changed]);

  function setAll(next: SectionText) {
    headingRef.current = next.heading;
    setHeading(next.heading);
    runInRef.current = next.runIn;
    setRunIn(next.runIn);
    editorRef.current?.commands.setContent(paragraphsToDoc(next.content), { emitUpdate: false });
    setParagraphs(next.content);
  }

  // A draft left in this browser (closed tab, lost connection) comes back first.
  function restoreDraft(e: Editor) {
    editorRef.current = e;
    const draft = readDraft(typeof localStorage === "undefined" ? null : localStorage.getItem(draftKey(sectionId)));
    if (!draft) return;
    if (sameParagraphs(cleanParagraphs(draft.content), cleanParagraphs(initial.content)) && draft.heading === initial.heading && draft.runIn === initial.runIn) return;
    setAll(draft);
    if (draft.baseVersion === initial.version) {
      setNotice(t("editor.recovered"));
      void saveNow();
    } else {
      void saveNow(draft); // based on an older version: the server answers with the conflict screen
    }
  }

  function paste(plain: string, html: string): boolean {
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
  }
  useEffect(() => {
    pasteRef.current = paste;
  });

  /** Numbering of the paragraphs the selection touches: a level, or none. */
  const setLevel = (level: 3 | 4 | null) => {
    editorRef.current?.chain().focus().updateAttributes("paragraph", { level, ...(level ? {} : { runIn: false }) }).run();
  };
  const toggleRunIn = () => {
    const e = editorRef.current;
    if (!e) return;
    const on = !!e.getAttributes("paragraph").runIn;
    e.chain().focus().updateAttributes("paragraph", { runIn: !on }).run();
  };

  const text = plainText(paragraphs);
  const chars = (isIntro ? 0 : countChineseChars(heading)) + countChineseChars(text);
  const tooLong = text.length > maxChars;
  const applyParagraphs = (content: Paragraph[]) => {
    setAll({ heading: headingRef.current, runIn: runInRef.current, content });
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
        <div className="space-y-1">
          <div className="flex items-baseline gap-2">
            <span className="doc-text text-lg font-bold" aria-hidden>{label}</span>
            <label className="sr-only" htmlFor="section-heading">{t("editor.heading")}</label>
            <input id="section-heading" value={heading} disabled={state.kind === "conflict"}
              onChange={(e) => {
                headingRef.current = e.target.value;
                setHeading(e.target.value);
                changed();
              }}
              className="doc-text flex-1 rounded border border-stone-300 px-3 py-2 text-lg font-bold" />
          </div>
          <label className="flex items-center gap-2 text-sm text-stone-700">
            <input type="checkbox" checked={runIn} disabled={state.kind === "conflict"}
              onChange={(e) => {
                runInRef.current = e.target.checked;
                setRunIn(e.target.checked);
                changed();
              }} />
            {t("editor.runIn", { label })}
          </label>
        </div>
      )}
      <div role="toolbar" aria-label={t("editor.numbering")} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-stone-600">{t("editor.paragraphIs")}</span>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(3)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.level3")}</button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(4)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.level4")}</button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(null)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.noNumber")}</button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={toggleRunIn} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.leadIn")}</button>
      </div>
      <div className={`rounded border border-stone-300 bg-white ${state.kind === "conflict" ? "pointer-events-none opacity-60" : ""}`}>
        <EditorContent editor={editor} />
      </div>
      <FormatPanel heading={isIntro ? null : heading} paragraphs={paragraphs}
        onFixHeading={(h) => {
          headingRef.current = h;
          setHeading(h);
          changed();
        }}
        onFixParagraphs={applyParagraphs} />
    </div>
  );
}
