"use client";

import { useState, type ReactNode } from "react";
import { useT } from "@/components/i18n/I18nProvider";

/** The section's text as usual (editor or read-only), or 修订 mode for those who may suggest. */
export function ReviewModes({ normal, suggesting, canSuggest }: { normal: ReactNode; suggesting: ReactNode; canSuggest: boolean }) {
  const t = useT();
  const [on, setOn] = useState(false);
  if (!canSuggest) return <>{normal}</>;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <button type="button" aria-pressed={on} onClick={() => setOn(!on)}
          className={`rounded border px-3 py-1 text-sm ${on ? "border-red-800 bg-red-800 text-white" : "border-red-800 text-red-800"}`}>
          {t("suggest.toggle")}
        </button>
      </div>
      {on ? <div className="rounded-lg bg-white p-6 shadow-sm">{suggesting}</div> : normal}
    </div>
  );
}
