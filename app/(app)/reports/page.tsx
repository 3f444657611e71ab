import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { listVisibleReports } from "@/lib/policy/visibility";
import { officeWith } from "@/lib/core/policy/office";

export default async function ReportsPage() {
  const { reports, ctx: { t, actor } } = await pageData(async ({ db, actor }) => ({ reports: await listVisibleReports(db, actor) }));
  return (
    <section aria-labelledby="reports-title">
      <div className="flex items-center justify-between">
        <h1 id="reports-title" className="text-2xl font-semibold">
          {t("reportsTitle")}
        </h1>
        {officeWith(actor, "report.create") ? (
          <Link href="/reports/new" className="rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900">
            {t("newReport")}
          </Link>
        ) : null}
      </div>
      {reports.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("reportsEmpty")}</p>
      ) : (
        <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg bg-white text-left shadow-sm">
          <thead className="bg-stone-100 text-sm text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">{t("colYear")}</th>
              <th scope="col" className="px-4 py-2">{t("colOffice")}</th>
              <th scope="col" className="px-4 py-2">{t("colTitle")}</th>
              <th scope="col" className="px-4 py-2">{t("colDocNumber")}</th>
              <th scope="col" className="px-4 py-2">{t("colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} className="border-t border-stone-100">
                <td className="px-4 py-3">{r.year}</td>
                <td className="px-4 py-3">{r.office.name}</td>
                <td className="px-4 py-3">
                  <Link href={`/reports/${r.id}`} className="text-red-800 hover:underline">
                    {r.title}
                  </Link>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{r.docNumber ?? "—"}</td>
                <td className="px-4 py-3 whitespace-nowrap">{t(`report.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
