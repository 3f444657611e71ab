import { pageData } from "@/lib/auth/page";
import { officePageView } from "@/lib/offices/settings";
import { formatDocNumber } from "@/lib/workflow/doc-number";
import { NextNumberForm } from "@/components/workflow/NextNumberForm";
import { OfficeStyleForm } from "@/components/admin/OfficeStyleForm";
import { Refusal } from "@/components/shell/Refusal";

export default async function OfficePage() {
  const view = await pageData(({ db, actor }) => officePageView(db, actor));
  const { t } = view.ctx;
  if (!view.office) return <Refusal title={t("office.title")} message={t("refusal.forbidden")} />;
  const { office, year, next, style } = view;
  return (
    <section aria-labelledby="office-title" className="space-y-4">
      <h1 id="office-title" className="text-2xl font-semibold">{t("office.title")}</h1>
      <dl className="grid grid-cols-1 gap-2 rounded-lg bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
        <div><dt className="text-stone-500">{t("office.fullName")}</dt><dd>{office.fullName}</dd></div>
        <div><dt className="text-stone-500">{t("office.headerMark")}</dt><dd>{office.headerMark}</dd></div>
        <div><dt className="text-stone-500">{t("office.docCodePrefix")}</dt><dd>{office.docCodePrefix}</dd></div>
        <div><dt className="text-stone-500">{t("office.nextNumber", { year })}</dt><dd data-testid="next-doc-number">{formatDocNumber(office.docCodePrefix, year, next)}</dd></div>
      </dl>
      <NextNumberForm year={year} current={next} />
      <OfficeStyleForm initial={style} officeName={office.name} />
    </section>
  );
}
