"use client";

import { SECTION_STATUSES } from "@/lib/core/workflow/statuses";
import { useT } from "@/components/i18n/I18nProvider";

interface Row {
  ownerName: string | null;
  status: string;
}

/** Sections by state and by owner: who still has what to do (headings made of sub-sections have nothing to review and are left out). */
export function Dashboard({ sections, overdue }: { sections: Row[]; overdue: boolean }) {
  const t = useT();
  const owners = [...new Set(sections.map((s) => s.ownerName ?? t("noOwner")))];
  const count = (owner: string | null, status?: string) =>
    sections.filter((s) => (owner === null || (s.ownerName ?? t("noOwner")) === owner) && (!status || s.status === status)).length;
  return (
    <section aria-label={t("progress.title")} className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{t("progress.title")}{overdue ? <span className="ml-2 text-red-700">{t("progress.overdue")}</span> : null}</caption>
        <thead className="text-stone-500">
          <tr>
            <th scope="col" className="py-1 pr-4">{t("progress.owner")}</th>
            {SECTION_STATUSES.map((s) => <th key={s} scope="col" className="py-1 pr-4">{t(`section.status.${s}`)}</th>)}
            <th scope="col" className="py-1">{t("progress.total")}</th>
          </tr>
        </thead>
        <tbody>
          {owners.map((o) => (
            <tr key={o} className={`border-t border-stone-100 ${overdue && count(o) > count(o, "passed") ? "text-red-800" : ""}`}>
              <th scope="row" className="py-1 pr-4 font-normal">{o}</th>
              {SECTION_STATUSES.map((s) => <td key={s} className="py-1 pr-4">{count(o, s) || ""}</td>)}
              <td className="py-1">{count(o)}</td>
            </tr>
          ))}
          <tr className="border-t border-stone-300 font-medium">
            <th scope="row" className="py-1 pr-4">{t("progress.all")}</th>
            {SECTION_STATUSES.map((s) => <td key={s} className="py-1 pr-4" data-testid={`count-${s}`}>{count(null, s)}</td>)}
            <td className="py-1">{sections.length}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
