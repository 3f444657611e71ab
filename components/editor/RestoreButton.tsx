"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "@/app/actions/sections";
import { useT } from "@/components/i18n/I18nProvider";

/** 恢复第 N 版: asks first (the current text becomes a version of the history, nothing is lost), then says what happened. */
export function RestoreButton({ sectionId, revisionId, version, baseVersion }: { sectionId: string; revisionId: string; version: number; baseVersion: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (asking) {
    return (
      <span role="group" aria-label={t("history.restoreAsk", { version, current: baseVersion })} className="flex flex-wrap items-center gap-2">
        <span>{t("history.restoreAsk", { version, current: baseVersion })}</span>
        <button type="button" disabled={pending} className="rounded bg-red-800 px-2 py-0.5 text-white"
          onClick={() => start(async () => {
            const r = await restoreRevisionAction({ sectionId, revisionId, baseVersion });
            setAsking(false);
            setResult(r.ok ? { ok: true, text: t("history.restored", { version, next: baseVersion + 1 }) } : { ok: false, text: r.error });
            router.refresh();
          })}>
          {t("history.restoreYes")}
        </button>
        <button type="button" className="underline" onClick={() => setAsking(false)}>{t("cancel")}</button>
      </span>
    );
  }
  return (
    <>
      <button type="button" disabled={pending} className="rounded border border-red-800 px-2 py-0.5 text-red-800" onClick={() => { setResult(null); setAsking(true); }}>
        {t("history.restore", { version })}
      </button>
      {result ? <span role="status" className={result.ok ? "text-green-800" : "text-red-700"}>{result.text}</span> : null}
    </>
  );
}
