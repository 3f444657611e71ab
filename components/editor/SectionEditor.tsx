"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { cleanContent } from "@/lib/sections/content";
import { draftKey, textToDoc, type LocalDraft } from "@/lib/sections/editor-doc";
import { countChineseChars } from "@/lib/sections/text";
import { splitLines } from "@/lib/import/parse-text";
import { matchHeading } from "@/lib/import/headings";
import { pasteSubsectionsAction } from "@/app/actions/sections";
import { useAutosave, type SaveState } from "./useAutosave";
import { ConflictPanel } from "./ConflictPanel";
import { FormatPanel } from "./FormatPanel";

interface Props {
  sectionId: string;
  label: string;
  isIntro: boolean;
  canHaveChildren: boolean;
  initial: { version: number; heading: string; content: string };
  maxChars: number;
}

function StatusLine({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const text =
    state.kind === "saving" ? "保存中…" :
    state.kind === "dirty" ? "有未保存的修改" :
    state.kind === "saved" ? (state.at ? `已保存 ${state.at}` : "已保存") :
    state.kind === "conflict" ? "保存冲突：请选择" : "保存失败";
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="save-status-line">
      <span role="status" aria-live="polite" data-testid="save-status"
        className={state.kind === "error" || state.kind === "conflict" ? "font-medium text-red-700" : state.kind === "saved" ? "text-green-800" : "text-stone-600"}>
        {text}
      </span>
      {state.kind === "error" ? (
        <>
          <span className="text-red-700">{state.message}</span>
          <button type="button" onClick={onRetry} className="rounded border border-red-700 px-2 py-0.5 text-red-800">重试</button>
        </>
      ) : null}
    </div>
  );
}

export function SectionEditor({ sectionId, label, isIntro, canHaveChildren, initial, maxChars }: Props) {
  const router = useRouter();
  const [heading, setHeading] = useState(initial.heading);
  const headingRef = useRef(initial.heading);
  const [text, setText] = useState(initial.content);
  const [notice, setNotice] = useState<string | null>(null);
  const editorRef = useRef<Editor | null>(null);

  const read = useCallback(
    // Before the editor exists, the text is what the server sent.
    () => ({ heading: headingRef.current, content: editorRef.current ? editorRef.current.getText({ blockSeparator: "\n" }) : initial.content }),
    [initial.content],
  );
  const { state, changed, saveNow, resolve } = useAutosave({ sectionId, initial, read });

  const pasteRef = useRef<(plain: string) => boolean>(() => false);
  const editor = useEditor({
    immediatelyRender: false,
    // No <style> element of Tiptap's own: the page's CSP allows only our stylesheet.
    injectCSS: false,
    extensions: [Document, Paragraph, Text, UndoRedo],
    content: textToDoc(initial.content),
    editorProps: {
      attributes: {
        class: "doc-text min-h-[16rem] whitespace-pre-wrap px-4 py-3 text-[1.05rem] leading-8 outline-none [&_p]:indent-[2em] [&_p]:my-1",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "正文",
      },
      // Pasted text keeps its words and paragraph breaks and nothing else.
      handlePaste: (_view, event) => {
        const plain = event.clipboardData?.getData("text/plain") ?? "";
        const html = event.clipboardData?.getData("text/html") ?? "";
        const source = plain || html.replace(/<\/(p|div|h\d|li|tr)>/gi, "\n").replace(/<[^>]+>/g, "");
        if (!source) return false;
        return pasteRef.current(source);
      },
    },
    onCreate: ({ editor: e }) => {
      editorRef.current = e;
      restoreDraft(e);
    },
    onUpdate: ({ editor: e }) => {
      setText(e.getText({ blockSeparator: "\n" }));
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

  function setAll(next: { heading: string; content: string }) {
    headingRef.current = next.heading;
    setHeading(next.heading);
    editorRef.current?.commands.setContent(textToDoc(next.content), { emitUpdate: false });
    setText(next.content);
  }

  // A draft left in this browser (closed tab, lost connection) comes back first.
  function restoreDraft(e: Editor) {
    editorRef.current = e;
    let draft: LocalDraft | null = null;
    try {
      draft = JSON.parse(localStorage.getItem(draftKey(sectionId)) ?? "null");
    } catch {
      draft = null;
    }
    if (!draft || (cleanContent(draft.content) === cleanContent(initial.content) && draft.heading === initial.heading)) return;
    if (draft.baseVersion === initial.version) {
      setAll(draft);
      setNotice("已恢复本浏览器中尚未保存的内容，正在保存。");
      void saveNow();
    } else {
      setAll(draft);
      void saveNow(draft); // based on an older version: the server answers with the conflict screen
    }
  }

  function pasteAsText(source: string): boolean {
    const editor = editorRef.current;
    if (!editor) return false;
    const lines = splitLines(source);
    const firstHeading = lines.findIndex((l) => matchHeading(l));
    const leading = firstHeading === -1 ? lines : lines.slice(0, firstHeading);
    if (leading.length) {
      editor.chain().focus().insertContent(leading.map((l) => ({ type: "paragraph", content: [{ type: "text", text: l }] }))).run();
    }
    if (firstHeading !== -1) {
      if (!canHaveChildren) {
        editor.chain().focus().insertContent(lines.slice(firstHeading).map((l) => ({ type: "paragraph", content: [{ type: "text", text: l }] }))).run();
        setNotice("此章节下不能再分子章节，粘贴的编号标题已作为正文保留。");
      } else {
        void pasteSubsectionsAction({ sectionId, text: lines.slice(firstHeading).join("\n") }).then((r) => {
          setNotice(r.ok ? `粘贴内容中的 ${r.data.created} 个编号标题已转为子章节。` : r.error);
          router.refresh();
        });
      }
    }
    return true;
  }
  useEffect(() => {
    pasteRef.current = pasteAsText;
  });

  const chars = (isIntro ? 0 : countChineseChars(heading)) + countChineseChars(text);
  const tooLong = text.length > maxChars;
  const applyText = (content: string) => {
    setAll({ heading: headingRef.current, content });
    changed();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusLine state={state} onRetry={() => void saveNow()} />
        <span className="text-sm text-stone-600" data-testid="section-chars">本节 {chars} 字</span>
      </div>
      {notice ? <p className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-900">{notice}</p> : null}
      {tooLong ? <p className="text-sm text-red-700">正文超过 {maxChars.toLocaleString("en")} 个字符，服务器会拒绝保存，请拆分为多个章节。</p> : null}
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
        <div className="flex items-baseline gap-2">
          <span className="doc-text text-lg font-bold" aria-hidden>{label}</span>
          <label className="sr-only" htmlFor="section-heading">标题</label>
          <input id="section-heading" value={heading} disabled={state.kind === "conflict"}
            onChange={(e) => {
              headingRef.current = e.target.value;
              setHeading(e.target.value);
              changed();
            }}
            className="doc-text flex-1 rounded border border-stone-300 px-3 py-2 text-lg font-bold" />
        </div>
      )}
      <div className={`rounded border border-stone-300 bg-white ${state.kind === "conflict" ? "pointer-events-none opacity-60" : ""}`}>
        <EditorContent editor={editor} />
      </div>
      <FormatPanel heading={isIntro ? null : heading} content={text}
        onFixHeading={(h) => {
          headingRef.current = h;
          setHeading(h);
          changed();
        }}
        onFixContent={applyText} />
    </div>
  );
}
