"use client";

import { typedNumber } from "@/lib/core/text/digits";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createReportAction, previewImportAction } from "@/app/actions/reports";
import type { ImportPreview } from "@/lib/import/preview";
import { Button } from "@/components/ui/Field";
import { useT } from "@/components/i18n/I18nProvider";
import type { MessageKey } from "@/lib/core/i18n/messages";

interface Props {
  defaultYear: number;
  defaultThemes: string[];
  sources: { id: string; year: number; title: string }[];
  /** the office's drafters, to own every section not yet owned */
  drafters: { id: string; name: string }[];
  /** years for which the office above has handed down an outline */
  districtYears: number[];
}

type Source = "district" | "template" | "lastYear" | "import";

/** What the action is asked to create, from the form's fields for the chosen source. */
function createInput(source: Source, fields: { year: number; themes: string; includeOther: boolean; sourceReportId: string; text: string; ownerId: string }) {
  const { year: y, ownerId } = fields;
  return source === "template"
    ? { source, year: y, themes: fields.themes.split("\n").map((line) => line.trim()).filter(Boolean), includeOther: fields.includeOther, ownerId: ownerId || null }
    : source === "district"
      ? { source, year: y, ownerId: ownerId || null }
    : source === "lastYear"
      ? { source, year: y, sourceReportId: fields.sourceReportId, ownerId: ownerId || null }
      : { source, year: y, text: fields.text, ownerId: ownerId || null };
}

export function NewReportForm({ defaultYear, defaultThemes, sources, drafters, districtYears }: Props) {
  const t = useT();
  const router = useRouter();
  // The district's outline comes first when it has handed one down for the year.
  const [source, setSource] = useState<Source>(districtYears.includes(defaultYear) ? "district" : sources.length ? "lastYear" : "template");
  const [year, setYear] = useState(String(defaultYear));
  const [themes, setThemes] = useState(defaultThemes.join("\n"));
  const [includeOther, setIncludeOther] = useState(false);
  // The report to start from is last year's, for whatever year is being created.
  const lastYearOf = (y: number) => sources.find((s) => s.year === y - 1)?.id ?? sources[0]?.id ?? "";
  const [sourceReportId, setSourceReportId] = useState(lastYearOf(defaultYear));
  // Kept here, not in the import fields: what was pasted survives a look at another source.
  const [pasted, setPasted] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<{ text: string; existingId?: string } | null>(null);
  const [pending, start] = useTransition();
  const [ownerId, setOwnerId] = useState("");

  const create = () =>
    start(async () => {
      setError(null);
      const r = await createReportAction(createInput(source, { year: typedNumber(year), themes, includeOther, sourceReportId, text: preview?.text ?? "", ownerId }));
      if (!r.ok) return setError({ text: r.error, existingId: r.existingId });
      router.push(`/reports/${r.data.id}`);
    });

  // A file streams to the upload route (its own 10 MB limit); pasted text goes to the action.
  const runPreview = (form: FormData) =>
    start(async () => {
      setError(null);
      setPreview(null);
      const file = form.get("file");
      if (file instanceof File && file.size > 0) {
        const res = await fetch("/api/imports/preview", { method: "POST", headers: { "x-file-name": encodeURIComponent(file.name) }, body: file });
        const body = await res.json().catch(() => ({ error: t("new.uploadFailed") }));
        return res.ok ? setPreview(body as ImportPreview) : setError({ text: body.error ?? t("new.uploadFailed") });
      }
      const r = await previewImportAction({ text: String(form.get("text") ?? "") });
      if (!r.ok) return setError({ text: r.error });
      setPreview(r.data);
    });

  return (
    <div className="space-y-6">
      {error ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.text}{" "}
          {error.existingId ? (
            <Link className="font-medium underline" href={`/reports/${error.existingId}`}>
              {t("new.openExisting")}
            </Link>
          ) : null}
        </div>
      ) : null}
      <div>
        <label htmlFor="report-year" className="block text-sm font-medium text-stone-700">
          {t("new.year")}
        </label>
        <input id="report-year" inputMode="numeric" value={year} onChange={(e) => { setYear(e.target.value); const y = typedNumber(e.target.value); if (sources.some((s) => s.year === y - 1)) setSourceReportId(lastYearOf(y)); }}
          className="mt-1 w-32 rounded border border-stone-300 px-3 py-2" />
      </div>
      {drafters.length ? <OwnerChoice drafters={drafters} ownerId={ownerId} onOwner={setOwnerId} /> : null}
      <SourceChoice source={source} onSource={setSource} withDistrict={districtYears.includes(typedNumber(year))} />
      {source === "template" ? <TemplateFields themes={themes} onThemes={setThemes} includeOther={includeOther} onIncludeOther={setIncludeOther} /> : null}
      {source === "lastYear" ? <LastYearChoice sources={sources} sourceReportId={sourceReportId} onSourceReport={setSourceReportId} /> : null}
      {source === "import" ? <ImportFields pasted={pasted} onPasted={setPasted} onPreview={runPreview} pending={pending} /> : null}
      {source === "import" && preview ? <PreviewPanel preview={preview} /> : null}

      {source !== "import" || preview ? (
        <Button type="button" onClick={create} disabled={pending || (source === "lastYear" && !sourceReportId)}>
          {source === "import" ? t("new.confirmImport") : t("new.create")}
        </Button>
      ) : null}
    </div>
  );
}

