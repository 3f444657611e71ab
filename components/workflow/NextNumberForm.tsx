"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { setNextDocNumberAction } from "@/app/actions/workflow";
import { useT } from "@/components/i18n/I18nProvider";

/** Offices number their other documents from the same sequence: the admin moves it on. */
export function NextNumberForm({ year, current }: { year: number; current: number }) {
  const t = useT();
  const router = useRouter();
  const [next, setNext] = useState(String(current));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 text-sm shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await setNextDocNumberAction({ year, next: Number(next) });
          setMessage(r.ok ? t("saved") : r.error);
          router.refresh();
        });
      }}>
      <label>{t("office.nextSequence", { year })}
        <input value={next} onChange={(e) => setNext(e.target.value)} inputMode="numeric" className="ml-2 w-24 rounded border border-stone-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">{t("save")}</button>
      {message ? <span role="status">{message}</span> : null}
    </form>
  );
}
