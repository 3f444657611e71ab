"use client";

import { useState, useTransition } from "react";
import { sendReportAction } from "@/app/actions/district";
import { ActionButton } from "@/components/workflow/ActionButton";
import type { AnswerView } from "@/lib/policy/answer";
import { useT } from "@/components/i18n/I18nProvider";

/** 报送: sends the issued report to the office above, as it was signed. */
export function SendUp({ reportId, answer }: { reportId: string; answer: AnswerView }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionButton answer={answer} label={t("report.send")} pending={pending} primary
        onClick={() => start(async () => {
          const r = await sendReportAction({ reportId });
          setError(r.ok ? null : r.error);
        })} />
      {error ? <span role="status" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
