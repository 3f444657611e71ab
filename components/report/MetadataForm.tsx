"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateReportMetadataAction } from "@/app/actions/reports";
import { useT } from "@/components/i18n/I18nProvider";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { DateField } from "@/components/ui/DateField";

interface Props {
  reportId: string;
  initial: { title: string; addressee: string; copyTo: string; copies: number | null; dueDate: string };
}

/** 报告信息 for the administrator: what the export puts around the text. */
export function MetadataForm({ reportId, initial }: Props) {
  const t = useT();
  const router = useRouter();
  const [v, setV] = useState({ ...initial, copies: initial.copies ? String(initial.copies) : "" });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const field = (key: keyof typeof v, label: MessageKey, wide = false) => (
    <label className={`text-sm ${wide ? "sm:col-span-2" : ""}`}>
      {t(label)}
      <input value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
    </label>
  );
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium">{t("meta.summary")}</summary>
      <form className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (v.copies && !/^\d+$/.test(v.copies.trim())) return setMessage({ ok: false, text: t("meta.copiesInvalid") });
          start(async () => {
            const r = await updateReportMetadataAction({ reportId, title: v.title, addressee: v.addressee, copyTo: v.copyTo, copies: v.copies ? Number(v.copies.trim()) : null, dueDate: v.dueDate });
            setMessage(r.ok ? { ok: true, text: t("saved") } : { ok: false, text: r.error });
            router.refresh();
          });
        }}>
        {field("title", "meta.title", true)}
        {field("addressee", "meta.addressee")}
        {field("copyTo", "meta.copyTo")}
        {field("copies", "meta.copies")}
        <DateField label={t("meta.dueDate")} value={v.dueDate} onChange={(dueDate) => setV({ ...v, dueDate })} />
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("meta.save")}</button>
          {message ? <span role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>{message.text}</span> : null}
        </div>
      </form>
    </details>
  );
}
