"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { restoreSectionAction } from "@/app/actions/sections";
import { useT } from "@/components/i18n/I18nProvider";
import { chinaDateTime } from "@/lib/core/dates";

export function DeletedSections({ sections }: { sections: { id: string; heading: string; deletedAt: string; deletedBy: string | null }[] }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  if (!sections.length) return null;
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium">{t("tree.deleted", { count: sections.length })}</summary>
      {message ? <p role="status" className="mt-2 text-sm text-red-700">{message}</p> : null}
      <ul className="mt-2 space-y-1 text-sm">
        {sections.map((s) => (
          <li key={s.id} className="flex items-center gap-3">
            <span>{s.heading}</span>
            <span className="text-xs text-stone-500">{t("tree.deletedBy", { name: s.deletedBy ?? t("trail.system"), at: chinaDateTime(s.deletedAt) })}</span>
            <button type="button" disabled={pending} className="rounded border border-stone-300 px-2 py-0.5 text-xs"
              onClick={() => start(async () => {
                const r = await restoreSectionAction({ sectionId: s.id });
                setMessage(r.ok ? null : r.error);
                router.refresh();
              })}>
              {t("tree.restore", { heading: s.heading })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
