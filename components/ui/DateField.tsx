"use client";

import { useId, useState } from "react";
import { DayPicker } from "react-day-picker";
import { enUS, zhCN } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { useLocale, useT } from "@/components/i18n/I18nProvider";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD ↔ the calendar's day (the browser's local midnight: a day, not an instant). */
const dayOf = (iso: string) => {
  const m = ISO_DAY.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
};
const isoOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/**
 * A calendar day, written YYYY-MM-DD in both languages, typed or picked from a calendar
 * (react-day-picker). Not the browser's own date input: that shows the browser's format
 * (DD/MM/YYYY in an English browser), where offices read and write 2023-03-01.
 */
export function DateField({ label, value, onChange, className = "" }: { label: string; value: string; onChange: (iso: string) => void; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [open, setOpen] = useState(false);
  const day = dayOf(value);
  return (
    <div className={`relative text-sm ${className}`}>
      <label htmlFor={id}>{label}</label>
      <div className="mt-1 flex gap-1">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="off"
          className="w-32 rounded border border-stone-300 px-2 py-1 tabular-nums" />
        <button type="button" aria-expanded={open} aria-controls={`${id}-calendar`} onClick={() => setOpen(!open)}
          className="rounded border border-stone-300 px-2 py-1 text-stone-700">{t("date.pick")}</button>
      </div>
      {open ? (
        <div id={`${id}-calendar`} role="dialog" aria-label={t("date.calendar", { field: label })} className="absolute z-30 mt-1 rounded-lg border border-stone-200 bg-white p-2 shadow-lg"
          onKeyDown={(e) => { if (e.key === "Escape") setOpen(false); }}>
          <DayPicker mode="single" selected={day} defaultMonth={day} locale={locale === "en" ? enUS : zhCN} captionLayout="dropdown" startMonth={new Date(2000, 0)} endMonth={new Date(2100, 11)}
            onSelect={(d) => {
              if (d) onChange(isoOf(d));
              setOpen(false);
            }} />
        </div>
      ) : null}
    </div>
  );
}
