"use client";

import { useMemo } from "react";
import { applyAllFixes, applyFix, checkContent, checkHeading, type FormatIssue } from "@/lib/sections/format-check";

interface Props {
  heading: string | null;
  content: string;
  onFixHeading: (heading: string) => void;
  onFixContent: (content: string) => void;
}

/** Marks, never blocks: each mark has a one-click fix. */
export function FormatPanel({ heading, content, onFixHeading, onFixContent }: Props) {
  const headingIssues = useMemo(() => (heading === null ? [] : checkHeading(heading)), [heading]);
  const contentIssues = useMemo(() => checkContent(content), [content]);
  const total = headingIssues.length + contentIssues.length;
  const context = (issue: FormatIssue, text: string) => {
    const p = text.split("\n")[issue.paragraph] ?? "";
    return [p.slice(Math.max(0, issue.start - 8), issue.start), issue.found, p.slice(issue.end, issue.end + 8)] as const;
  };
  const row = (issue: FormatIssue, text: string, fix: () => void, key: string) => {
    const [before, found, after] = context(issue, text);
    return (
      <li key={key} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="doc-text rounded bg-white px-1">
          …{before}<mark className="bg-amber-200">{found.replace(/ /g, "␣")}</mark>{after}…
        </span>
        <span className="text-stone-700">{issue.message}</span>
        <button type="button" onClick={fix} className="rounded border border-amber-700 px-2 py-0.5 text-xs text-amber-900"
          aria-label={`修正：${issue.message}`}>
          修正
        </button>
      </li>
    );
  };
  return (
    <section aria-label="格式检查" className="rounded border border-amber-200 bg-amber-50 p-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-amber-900">
          格式检查：{total === 0 ? "未发现问题" : `${total} 处提示（不影响保存）`}
        </h2>
        {contentIssues.length > 1 ? (
          <button type="button" className="text-xs underline" onClick={() => onFixContent(applyAllFixes(content))}>全部修正正文</button>
        ) : null}
      </div>
      {total ? (
        <ul className="mt-2 space-y-1">
          {headingIssues.map((i, n) => row(i, heading ?? "", () => onFixHeading(applyFix(heading ?? "", i)), `h${n}`))}
          {contentIssues.map((i, n) => row(i, content, () => onFixContent(applyFix(content, i)), `c${n}`))}
        </ul>
      ) : null}
    </section>
  );
}
