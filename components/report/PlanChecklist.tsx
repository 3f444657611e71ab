"use client";

import { useState, useTransition } from "react";
import { updatePlanItemAction } from "@/app/actions/sections";
import { PLAN_OUTCOMES, PLAN_OUTCOME_LABELS, type PlanOutcome } from "@/lib/reports/plan-items";

interface Item {
  id: string;
  text: string;
  outcome: string;
  note: string;
}

/** Last year's 主要安排, each with what became of it; shown beside this year's 一、. */
export function PlanChecklist({ items, editable, sourceYear }: { items: Item[]; editable: boolean; sourceYear: number | null }) {
  return (
    <aside aria-label="上年度主要安排落实情况" className="mt-4 rounded border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">
        {sourceYear ? `${sourceYear}年度报告` : "上年度报告"}中“主要安排”的落实情况（对照清单，不进入正文）
      </p>
      <ol className="mt-2 space-y-3">
        {items.map((item) => <PlanRow key={item.id} item={item} editable={editable} />)}
      </ol>
    </aside>
  );
}

function PlanRow({ item, editable }: { item: Item; editable: boolean }) {
  const [outcome, setOutcome] = useState(item.outcome as PlanOutcome);
  const [note, setNote] = useState(item.note);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const r = await updatePlanItemAction({ itemId: item.id, outcome, note });
      setStatus(r.ok ? "已保存" : r.error);
    });
  return (
    <li className="text-sm">
      <p className="font-medium text-stone-800">{item.text}</p>
      {editable ? (
        <div className="mt-1 flex flex-wrap items-start gap-2">
          <select aria-label={`“${item.text}”的落实情况`} value={outcome} onChange={(e) => setOutcome(e.target.value as PlanOutcome)}
            className="rounded border border-stone-300 px-2 py-1">
            {PLAN_OUTCOMES.map((o) => <option key={o} value={o}>{PLAN_OUTCOME_LABELS[o]}</option>)}
          </select>
          <textarea aria-label={`“${item.text}”的说明`} value={note} onChange={(e) => setNote(e.target.value)} rows={1}
            className="min-w-[16rem] flex-1 rounded border border-stone-300 px-2 py-1" />
          <button type="button" disabled={pending} onClick={save} className="rounded border border-stone-300 bg-white px-2 py-1">保存</button>
          {status ? <span role="status" className="text-xs text-stone-600">{status}</span> : null}
        </div>
      ) : (
        <p className="text-stone-600">{PLAN_OUTCOME_LABELS[outcome] ?? outcome}{note ? `：${note}` : ""}</p>
      )}
    </li>
  );
}
