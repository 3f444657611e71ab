import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { mySectionsPageView } from "@/lib/views/section-view";

export default async function MySectionsPage() {
  const { rows, ctx: { t } } = await pageData(({ db, actor, t }) => mySectionsPageView(db, actor, t));
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title" className="text-2xl font-semibold">{t("mine.title")}</h1>
      {rows.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("mine.empty")}</p>
      ) : (
        <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg bg-white text-left shadow-sm">
          <thead className="bg-stone-100 text-sm text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">{t("mine.report")}</th>
              <th scope="col" className="px-4 py-2">{t("mine.section")}</th>
              <th scope="col" className="px-4 py-2">{t("mine.chars")}</th>
              <th scope="col" className="px-4 py-2">{t("mine.status")}</th>
              <th scope="col" className="px-4 py-2">{t("mine.due")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className="border-t border-stone-100 text-sm">
                <td className="px-4 py-3">{s.year} · {t(`report.status.${s.reportStatus}`)}</td>
                <td className="px-4 py-3">
                  <Link className="text-red-800 hover:underline" href={`/reports/${s.reportId}/sections/${s.id}`}>{s.title}</Link>
                </td>
                <td className="px-4 py-3">{s.chars}</td>
                <td className="px-4 py-3">{t(`section.status.${s.status}`)}</td>
                <td className={`px-4 py-3 ${s.deadline?.overdue ? "font-semibold text-red-700" : ""}`}>{s.deadline?.text ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
