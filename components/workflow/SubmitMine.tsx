"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { submitAllMineAction } from "@/app/actions/workflow";
import { useT } from "@/components/i18n/I18nProvider";

export function SubmitMine({ reportId, count }: { reportId: string; count: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  if (!count && !message) return null;
  return (
    <div className="flex items-center gap-3">
      {count ? <button type="button" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white"
        onClick={() => start(async () => {
          const r = await submitAllMineAction({ reportId });
          setMessage(!r.ok ? r.error : r.data.skipped.length
            ? t("flow.submittedMineSkipped", { count: r.data.submitted, skipped: r.data.skipped.length })
            : t("flow.submittedMine", { count: r.data.submitted }));
          router.refresh();
        })}>
        {t("flow.submitMine", { count })}
      </button> : null}
      {message ? <span role="status" className="text-sm">{message}</span> : null}
    </div>
  );
}
