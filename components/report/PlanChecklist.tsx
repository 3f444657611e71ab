"use client";

import { useState, useTransition } from "react";
import { updatePlanItemAction } from "@/app/actions/sections";
import { PLAN_OUTCOMES, type PlanOutcome } from "@/lib/reports/plan-items";
import { useT } from "@/components/i18n/I18nProvider";

interface Item {
  id: string;
  text: string;
  outcome: string;
  note: string;
}

/** Last year's 主要安排, each with what became of it; shown beside this year's 一、. */
export function PlanChecklist({ items, editable, sourceYear }: { items: Item[]; editable: boolean; sourceYear: number | null }) {
  const t = useT();
  return (
    <aside aria-label={t("plan.title")} className="mt-4 rounded border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">
        {t("plan.heading", { source: sourceYear ? t("plan.sourceYear", { year: sourceYear }) : t("plan.sourceUnknown") })}
      </p>
      <ol className="mt-2 space-y-3">
        {items.map((item) => <PlanRow key={item.id} item={item} editable={editable} />)}
      </ol>
    </aside>
  );
}

function PlanRow({ item, editable }: { item: Item; editable: boolean }) {
  const t = useT();
  const [outcome, setOutcome] = useState(item.outcome as PlanOutcome);
  const [note, setNote] = useState(item.note);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const r = await updatePlanItemAction({ itemId: item.id, outcome, note });
      setStatus(r.ok ? t("savedShort") : r.error);
    });
  return (
    <li className="text-sm">
      <p className="font-medium text-stone-800">{item.text}</p>
      {editable ? (
        <div className="mt-1 flex flex-wrap items-start gap-2">
          <select aria-label={t("plan.outcomeOf", { text: item.text })} value={outcome} onChange={(e) => setOutcome(e.target.value as PlanOutcome)}
            className="rounded border border-stone-300 px-2 py-1">
            {PLAN_OUTCOMES.map((o) => <option key={o} value={o}>{t(`plan.outcome.${o}`)}</option>)}
          </select>
          <textarea aria-label={t("plan.noteOf", { text: item.text })} value={note} onChange={(e) => setNote(e.target.value)} rows={1}
            className="min-w-[16rem] flex-1 rounded border border-stone-300 px-2 py-1" />
          <button type="button" disabled={pending} onClick={save} className="rounded border border-stone-300 bg-white px-2 py-1">{t("save")}</button>
          {status ? <span role="status" className="text-xs text-stone-600">{status}</span> : null}
        </div>
      ) : (
        <p className="text-stone-600">{note ? t("plan.outcomeWithNote", { outcome: t(`plan.outcome.${outcome}`), note }) : t(`plan.outcome.${outcome}`)}</p>
      )}
    </li>
  );
}
