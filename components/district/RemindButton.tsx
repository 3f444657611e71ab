"use client";

import { useState, useTransition } from "react";
import { remindTownAction } from "@/app/actions/district";
import { useT } from "@/components/i18n/I18nProvider";

/** 催办: tells the people of the town who can act on its report; says so when the town has nobody to tell. */
export function RemindButton({ officeId, year, town }: { officeId: string; year: number; town: string }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      <button type="button" disabled={pending} aria-label={t("district.remindLabel", { town })} className="whitespace-nowrap rounded border border-red-800 px-2 py-0.5 text-xs text-red-800"
        onClick={() => start(async () => {
          const r = await remindTownAction({ officeId, year });
          setMessage(!r.ok ? r.error : r.data.reminded ? t("district.reminded", { count: r.data.reminded }) : t("district.remindedNobody", { town }));
        })}>
        {t("district.remind")}
      </button>
      {message ? <span role="status" className="text-xs text-stone-600">{message}</span> : null}
    </span>
  );
}
