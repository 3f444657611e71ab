import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { districtOverview } from "@/lib/district/overview";
import { overviewQuerySchema } from "@/lib/district/query";
import { sortOverview } from "@/lib/district/sort";
import { overviewTotals } from "@/lib/district/export";
import { parseInput } from "@/lib/core/validation";
import { partsToText } from "@/lib/core/district/required-parts";
import { RemindButton } from "@/components/district/RemindButton";
import { YearSettingsForm } from "@/components/district/YearSettingsForm";

type Props = { searchParams: Promise<Record<string, string>> };

/** 各镇总览: one row per town for the year, sortable, with 催办 and the table as CSV or Excel. */
export default async function DistrictPage({ searchParams }: Props) {
  const query = parseInput(overviewQuerySchema, await searchParams);
  const { district, settings, rows, ctx: { t, locale } } = await pageData(({ db, actor }) => districtOverview(db, actor, query.year));
  const sorted = sortOverview(rows, query.sort, query.dir);
  const totals = overviewTotals(rows);
  const link = "text-red-800 hover:underline";
  const column = (key: typeof query.sort, label: string) => (
    <th scope="col" className="px-3 py-2" aria-sort={query.sort === key ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="hover:underline" href={`/district?year=${query.year}&sort=${key}&dir=${query.sort === key && query.dir === "asc" ? "desc" : "asc"}`}>{label}</Link>
    </th>
  );
  return (
    <section aria-labelledby="district-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="district-title" className="text-2xl font-semibold">{district.name} · {t("district.title")}</h1>
        <form className="flex items-end gap-2 text-sm" action="/district">
          <label>{t("district.year")}
            <input name="year" defaultValue={query.year} inputMode="numeric" className="ml-2 w-24 rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-stone-400 px-3 py-1">{t("district.show")}</button>
        </form>
      </div>
      <p className="text-sm text-stone-600">{t("district.deadlines", { submitDue: settings.submitDue, publishDue: settings.publishDue, threshold: `${Math.round(settings.similarityThreshold * 100)}%` })}</p>
      <YearSettingsForm key={query.year} year={query.year} submitDue={settings.submitDue} publishDue={settings.publishDue} threshold={settings.similarityThreshold} template={settings.template} partsText={partsToText(settings.parts, locale)} />
      <p className="flex gap-4 text-sm">
        <a className={link} href={`/api/district/overview?year=${query.year}&format=csv`}>{t("district.csv")}</a>
        <a className={link} href={`/api/district/overview?year=${query.year}&format=xlsx`}>{t("district.xlsx")}</a>
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100 text-stone-600">
            <tr>
              {column("code", t("district.col.town"))}
              {column("status", t("district.col.status"))}
              {column("sections", t("district.col.sections"))}
              {column("parts", t("district.col.parts"))}
              {column("sent", t("district.col.sent"))}
              {column("published", t("district.col.published"))}
              {column("late", t("district.col.late"))}
              {column("similarity", t("district.col.similarity"))}
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("district.remind")}</span></th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.officeId} className="border-t border-stone-100 align-top" data-testid={`town-${r.code}`}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal">
                  {r.reportId ? <Link className={link} href={`/reports/${r.reportId}`}>{r.name}</Link> : r.name}
                </th>
                <td className="px-3 py-2">{r.status ? t(`report.status.${r.status}`) : t("district.noReport")}{r.submission ? ` · ${t(`district.submission.${r.submission}`)}` : ""}</td>
                <td className="px-3 py-2">{r.passed}/{r.total}</td>
                <td className="px-3 py-2">{r.partsPresent}/{r.partsRequired}<div className="text-xs text-stone-500">{r.missing.length ? r.missing.join(t("shell.listSeparator")) : t("district.noneMissing")}</div>
                  {r.partsReason ? <div className="text-xs text-stone-700" data-testid="parts-reason">{t("parts.sharedReasonShown", { reason: r.partsReason })}</div> : null}</td>
                <td className="whitespace-nowrap px-3 py-2">{r.sentOn ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">{r.publishedOn ?? "—"}</td>
                <td className={`px-3 py-2 ${r.submitLate || r.publishLate ? "font-semibold text-red-700" : ""}`}>{r.submitLate} / {r.publishLate}</td>
                <td className="px-3 py-2">{r.similarity === null ? "—" : `${Math.round(r.similarity * 100)}%`}{r.flagged ? <div className="text-xs font-semibold text-amber-800">{t("district.flagged")}</div> : null}</td>
                <td className="px-3 py-2"><RemindButton officeId={r.officeId} year={query.year} town={r.name} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-stone-300 font-medium">
            {/* As in the files: counts in words, nothing under the date and day columns. */}
            <tr>
              <th scope="row" className="whitespace-nowrap px-3 py-2">{t("district.totals")}</th>
              <td className="px-3 py-2">{t("district.totalsTowns", { towns: totals.towns, reports: totals.reports })}<div className="text-xs font-normal" data-testid="total-counts">{t("district.totalsCounts", { ...totals })}</div></td>
              <td className="px-3 py-2" data-testid="total-sections">{totals.passed}/{totals.total}</td>
              <td colSpan={6} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
