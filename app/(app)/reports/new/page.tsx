import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { officeWith } from "@/lib/auth/guard";
import { sourceCandidates } from "@/lib/reports/create";
import { DEFAULT_THEMES } from "@/lib/reports/template";
import { todayInChina } from "@/lib/reports/deadline";
import { NewReportForm } from "@/components/report/NewReportForm";

export default async function NewReportPage() {
  const actor = await pageActor();
  if (!officeWith(actor, "report.create")) {
    return <p role="status" className="rounded-lg bg-white p-8 shadow-sm">您没有创建报告的权限。</p>;
  }
  const today = todayInChina();
  const [y, m] = today.split("-").map(Number);
  // Reports are written in the first months of the following year.
  const defaultYear = m <= 6 ? y - 1 : y;
  const sources = await sourceCandidates(getDb(), actor);
  return (
    <section aria-labelledby="new-report-title" className="rounded-lg bg-white p-6 shadow-sm">
      <h1 id="new-report-title" className="text-2xl font-semibold">新建年度报告</h1>
      <div className="mt-6">
        <NewReportForm defaultYear={defaultYear} defaultThemes={DEFAULT_THEMES} sources={sources} />
      </div>
    </section>
  );
}
