"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionReportAction } from "@/app/actions/workflow";
import { REPORT_ACTIONS, type ReportAction } from "@/lib/workflow/machine";
import { shownActions, type AnswerView } from "@/lib/policy/answer";
import type { ReportTransitionInput } from "@/lib/workflow/schemas";
import { useT } from "@/components/i18n/I18nProvider";
import { ActionButton } from "./ActionButton";

interface Props {
  reportId: string;
  /** the policy's answers for each step */
  answers: Record<ReportAction, AnswerView>;
  /** sections a return may reopen (only from 核稿 and 签发) */
  reopenable: { id: string; title: string }[];
  defaults: { copyTo: string; copies: number | null };
}

export function ReportWorkflow({ reportId, answers, reopenable, defaults }: Props) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<"return" | "issue" | null>(null);
  const [reason, setReason] = useState("");
  const [reopen, setReopen] = useState<string[]>([]);
  const [copyTo, setCopyTo] = useState(defaults.copyTo);
  const [copies, setCopies] = useState(defaults.copies ? String(defaults.copies) : "");
  const actions = shownActions(answers, REPORT_ACTIONS);
  if (!actions.length) return null;
  const run = (action: ReportAction, extra: Omit<ReportTransitionInput, "reportId" | "action"> = {}) =>
    start(async () => {
      setError(null);
      const r = await transitionReportAction({ reportId, action, ...extra });
      if (!r.ok) return setError(r.error);
      setForm(null);
      router.refresh();
    });
  return (
    <section aria-label={t("flow.report")} className="rounded-lg border border-red-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <ActionButton key={a} answer={answers[a]} label={t(`action.report.${a}`)} pending={pending} primary={a !== "return"}
            onClick={() => (a === "return" || a === "issue" ? setForm(a) : run(a))} />
        ))}
      </div>
      {form === "issue" ? (
        <form className="mt-3 flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => { e.preventDefault(); run("issue", { copyTo, copies: copies ? Number(copies) : null }); }}>
          <label>{t("meta.copyTo")}
            <input value={copyTo} onChange={(e) => setCopyTo(e.target.value)} className="ml-2 rounded border border-stone-300 px-2 py-1" />
          </label>
          <label>{t("meta.copies")}
            <input value={copies} onChange={(e) => setCopies(e.target.value)} inputMode="numeric" className="ml-2 w-20 rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">{t("flow.issueConfirm")}</button>
          <button type="button" className="underline" onClick={() => setForm(null)}>{t("cancel")}</button>
        </form>
      ) : null}
      {form === "return" ? (
        <form className="mt-3 space-y-2 text-sm" onSubmit={(e) => { e.preventDefault(); run("return", { reason, sectionIds: reopen }); }}>
          <label className="block">{t("flow.returnReason")}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
          </label>
          {reopenable.length ? (
            <fieldset>
              <legend>{t("flow.reopen")}</legend>
              <div className="mt-1 flex flex-wrap gap-3">
                {reopenable.map((s) => (
                  <label key={s.id} className="flex items-center gap-1">
                    <input type="checkbox" checked={reopen.includes(s.id)}
                      onChange={(e) => setReopen(e.target.checked ? [...reopen, s.id] : reopen.filter((x) => x !== s.id))} />
                    {s.title}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">{t("flow.returnConfirm")}</button>
            <button type="button" className="underline" onClick={() => setForm(null)}>{t("cancel")}</button>
          </div>
        </form>
      ) : null}
      {error ? <p role="status" className="mt-2 text-sm text-red-700">{error}</p> : null}
    </section>
  );
}
