"use client";

import type { DiffSegment } from "@/lib/core/text/paragraph-diff";
import { useT } from "@/components/i18n/I18nProvider";

/** A character diff for reading: insertions green, deletions struck through in red. */
export function DiffText({ segments }: { segments: DiffSegment[] }) {
  const t = useT();
  return (
    <>
      {segments.map((s, i) =>
        s.type === "equal" ? <span key={i}>{s.text}</span> :
        s.type === "insert" ? <ins key={i} className="bg-green-100 no-underline" title={t("diff.inserted")}>{s.text}</ins> :
        <del key={i} className="bg-red-100" title={t("diff.deleted")}>{s.text}</del>,
      )}
    </>
  );
}
