"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionReportAction } from "@/app/actions/workflow";
import { REPORT_ACTIONS, type ReportAction } from "@/lib/core/workflow/machine";
import { shownActions, type AnswerView } from "@/lib/core/policy/answer";
import type { ReportTransitionInput } from "@/lib/workflow/schemas";
import { useT } from "@/components/i18n/I18nProvider";
import { ActionButton } from "./ActionButton";
import { ConfirmButton } from "./ConfirmButton";
import { SignHeader, type SignHeaderFacts } from "./SignHeader";
import { InkPad } from "./InkPad";
import type { InkStroke } from "@/lib/core/export/issue-form";

interface Props {
  reportId: string;
  /** the policy's answers for each step */
  answers: Record<ReportAction, AnswerView>;
  /** sections a return may reopen (only from 核稿 and 签发) */
  reopenable: { id: string; title: string }[];
  defaults: { copyTo: string; copies: number | null };
  /** what 核稿通过 and 签发 show before they are confirmed */
  signing: SigningFacts | null;
  /** required parts missing or empty: 提交核稿 and 签发 need a stated reason */
  missingParts: string[];
}

export interface SigningFacts {
  contentHash: string;
  header: SignHeaderFacts;
  openComments: { id: string; sectionId: string; section: string | null; body: string; authorName: string }[];
  openSuggestions: { id: string; sectionId: string; section: string | null; kind: "insert" | "delete"; text: string; authorName: string; stale: boolean }[];
}

export function ReportWorkflow({ reportId, answers, reopenable, defaults, signing, missingParts }: Props) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<"return" | "issue" | "checkPass" | "signOff" | "submitForCheck" | null>(null);
  const [partsReason, setPartsReason] = useState("");
  const partsField = missingParts.length ? <PartsReason missingParts={missingParts} reason={partsReason} onReason={setPartsReason} /> : null;
  const withReason = missingParts.length ? { partsReason } : {};
  const reasonMissing = missingParts.length && !partsReason.trim() ? [t("flow.partsReason")] : [];
  const [addressee, setAddressee] = useState(signing?.header.addressee ?? "");
  const addresseeMissing = signing?.header.addresseeRequired && !addressee.trim() ? [t("flow.addressee")] : [];
  const [opinion, setOpinion] = useState("");
  const [ink, setInk] = useState<InkStroke[]>([]);
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
            onClick={() => {
              setError(null);
              if (a === "publish") return router.push(`/reports/${reportId}/publish`);
              if (a === "return" || a === "issue" || a === "checkPass" || a === "signOff") return setForm(a);
              if (a === "submitForCheck" && missingParts.length) return setForm(a);
              run(a);
            }} />
        ))}
      </div>
      {(form === "checkPass" || form === "signOff") && signing ? (
        <StepDialog step={form} reportId={reportId} signing={signing} pending={pending} opinion={opinion} setOpinion={setOpinion} ink={ink} setInk={setInk}
          onCancel={() => setForm(null)} onConfirm={() => run(form, { opinion, ...(ink.length ? { ink } : {}), ...(form === "signOff" ? { contentHash: signing.contentHash, addressee, ...withReason } : {}) })} error={error}
          missing={form === "signOff" ? [...addresseeMissing, ...reasonMissing] : []}
          extra={form === "signOff" ? <><SignHeader facts={signing.header} addressee={addressee} setAddressee={setAddressee} />{partsField}</> : null} />
      ) : null}
      {form === "submitForCheck" ? (
        <SubmitForCheckForm partsField={partsField} missing={reasonMissing} pending={pending} onSubmit={() => run("submitForCheck", withReason)} onCancel={() => setForm(null)} />
      ) : null}
      {form === "issue" ? (
        <IssueForm copyTo={copyTo} onCopyTo={setCopyTo} copies={copies} onCopies={setCopies} pending={pending}
          onSubmit={() => run("issue", { copyTo, copies: copies ? Number(copies) : null })} onCancel={() => setForm(null)} />
      ) : null}
      {form === "return" ? (
        <ReturnForm reason={reason} onReason={setReason} reopenable={reopenable} reopen={reopen} onReopen={setReopen} pending={pending}
          onSubmit={() => run("return", { reason, sectionIds: reopen })} onCancel={() => setForm(null)} />
      ) : null}
      {error ? <p role="status" className="mt-2 text-sm text-red-700">{error}</p> : null}
    </section>
  );
}

