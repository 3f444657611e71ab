"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { sendReportAction } from "@/app/actions/district";
import { ActionButton } from "@/components/workflow/ActionButton";
import type { AnswerView } from "@/lib/core/policy/answer";
import { useT } from "@/components/i18n/I18nProvider";

/**
 * 报送: sends the issued report to the office above, as it was signed. Making the PDF
 * takes a few seconds: the button says it is sending, then that it was sent, and the
 * page shows the sending's state without a reload.
 */
export function SendUp({ reportId, answer, to }: { reportId: string; answer: AnswerView; to: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <ActionButton answer={answer} label={pending ? t("report.sending") : t("report.send")} pending={pending} primary
        onClick={() => start(async () => {
          setResult(null);
          const r = await sendReportAction({ reportId });
          setResult(r.ok ? { ok: true, text: t("report.sentNow", { to }) } : { ok: false, text: r.error });
          if (r.ok) router.refresh();
        })} />
      {pending ? <span role="status" className="text-sm text-stone-600">{t("report.sendingHint")}</span> : null}
      {result ? <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-800" : "text-red-700"}`}>{result.text}</span> : null}
    </div>
  );
}
