"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionReportAction } from "@/app/actions/workflow";
import { useT } from "@/components/i18n/I18nProvider";
import { ConfirmButton } from "./ConfirmButton";

/** 确认公开, after the 保密审查 (who checked the text for secrets and what they found) is recorded. */
export function PublishConfirm({ reportId }: { reportId: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reviewer, setReviewer] = useState("");
  const [result, setResult] = useState(t("publish.secrecyDefault"));
  return (
    <form role="group" aria-label={t("publish.secrecy")} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await transitionReportAction({ reportId, action: "publish", secrecyReviewer: reviewer, secrecyResult: result });
          if (!r.ok) return setError(r.error);
          router.push(`/reports/${reportId}`);
          router.refresh();
        });
      }}>
      <p className="font-medium">{t("publish.secrecy")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label>{t("publish.secrecyReviewer")}
          <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} className="ml-2 rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="flex-1">{t("publish.secrecyResult")}
          <input value={result} onChange={(e) => setResult(e.target.value)} className="ml-2 w-full max-w-md rounded border border-stone-300 px-2 py-1" />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ConfirmButton label={t("publish.confirm")} pending={pending}
          missing={[...(reviewer.trim() ? [] : [t("publish.secrecyReviewer")]), ...(result.trim() ? [] : [t("publish.secrecyResult")])]} />
        <button type="button" className="underline" onClick={() => router.push(`/reports/${reportId}`)}>{t("cancel")}</button>
      </div>
      {error ? <p role="status" className="text-red-700">{error}</p> : null}
    </form>
  );
}