/** Who owns every section not yet owned. */
function OwnerChoice({ drafters, ownerId, onOwner }: { drafters: Props["drafters"]; ownerId: string; onOwner: (id: string) => void }) {
  const t = useT();
  return (
    <div>
      <label htmlFor="report-owner" className="block text-sm font-medium text-stone-700">{t("new.owner")}</label>
      <select id="report-owner" value={ownerId} onChange={(e) => onOwner(e.target.value)} className="mt-1 rounded border border-stone-300 px-3 py-2">
        <option value="">{t("new.ownerNone")}</option>
        {drafters.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
      </select>
      <p className="mt-1 text-xs text-stone-500">{t("new.ownerHelp")}</p>
    </div>
  );
}

/** Where the report starts from: the district's outline (when it has one for the year), last year's report, the template, a file. */
function SourceChoice({ source, onSource, withDistrict }: { source: Source; onSource: (source: Source) => void; withDistrict: boolean }) {
  const t = useT();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-stone-700">{t("new.source")}</legend>
      <div className="mt-2 flex flex-wrap gap-4">
        {(
          [
            ...(withDistrict ? [["district", "new.fromDistrict"] as const] : []),
            ["lastYear", "new.fromLastYear"],
            ["template", "new.fromTemplate"],
            ["import", "new.fromImport"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="source" value={value} checked={source === value} onChange={() => onSource(value)} />
            {t(label)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TemplateFields({ themes, onThemes, includeOther, onIncludeOther }: { themes: string; onThemes: (themes: string) => void; includeOther: boolean; onIncludeOther: (on: boolean) => void }) {
  const t = useT();
  return (
    <div className="space-y-3">
      <label htmlFor="themes" className="block text-sm font-medium text-stone-700">
        {t("new.themes")}
      </label>
      <textarea id="themes" rows={6} value={themes} onChange={(e) => onThemes(e.target.value)}
        className="w-full rounded border border-stone-300 px-3 py-2 text-sm" />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={includeOther} onChange={(e) => onIncludeOther(e.target.checked)} />
        {t("new.includeOther")}
      </label>
    </div>
  );
}

function LastYearChoice({ sources, sourceReportId, onSourceReport }: { sources: Props["sources"]; sourceReportId: string; onSourceReport: (id: string) => void }) {
  const t = useT();
  if (!sources.length) return <p className="text-sm text-stone-600">{t("new.noLastYear")}</p>;
  return (
    <div>
      <label htmlFor="source-report" className="block text-sm font-medium text-stone-700">
        {t("new.lastYearReport")}
      </label>
      <select id="source-report" value={sourceReportId} onChange={(e) => onSourceReport(e.target.value)}
        className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-sm">
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.year} · {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A Word or text file, or pasted text, to preview before anything is created. */
function ImportFields({ pasted, onPasted, onPreview, pending }: { pasted: string; onPasted: (text: string) => void; onPreview: (form: FormData) => void; pending: boolean }) {
  const t = useT();
  return (
    <form action={onPreview} className="space-y-3">
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium text-stone-700">
          {t("new.file")}
        </label>
        <input id="import-file" name="file" type="file" accept=".docx,.txt" className="mt-1 text-sm" />
      </div>
      <div>
        <label htmlFor="import-text" className="block text-sm font-medium text-stone-700">
          {t("new.paste")}
        </label>
        <textarea id="import-text" name="text" rows={8} value={pasted} onChange={(e) => onPasted(e.target.value)}
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-sm" />
      </div>
      <Button type="submit" disabled={pending}>{t("new.preview")}</Button>
    </form>
  );
}

function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const m = preview.metadata;
  // What the file says of its issuing is shown as the file's, not carried over (the notes say why).
  const fromFile = (v: string | undefined) => (v === undefined ? undefined : t("new.fromFile", { value: v }));
  const meta: [MessageKey, string | number | undefined][] = [
    ["headerMark", m.headerMark], ["docNumber", fromFile(m.docNumber)], ["meta.title", m.title], ["addressee", m.addressee], ["signatory", fromFile(m.signatory)],
    ["writtenDate", fromFile(m.writtenDate)], ["copyTo", m.copyTo], ["issuer", fromFile(m.issuer)], ["issueDate", fromFile(m.issueDate)], ["copies", m.copies],
  ];
  return (
    <section aria-label={t("new.previewRegion")} className="rounded-lg border border-stone-200 bg-stone-50 p-4">
      <h2 className="font-semibold">{t("new.previewTitle")}</h2>
      <dl className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
        {meta.filter(([, v]) => v !== undefined).map(([k, v]) => (
          <div key={k} className="flex gap-2"><dt className="text-stone-500">{t(k)}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <p className="mt-3 text-sm" data-testid="import-summary">
        {t("new.summary", { sections: preview.outline.length, paragraphs: preview.paragraphCount })}
      </p>
      <ol className="mt-2 space-y-1 text-sm">
        {preview.outline.map((o, i) => (
          <li key={i} style={{ paddingLeft: `${(o.depth - 1) * 1.5}rem` }}>
            {o.label}{o.heading} <span className="text-stone-500">{t("new.paragraphs", { count: o.paragraphs })}</span>
          </li>
        ))}
      </ol>
      {preview.notes.length ? (
        <section aria-label={t("new.notesRegion")} className="mt-3 rounded border border-amber-300 bg-amber-50 p-3">
          <h3 className="text-sm font-semibold text-amber-900">{t("new.notesTitle")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">
            {preview.notes.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        </section>
      ) : null}
      {preview.renumbered.length ? (
        <section aria-label={t("new.renumberedRegion")} className="mt-3 rounded border border-stone-300 bg-white p-3">
          <h3 className="text-sm font-semibold">{t("new.renumberedTitle", { count: preview.renumbered.length })}</h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {preview.renumbered.map((r, i) => (
              <li key={i}>{t("new.renumbered", { text: r.text, from: r.from, to: r.to })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
