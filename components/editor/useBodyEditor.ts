"use client";

// The Tiptap editor of a section's body: the report's paragraphs (numbered by position,
// run-in headings, comment marks), no CSS of Tiptap's own, pasted text through the page's
// rule, and a change reported once an IME has committed its word.
import { useEffect, useRef } from "react";
import { useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { docToParagraphs, paragraphsToDoc } from "@/lib/core/text/editor-doc";
import type { Paragraph } from "@/lib/core/text/paragraphs";
import { NumberedParagraph } from "./numbered-paragraph";
import { CommentMarks, type TextRange } from "./comment-marks";
import { useT } from "@/components/i18n/I18nProvider";

export const readParagraphs = (e: Editor): Paragraph[] => docToParagraphs(e.getJSON());

export function useBodyEditor(opts: {
  content: Paragraph[];
  /** the last numbers used at levels 3 and 4 before this section's text */
  numberingStart: { 3: number; 4: number };
  commented: TextRange[];
  runInBold: boolean;
  onCreate: (e: Editor) => void;
  /** the paragraphs changed (an IME mid-word included) */
  onParagraphs: (paragraphs: Paragraph[]) => void;
  /** a change to save: every one but an IME's unfinished word */
  changed: () => void;
  /** pasted text (plain and HTML); true when it was handled */
  paste: (plain: string, html: string) => boolean;
}): Editor | null {
  const t = useT();
  // The latest paste handler: the editor keeps the options it was made with.
  const pasteRef = useRef(opts.paste);
  useEffect(() => {
    pasteRef.current = opts.paste;
  });
  const { changed } = opts;
  const editor = useEditor({
    immediatelyRender: false,
    // No <style> element of Tiptap's own: the page's CSP allows only our stylesheet.
    injectCSS: false,
    extensions: [Document, NumberedParagraph.configure({ start: opts.numberingStart }), Text, UndoRedo, CommentMarks.configure({ ranges: opts.commented })],
    content: paragraphsToDoc(opts.content),
    editorProps: {
      attributes: {
        class: `doc-text min-h-[16rem] whitespace-pre-wrap px-4 py-3 text-[1.05rem] leading-8 outline-none [&_p]:indent-[2em] [&_p]:my-1 ${opts.runInBold ? "[&_.run-in-lead]:font-bold" : "[&_.run-in-lead]:underline [&_.run-in-lead]:decoration-dotted"}`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": t("editor.body"),
      },
      // Pasted text keeps its words and paragraph breaks; list numbers become numbered paragraphs.
      handlePaste: (_view, event) => pasteRef.current(event.clipboardData?.getData("text/plain") ?? "", event.clipboardData?.getData("text/html") ?? ""),
    },
    onCreate: ({ editor: e }) => opts.onCreate(e),
    onUpdate: ({ editor: e }) => {
      opts.onParagraphs(readParagraphs(e));
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
  return editor;
}
