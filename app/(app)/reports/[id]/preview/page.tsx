import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { previewPageView } from "@/lib/export/service";
import { LayoutPages } from "@/components/report/LayoutPages";
import { AutoRefresh } from "@/components/report/AutoRefresh";

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { report, draft, pages, textOpen, ctx: { t } } = await pageData(({ db, actor }) => previewPageView(db, actor, id));
  return (
    <section aria-label={t("report.links.preview")} className="space-y-4">
      <nav className="flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">{t("trail.back")}</Link>
        <span className="text-stone-600">{t(draft ? "preview.summaryDraft" : "preview.summary", { pages: pages.length })}</span>
        <a href={`/api/reports/${report.id}/export?format=pdf`} className="rounded border border-stone-400 px-3 py-1">{t("report.links.pdf")}</a>
        <a href={`/api/reports/${report.id}/export?format=docx`} className="rounded border border-stone-400 px-3 py-1">{t("report.links.docx")}</a>
      </nav>
      {textOpen ? <AutoRefresh /> : null}
      <LayoutPages pages={pages} pageLabel={(n) => t("preview.page", { n })} />
    </section>
  );
}
