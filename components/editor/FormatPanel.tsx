"use client";

import { useMemo } from "react";
import { applyAllFixes, applyFix, applyHeadingFix, checkContent, checkHeading, issueContext, type FormatIssue } from "@/lib/core/text/format-check";
import type { Paragraph } from "@/lib/core/text/paragraphs";
import { useT } from "@/components/i18n/I18nProvider";

interface Props {
  heading: string | null;
  paragraphs: Paragraph[];
  onFixHeading: (heading: string) => void;
  onFixParagraphs: (paragraphs: Paragraph[]) => void;
}

/** What the check looks for, readable before anything is wrong. */
const RULE_KEYS = ["format.rule.punctuation", "format.rule.quotes", "format.rule.spaces", "format.rule.docNumber", "format.rule.years", "format.rule.numbering"] as const;

/** Marks, never blocks: a mark that can be fixed has a one-click fix that changes only the marked span. */
export function FormatPanel({ heading, paragraphs, onFixHeading, onFixParagraphs }: Props) {
  const t = useT();
  const headingIssues = useMemo(() => (heading === null ? [] : checkHeading(heading)), [heading]);
  const contentIssues = useMemo(() => checkContent(paragraphs), [paragraphs]);
  const total = headingIssues.length + contentIssues.length;
  const fixable = contentIssues.filter((i) => i.replacement !== null).length;
  const row = (issue: FormatIssue, text: string, fix: (() => void) | null, key: string) => {
    const { before, after } = issueContext(text, issue);
    const message = t(issue.message.key, issue.message.params);
    return (
      <li key={key} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="doc-text rounded bg-white px-1">
          …{before}<mark className="bg-amber-200">{issue.found.replace(/ /g, "␣")}</mark>{after}…
        </span>
        <span className="text-stone-700">{message}</span>
        {fix ? (
          <button type="button" onClick={fix} className="rounded border border-amber-700 px-2 py-0.5 text-xs text-amber-900"
            aria-label={t("format.fixLabel", { message })}>
            {t("format.fix")}
          </button>
        ) : null}
      </li>
    );
  };
  return (
    <section aria-label={t("format.region")} className="rounded border border-amber-200 bg-amber-50 p-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-amber-900">
          {total === 0 ? t("format.summaryNone") : t("format.summary", { count: total })}
        </h2>
        {fixable > 1 ? (
          <button type="button" className="text-xs underline" onClick={() => onFixParagraphs(applyAllFixes(paragraphs))}>{t("format.fixAll")}</button>
        ) : null}
      </div>
      {total ? (
        <ul className="mt-2 space-y-1">
          {headingIssues.map((i, n) => row(i, heading ?? "", () => onFixHeading(applyHeadingFix(heading ?? "", i)), `h${n}`))}
          {contentIssues.map((i, n) =>
            row(i, paragraphs[i.paragraph]?.text ?? "", i.replacement === null ? null : () => onFixParagraphs(applyFix(paragraphs, i)), `c${n}`),
          )}
        </ul>
      ) : null}
      <details className="mt-2 text-xs text-stone-700">
        <summary className="cursor-pointer">{t("format.rulesTitle")}</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {RULE_KEYS.map((k) => <li key={k}>{t(k)}</li>)}
        </ul>
      </details>
    </section>
  );
}
