"use client";

import { useState, useTransition } from "react";
import { saveYearSettingsAction } from "@/app/actions/district";
import { useT } from "@/components/i18n/I18nProvider";
import { DateField } from "@/components/ui/DateField";

/** The district's deadlines for the year and its flag for text carried over from last year. */
export function YearSettingsForm({ year, submitDue, publishDue, threshold, template, partsText }: { year: number; submitDue: string; publishDue: string; threshold: number; template: string | null; partsText: string }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [values, setValues] = useState({ submitDue, publishDue, percent: String(Math.round(threshold * 100)) });
  const [outline, setOutline] = useState(template ?? "");
  const [parts, setParts] = useState(partsText);
  const [message, setMessage] = useState<string | null>(null);
  const field = (key: keyof typeof values, label: string, type: string) => (
    <label className="text-sm">{label}
      <input type={type} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} className="ml-2 rounded border border-stone-300 px-2 py-1" />
    </label>
  );
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium">{t("district.settings")}</summary>
      <form className="mt-3 flex flex-wrap items-end gap-4" onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await saveYearSettingsAction({ year, submitDue: values.submitDue, publishDue: values.publishDue, similarityThreshold: Number(values.percent) / 100, template: outline, partsText: parts });
          setMessage(r.ok ? t("district.saved") : r.error);
        });
      }}>
        <DateField label={t("district.submitDue")} value={values.submitDue} onChange={(submitDue) => setValues({ ...values, submitDue })} />
        <DateField label={t("district.publishDue")} value={values.publishDue} onChange={(publishDue) => setValues({ ...values, publishDue })} />
        {field("percent", t("district.threshold"), "number")}
        <label className="block w-full text-sm">{t("district.parts")}
          <textarea value={parts} onChange={(e) => setParts(e.target.value)} rows={5} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="block w-full text-sm">{t("district.template")}
          <textarea value={outline} onChange={(e) => setOutline(e.target.value)} rows={6} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("district.save")}</button>
        {message ? <span role="status" className="text-sm">{message}</span> : null}
      </form>
    </details>
  );
}