/** The required parts missing or empty, and the reason 提交核稿 and 签发 then need. */
function PartsReason({ missingParts, reason, onReason }: { missingParts: string[]; reason: string; onReason: (reason: string) => void }) {
  const t = useT();
  return (
    <div className="space-y-1 text-sm">
      <p className="text-amber-800">{t("flow.partsMissing", { parts: missingParts.join(t("shell.listSeparator")) })}</p>
      <label className="block">{t("flow.partsReason")}
        <textarea value={reason} onChange={(e) => onReason(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
      </label>
    </div>
  );
}

interface FormSteps {
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

function SubmitForCheckForm({ partsField, missing, pending, onSubmit, onCancel }: FormSteps & { partsField: React.ReactNode; missing: string[] }) {
  const t = useT();
  return (
    <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      {partsField}
      <div className="flex gap-2">
        <ConfirmButton label={t("action.report.submitForCheck")} missing={missing} pending={pending} />
        <button type="button" className="text-sm underline" onClick={onCancel}>{t("cancel")}</button>
      </div>
    </form>
  );
}

/** 印发: the 抄送 and the 印数, as the 版记 will show them. */
function IssueForm({ copyTo, onCopyTo, copies, onCopies, pending, onSubmit, onCancel }: FormSteps & {
  copyTo: string; onCopyTo: (v: string) => void; copies: string; onCopies: (v: string) => void;
}) {
  const t = useT();
  return (
    <form className="mt-3 flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <label>{t("meta.copyTo")}
        <input value={copyTo} onChange={(e) => onCopyTo(e.target.value)} className="ml-2 rounded border border-stone-300 px-2 py-1" />
      </label>
      <label>{t("meta.copies")}
        <input value={copies} onChange={(e) => onCopies(e.target.value)} inputMode="numeric" className="ml-2 w-20 rounded border border-stone-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">{t("flow.issueConfirm")}</button>
      <button type="button" className="underline" onClick={onCancel}>{t("cancel")}</button>
    </form>
  );
}

/** 退回: the reason, and from 核稿 or 签发 the sections to reopen. */
function ReturnForm({ reason, onReason, reopenable, reopen, onReopen, pending, onSubmit, onCancel }: FormSteps & {
  reason: string; onReason: (v: string) => void; reopenable: Props["reopenable"]; reopen: string[]; onReopen: (ids: string[]) => void;
}) {
  const t = useT();
  return (
    <form className="mt-3 space-y-2 text-sm" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <label className="block">{t("flow.returnReason")}
        <textarea value={reason} onChange={(e) => onReason(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
      </label>
      {reopenable.length ? (
        <fieldset>
          <legend>{t("flow.reopen")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {reopenable.map((s) => (
              <label key={s.id} className="flex items-center gap-1">
                <input type="checkbox" checked={reopen.includes(s.id)}
                  onChange={(e) => onReopen(e.target.checked ? [...reopen, s.id] : reopen.filter((x) => x !== s.id))} />
                {s.title}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="flex gap-2">
        <ConfirmButton label={t("flow.returnConfirm")} missing={reason.trim() ? [] : [t("flow.returnReasonShort")]} pending={pending} />
        <button type="button" className="underline" onClick={onCancel}>{t("cancel")}</button>
      </div>
    </form>
  );
}

/** 核稿通过 and 签发 as deliberate acts: what is still open, the fingerprint of the text, and the opinion for the record. */
function StepDialog({ step, reportId, signing, pending, opinion, setOpinion, ink, setInk, onCancel, onConfirm, error, extra, missing }: {
  step: "checkPass" | "signOff"; reportId: string; signing: SigningFacts; pending: boolean; opinion: string; ink: InkStroke[]; setInk: (v: InkStroke[]) => void;
  setOpinion: (v: string) => void; onCancel: () => void; onConfirm: () => void; error: string | null; extra: React.ReactNode;
  /** what else the step needs before it can be confirmed (besides the opinion) */
  missing: string[];
}) {
  const t = useT();
  const titleId = `dialog-${step}`;
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/30 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="max-h-[90vh] w-full max-w-xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl">
        <h2 id={titleId} className="text-lg font-semibold">{t(`action.report.${step}`)}</h2>
        <section aria-label={t("flow.openComments")} className="mt-3 text-sm">
          <h3 className="font-medium">{t("flow.openComments")}</h3>
          {signing.openComments.length ? (
            <>
              <p className="text-amber-800">{t("flow.openCommentsWarning", { count: signing.openComments.length })}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {signing.openComments.map((c) => (
                  <li key={c.id}>
                    <a className="text-red-800 underline" href={`/reports/${reportId}/sections/${c.sectionId}`}>{c.section ?? t("intro")}</a> {t("flow.openCommentItem", { body: c.body, author: c.authorName })}
                  </li>
                ))}
              </ul>
            </>
          ) : <p className="text-stone-600">{t("flow.noOpenComments")}</p>}
        </section>
        <section aria-label={t("flow.openSuggestions")} className="mt-3 text-sm">
          <h3 className="font-medium">{t("flow.openSuggestions")}</h3>
          {signing.openSuggestions.length ? (
            <>
              <p className="text-amber-800">{t("flow.openSuggestionsWarning", { count: signing.openSuggestions.length })}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {signing.openSuggestions.map((s) => (
                  <li key={s.id}>
                    <a className="text-red-800 underline" href={`/reports/${reportId}/sections/${s.sectionId}`}>{s.section ?? t("intro")}</a>{" "}
                    {t("flow.openSuggestionItem", { kind: t(`suggestion.${s.kind}`), text: s.text, author: s.authorName })}
                  </li>
                ))}
              </ul>
            </>
          ) : <p className="text-stone-600">{t("flow.noOpenSuggestions")}</p>}
        </section>
        <p className="mt-3 text-sm">{t("flow.contentHash")}<code className="break-all text-xs" data-testid="signing-hash">{signing.contentHash}</code></p>
        <p className="text-xs text-stone-500">{t("flow.contentHashHelp")}</p>
        <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); onConfirm(); }}>
          <label className="block text-sm" htmlFor={`${titleId}-opinion`}>{t(step === "signOff" ? "flow.signOpinion" : "flow.checkOpinion")}</label>
          <textarea id={`${titleId}-opinion`} value={opinion} onChange={(e) => setOpinion(e.target.value)} rows={2} placeholder={t(step === "signOff" ? "flow.signOpinionExample" : "flow.checkOpinionExample")}
            className="w-full rounded border border-stone-300 px-2 py-1 text-sm" />
          <InkPad id={`${titleId}-ink`} ink={ink} onInk={setInk} />
          {extra}
          {error ? <p role="status" className="text-sm text-red-700">{error}</p> : null}
          <div className="flex gap-2">
            <ConfirmButton label={t(step === "signOff" ? "flow.signConfirm" : "flow.checkConfirm")} pending={pending}
              missing={[...(opinion.trim() ? [] : [t(step === "signOff" ? "flow.signOpinion" : "flow.checkOpinion")]), ...missing]} />
            <button type="button" className="text-sm underline" onClick={onCancel}>{t("cancel")}</button>
          </div>
        </form>
      </div>
    </div>
  );
}
