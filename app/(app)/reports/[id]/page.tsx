import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { findVisibleReport, loadNumberedSections } from "@/lib/reports/queries";
import { reportStatusLabel, sectionStatusLabel } from "@/lib/reports/status";
import { getT } from "@/lib/i18n/server";
import { countChineseChars } from "@/lib/sections/text";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  const db = getDb();
  const report = await findVisibleReport(db, actor, id);
  if (!report) notFound();
  const sections = await loadNumberedSections(db, report.id);
  const { locale, t } = await getT();
  const meta: [string, string | number | null][] = [
    [t("docNumber"), report.docNumber],
    [t("addressee"), report.addressee],
    [t("signatory"), report.signatory],
    [t("writtenDate"), report.writtenDate],
    [t("copyTo"), report.copyTo],
    [t("issuer"), report.issuer],
    [t("issueDate"), report.issueDate],
    [t("copies"), report.copies],
  ];
  const total = sections.reduce((n, s) => n + countChineseChars(s.node.heading) + countChineseChars(s.node.content), 0);
  return (
    <article aria-labelledby="report-title">
      <p className="text-sm">
        <Link href="/reports" className="text-red-800 hover:underline">
          ← {t("backToList")}
        </Link>
      </p>
      <header className="mt-4 rounded-lg bg-white p-6 shadow-sm">
        <p className="text-center text-2xl font-bold tracking-widest text-red-700">{report.office.headerMark}</p>
        <h1 id="report-title" className="doc-text mt-4 text-center text-xl font-semibold">
          {report.title}
        </h1>
        <p className="mt-3 text-center text-sm text-stone-600">
          {report.office.name} · {report.year} · <span data-testid="report-status">{reportStatusLabel(report.status, locale)}</span> ·{" "}
          {t("readOnly")} · {total} {t("charCount")}
        </p>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {meta
            .filter(([, v]) => v !== null && v !== "")
            .map(([k, v]) => (
              <div key={k} className="flex gap-2">
                <dt className="text-stone-500">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </header>
      <div className="mt-6 space-y-4">
        {sections.map(({ node, depth, label }) => {
          const Heading = (`h${Math.min(depth + 1, 6)}`) as "h2";
          return (
            <section key={node.id} aria-label={label + node.heading} className="rounded-lg bg-white p-6 shadow-sm" style={{ marginLeft: `${(depth - 1) * 1.5}rem` }}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Heading className={`doc-text ${depth === 1 ? "text-lg font-bold" : "font-semibold"}`}>
                  {node.kind === "intro" ? t("intro") : `${label}${node.heading}`}
                </Heading>
                <p className="text-xs text-stone-500">
                  {t("owner")}：{node.owner?.displayName ?? t("noOwner")} · {sectionStatusLabel(node.status, locale)}
                </p>
              </div>
              {node.content
                ? node.content.split("\n").map((p, i) => (
                    <p key={i} className="doc-text mt-2 indent-[2em] text-[1.05rem]">
                      {p}
                    </p>
                  ))
                : null}
            </section>
          );
        })}
      </div>
    </article>
  );
}
