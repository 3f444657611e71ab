"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionReportAction } from "@/app/actions/workflow";
import { useT } from "@/components/i18n/I18nProvider";

/** 确认公开: publishes the report whose public page is shown below it. */
export function PublishConfirm({ reportId }: { reportId: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled={pending} className="rounded bg-red-800 px-4 py-1.5 text-white"
        onClick={() => start(async () => {
          const r = await transitionReportAction({ reportId, action: "publish" });
          if (!r.ok) return setError(r.error);
          router.push(`/reports/${reportId}`);
          router.refresh();
        })}>
        {t("publish.confirm")}
      </button>
      <button type="button" className="text-sm underline" onClick={() => router.push(`/reports/${reportId}`)}>{t("cancel")}</button>
      {error ? <p role="status" className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
