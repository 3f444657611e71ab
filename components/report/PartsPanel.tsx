"use client";

import { useState, useTransition } from "react";
import { setPartMappingAction, setPartsSharedReasonAction } from "@/app/actions/reports";
import { useT } from "@/components/i18n/I18nProvider";

interface Part { key: string; name: string; required: boolean; state: "present" | "empty" | "missing" | "shared"; sectionId: string | null; sharedWith: string | null }

/**
 * 规定部分: which first-level section covers each part the district requires; a town maps
 * its own wording. A section counts for one part unless the town says why it covers several.
 */
export function PartsPanel({ reportId, parts, sections, canMap, sharedReason }: { reportId: string; parts: Part[]; sections: { id: string; title: string }[]; canMap: boolean; sharedReason: string | null }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState(sharedReason ?? "");
  const [saved, setSaved] = useState(false);
  const title = (id: string | null) => sections.find((s) => s.id === id)?.title ?? "";
  const covering = parts.some((p) => p.sharedWith);
  return (
    <section aria-label={t("parts.title")} className="rounded-lg bg-white p-4 text-sm shadow-sm">
      <p className="font-semibold">{t("parts.title")}</p>
      <ul className="mt-2 space-y-1">
        {parts.map((p) => (
          <li key={p.key} className="flex flex-wrap items-center gap-2" data-testid={`part-${p.key}`}>
            <span className={p.state === "present" ? "text-green-800" : p.required ? "font-medium text-red-700" : "text-stone-500"}>
              {t(`parts.state.${p.state}`)}
            </span>
            <span>{p.name}{p.required ? "" : t("parts.optional")}</span>
            {canMap ? (
              <select aria-label={t("parts.mapLabel", { part: p.name })} value={p.sectionId ?? ""} disabled={pending} className="rounded border border-stone-300 px-1 py-0.5 text-xs"
                onChange={(e) => start(async () => {
                  const r = await setPartMappingAction({ reportId, partKey: p.key, sectionId: e.target.value || null });
                  setError(r.ok ? null : r.error);
                })}>
                <option value="">{t("parts.auto")}</option>
                {sections.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
              </select>
            ) : p.sectionId ? <span className="text-stone-500">{title(p.sectionId)}</span> : null}
            {p.sharedWith ? <span className="text-xs text-stone-600">{t("parts.sharedWith", { part: p.sharedWith })}</span> : null}
          </li>
        ))}
      </ul>
      {covering && canMap ? (
        <form className="mt-3 space-y-1" onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await setPartsSharedReasonAction({ reportId, reason });
            setError(r.ok ? null : r.error);
            setSaved(r.ok);
          });
        }}>
          <label className="block">{t("parts.sharedReason")}
            <textarea value={reason} onChange={(e) => { setReason(e.target.value); setSaved(false); }} rows={2} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
          </label>
          <div className="flex items-center gap-2">
            <button type="submit" disabled={pending} className="rounded border border-red-800 px-3 py-1 text-red-800 disabled:cursor-not-allowed disabled:opacity-50">{t("parts.sharedReasonSave")}</button>
            {saved ? <span role="status" className="text-green-800">{t("saved")}</span> : null}
          </div>
        </form>
      ) : covering && sharedReason ? <p className="mt-2 text-stone-600">{t("parts.sharedReasonShown", { reason: sharedReason })}</p> : null}
      {error ? <p role="status" className="mt-2 text-red-700">{error}</p> : null}
    </section>
  );
}
