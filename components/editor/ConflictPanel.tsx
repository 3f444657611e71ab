"use client";

import { useState } from "react";
import { DiffText } from "@/components/editor/DiffText";
import { readableDiff } from "@/lib/core/text/paragraph-diff";
import type { SectionSnapshot } from "@/lib/sections/save";
import type { Paragraph } from "@/lib/core/text/paragraphs";
import { paragraphsToText, textToParagraphs } from "@/lib/core/text/text-form";
import { chinaDateTime } from "@/lib/core/dates";
import { useT } from "@/components/i18n/I18nProvider";

export interface SectionText {
  heading: string;
  runIn: boolean;
  content: Paragraph[];
}

interface Props {
  mine: SectionText;
  theirs: SectionSnapshot;
  onChoose: (choice: SectionText, keepTheirs: boolean) => void;
}

/** Two versions side by side; nothing is saved until the user picks. */
export function ConflictPanel({ mine, theirs, onChoose }: Props) {
  const t = useT();
  const [merging, setMerging] = useState(false);
  const mineText = paragraphsToText(mine.content);
  const theirsText = paragraphsToText(theirs.content);
  const [merged, setMerged] = useState(mineText);
  const diff = readableDiff(theirsText, mineText);
  return (
    <section role="region" aria-label={t("conflict.region")} className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
      <h2 className="font-semibold text-red-900">{t("conflict.title")}</h2>
      <p className="mt-1 text-sm text-red-900">
        {t("conflict.explain", { who: theirs.authorName ?? t("conflict.someone"), at: chinaDateTime(theirs.updatedAt), version: theirs.version })}
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">{t("conflict.mine")}</h3>
          <div data-testid="conflict-mine" className="doc-text mt-1 max-h-72 overflow-auto whitespace-pre-wrap rounded border bg-white p-2 text-sm">
            {mine.heading ? <strong className="block">{mine.heading}</strong> : null}
            {mineText}
          </div>
        </div>
        <div>
          <h3 className="text-sm font-semibold">{t("conflict.theirs")}</h3>
          <div data-testid="conflict-theirs" className="doc-text mt-1 max-h-72 overflow-auto whitespace-pre-wrap rounded border bg-white p-2 text-sm">
            {theirs.heading ? <strong className="block">{theirs.heading}</strong> : null}
            {theirsText}
          </div>
        </div>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">{t("conflict.diff")}</summary>
        {diff.byChars ? null : <p role="note" className="mt-1 text-xs text-amber-800">{t("diff.coarse")}</p>}
        <p className="doc-text mt-2 whitespace-pre-wrap rounded border bg-white p-2">
          <DiffText segments={diff.segments} />
        </p>
      </details>
      {merging ? (
        <div className="mt-3">
          <label htmlFor="merge-text" className="text-sm font-medium">{t("conflict.mergeLabel")}</label>
          <textarea id="merge-text" rows={10} value={merged} onChange={(e) => setMerged(e.target.value)}
            className="doc-text mt-1 w-full rounded border border-stone-300 p-2" />
          <button type="button" onClick={() => onChoose({ heading: mine.heading, runIn: mine.runIn, content: textToParagraphs(merged) }, false)}
            className="mt-2 rounded bg-red-800 px-3 py-1 text-sm text-white">{t("conflict.saveMerge")}</button>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => onChoose(mine, false)} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("conflict.keepMine")}</button>
        <button type="button" onClick={() => onChoose({ heading: theirs.heading, runIn: theirs.runIn, content: theirs.content }, true)}
          className="rounded border border-stone-400 bg-white px-3 py-1 text-sm">{t("conflict.takeTheirs")}</button>
        {merging ? null : (
          <button type="button" onClick={() => setMerging(true)} className="rounded border border-stone-400 bg-white px-3 py-1 text-sm">{t("conflict.merge")}</button>
        )}
      </div>
    </section>
  );
}
