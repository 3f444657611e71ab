import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { reportTrail, signOffTable } from "@/lib/workflow/trail";
import { chinaDateTime } from "@/lib/core/dates";
import { InkMark } from "@/components/workflow/InkMark";

export default async function TrailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { report, entries, readsReview, ctx: { t } } = await pageData(({ db, actor, t }) => reportTrail(db, actor, id, t));
  const local = (iso: string) => chinaDateTime(iso);
  // Saves are many; the path is the steps. Saves stay in the CSV and each section's history.
  const steps = entries.filter((e) => e.action !== "section.save");
  return (
    <article aria-labelledby="trail-title" className="space-y-5">
      <nav className="text-sm"><Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">{t("trail.back")}</Link></nav>
      <h1 id="trail-title" className="text-xl font-semibold">{t("trail.title", { title: report.title })}</h1>
      <section aria-label={t("trail.signoffTitle")} className="rounded-lg bg-white p-4 shadow-sm">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold">{t("trail.signoffTitle")}</h2>
          <a href={`/api/reports/${report.id}/signoff`} className="rounded border border-stone-400 px-3 py-1 text-sm">{t("trail.download")}</a>
        </div>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-stone-500"><tr><th scope="col">{t("trail.col.step")}</th><th scope="col">{t("trail.col.actor")}</th><th scope="col">{t("trail.col.at")}</th><th scope="col">{t("trail.col.opinion")}</th></tr></thead>
          <tbody>
            {signOffTable(entries, t, readsReview).map((r) => (
              <tr key={r.step} className="border-t border-stone-100"><th scope="row" className="py-1 font-normal">{r.step}</th><td>{r.people || "—"}</td><td>{local(r.at)}</td><td>{r.opinion}{r.mark ? <InkMark ink={r.mark} label={t("trail.inkOf", { name: r.people })} /> : null}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <ol className="space-y-1" aria-label={t("trail.entriesTitle")}>
        {steps.length === 0 ? <li className="text-sm text-stone-500">{t("trail.empty")}</li> : null}
        {steps.map((e) => (
          <li key={e.seq} className="flex flex-wrap gap-x-3 rounded bg-white px-3 py-2 text-sm shadow-sm">
            <time dateTime={e.at} className="text-stone-500">{local(e.at)}</time>
            <span>{e.role ? t("trail.actorRole", { name: e.actorName, role: e.role }) : e.actorName}</span>
            <span className="font-medium">{e.actionLabel}</span>
            <span>{e.object}</span>
            {typeof e.detail.reason === "string" ? <span className="text-red-800">{t("trail.reason", { reason: e.detail.reason })}</span> : null}
            {typeof e.detail.opinion === "string" ? <span>{t("trail.opinion", { opinion: e.detail.opinion })}</span> : null}
            {e.mark ? <InkMark ink={e.mark} label={t("trail.inkOf", { name: e.actorName })} /> : null}
            {typeof e.detail.docNumber === "string" ? <span>{t("trail.docNumber", { docNumber: e.detail.docNumber })}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
