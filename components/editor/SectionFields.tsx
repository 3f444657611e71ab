"use client";

// The section editor's controls around the body: the heading and its run-in choice, and
// the numbering toolbar for the paragraphs the selection touches.
import type { RefObject } from "react";
import type { Editor } from "@tiptap/react";
import { useT } from "@/components/i18n/I18nProvider";

export function HeadingFields({ label, heading, runIn, disabled, onHeading, onRunIn }: {
  label: string;
  heading: string;
  runIn: boolean;
  disabled: boolean;
  onHeading: (heading: string) => void;
  onRunIn: (runIn: boolean) => void;
}) {
  const t = useT();
  return (
    <div className="space-y-1">
      <div className="flex items-baseline gap-2">
        <span className="doc-text text-lg font-bold" aria-hidden>{label}</span>
        <label className="sr-only" htmlFor="section-heading">{t("editor.heading")}</label>
        <input id="section-heading" value={heading} disabled={disabled}
          onChange={(e) => onHeading(e.target.value)}
          className="doc-text flex-1 rounded border border-stone-300 px-3 py-2 text-lg font-bold" />
      </div>
      <label className="flex items-center gap-2 text-sm text-stone-700">
        <input type="checkbox" checked={runIn} disabled={disabled}
          onChange={(e) => onRunIn(e.target.checked)} />
        {t("editor.runIn", { label })}
      </label>
    </div>
  );
}

export function NumberingToolbar({ editorRef }: { editorRef: RefObject<Editor | null> }) {
  const t = useT();
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
  return (
    <div role="toolbar" aria-label={t("editor.numbering")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600">{t("editor.paragraphIs")}</span>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(3)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.level3")}</button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(4)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.level4")}</button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setLevel(null)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.noNumber")}</button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={toggleRunIn} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">{t("editor.leadIn")}</button>
    </div>
  );
}
