"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionSectionAction } from "@/app/actions/workflow";
import { SECTION_ACTIONS, type SectionAction } from "@/lib/core/workflow/machine";
import { shownActions, type AnswerView } from "@/lib/core/policy/answer";
import { useT } from "@/components/i18n/I18nProvider";
import { ActionButton } from "./ActionButton";
import { useSettleSection } from "@/components/editor/LiveSection";

/** The section's workflow buttons as the policy answered; the server decides again on every click. */
export function SectionWorkflow({ sectionId, answers }: { sectionId: string; answers: Record<SectionAction, AnswerView> }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const settle = useSettleSection();
  const actions = shownActions(answers, SECTION_ACTIONS);
  if (!actions.length) return null;
  const run = (action: SectionAction) =>
    start(async () => {
      setError(null);
      // The step is taken on the text in the editor: its last words reach the server first.
      if (!(await settle())) return setError(t("flow.unsavedText"));
      const r = await transitionSectionAction({ sectionId, action, ...(action === "return" ? { reason } : {}) });
      if (!r.ok) return setError(r.error);
      setReturning(false);
      setReason("");
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-start gap-2" aria-label={t("flow.sectionGroup")} role="group">
      {actions.filter((a) => a !== "return").map((a) => (
        <ActionButton key={a} answer={answers[a]} label={t(`action.section.${a}`)} pending={pending} primary={a !== "withdraw"} onClick={() => run(a)} />
      ))}
      {actions.includes("return") ? (
        returning ? (
          <form className="flex w-full flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run("return"); }}>
            <label className="flex-1 text-sm">
              {t("flow.returnReason")}
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required
                className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("flow.returnConfirm")}</button>
            <button type="button" onClick={() => setReturning(false)} className="text-sm underline">{t("cancel")}</button>
          </form>
        ) : (
          <ActionButton answer={answers.return} label={t("action.section.return")} pending={pending} primary={false} onClick={() => setReturning(true)} />
        )
      ) : null}
      {error ? <p role="status" className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
