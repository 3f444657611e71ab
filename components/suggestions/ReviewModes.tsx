"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { useT } from "@/components/i18n/I18nProvider";

const MODE_KEY = "report-studio:suggest-mode";
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** The section's text as usual (editor or read-only), or 修订 mode for those who may suggest. */
export function ReviewModes({ normal, suggesting, canSuggest }: { normal: ReactNode; suggesting: ReactNode; canSuggest: boolean }) {
  const t = useT();
  // The choice stays for the next section and the next visit: a reviewer who works in 修订
  // should not find their typing saved as edits after a reload. (Off on the server's render.)
  const on = useSyncExternalStore(subscribe, () => window.localStorage.getItem(MODE_KEY) === "1", () => false);
  const toggle = () => {
    window.localStorage.setItem(MODE_KEY, on ? "0" : "1");
    listeners.forEach((l) => l());
  };
  if (!canSuggest) return <>{normal}</>;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <button type="button" aria-pressed={on} onClick={toggle}
          className={`rounded border px-3 py-1 text-sm ${on ? "border-red-800 bg-red-800 text-white" : "border-red-800 text-red-800"}`}>
          {t("suggest.toggle")}
        </button>
      </div>
      {on ? <div className="rounded-lg bg-white p-6 shadow-sm">{suggesting}</div> : normal}
    </div>
  );
}
