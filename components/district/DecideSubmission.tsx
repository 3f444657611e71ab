"use client";

import { useState, useTransition } from "react";
import { decideSubmissionAction } from "@/app/actions/district";
import { useT } from "@/components/i18n/I18nProvider";

/** 签收, or 退回 with a reason, for one report sent up. */
export function DecideSubmission({ submissionId }: { submissionId: string }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = (action: "receive" | "reject") =>
    start(async () => {
      const r = await decideSubmissionAction({ submissionId, action, ...(action === "reject" ? { reason } : {}) });
      if (!r.ok) setError(r.error);
    });
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      <button type="button" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white" onClick={() => run("receive")}>{t("district.receive")}</button>
      {rejecting ? (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run("reject"); }}>
          <label>{t("district.rejectReason")}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="ml-2 rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" disabled={pending || !reason.trim()} className="rounded border border-red-800 px-3 py-1 text-red-800">{t("district.rejectConfirm")}</button>
        </form>
      ) : (
        <button type="button" className="rounded border border-stone-400 px-3 py-1" onClick={() => setRejecting(true)}>{t("district.reject")}</button>
      )}
      {error ? <p role="status" className="w-full text-red-700">{error}</p> : null}
    </div>
  );
}
