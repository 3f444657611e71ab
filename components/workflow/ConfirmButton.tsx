"use client";

import { useId } from "react";
import { useT } from "@/components/i18n/I18nProvider";

/**
 * The confirming button of a workflow form: disabled while something it needs is
 * missing, and then it looks disabled and says what is missing (a red button that
 * does nothing when clicked tells nobody anything).
 */
export function ConfirmButton({ label, missing, pending }: { label: string; missing: string[]; pending: boolean }) {
  const t = useT();
  const hint = useId();
  const blocked = missing.length > 0;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="submit" disabled={pending || blocked} aria-describedby={blocked ? hint : undefined}
        className="rounded bg-red-800 px-3 py-1 text-sm text-white disabled:cursor-not-allowed disabled:bg-stone-300 disabled:text-stone-600">
        {label}
      </button>
      {blocked ? <span id={hint} className="text-xs text-amber-800">{t("flow.stillMissing", { items: missing.join(t("shell.listSeparator")) })}</span> : null}
    </span>
  );
}
