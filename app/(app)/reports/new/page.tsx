import { pageData } from "@/lib/auth/page";
import { newReportPageView } from "@/lib/reports/create";
import { NewReportForm } from "@/components/report/NewReportForm";
import { Refusal } from "@/components/shell/Refusal";

export default async function NewReportPage() {
  const view = await pageData(({ db, actor }) => newReportPageView(db, actor));
  const { t } = view.ctx;
  if (!view.sources) return <Refusal title={t("new.title")} message={t("new.forbidden")} />;
  return (
    <section aria-labelledby="new-report-title" className="rounded-lg bg-white p-6 shadow-sm">
      <h1 id="new-report-title" className="text-2xl font-semibold">{t("new.title")}</h1>
      <div className="mt-6">
        <NewReportForm defaultYear={view.defaultYear} defaultThemes={view.defaultThemes} sources={view.sources} drafters={view.drafters} districtYears={view.districtYears} />
      </div>
    </section>
  );
}
