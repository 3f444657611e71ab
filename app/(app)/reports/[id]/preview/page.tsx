import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { PREVIEW_BATCH, previewPageView } from "@/lib/export/service";
import { LayoutPages } from "@/components/report/LayoutPages";
import { ExportLinks } from "@/components/report/ExportLinks";
import { AutoRefresh } from "@/components/report/AutoRefresh";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const from = Number((await searchParams).from ?? 1);
  const { report, draft, pages, total, start, textOpen, ctx: { t } } = await pageData(({ db, actor }) => previewPageView(db, actor, id, from));
  const end = start + pages.length - 1;
  const batch = (n: number) => `/reports/${report.id}/preview${n > 1 ? `?from=${n}` : ""}`;
  const nav = total > PREVIEW_BATCH ? (
    <nav aria-label={t("preview.batches")} className="flex items-center justify-center gap-4 text-sm">
      {start > 1 ? <Link href={batch(Math.max(1, start - PREVIEW_BATCH))} className="text-red-800 hover:underline">{t("preview.earlier")}</Link> : null}
      <span>{t("preview.showing", { start, end, total })}</span>
      {end < total ? <Link href={batch(end + 1)} className="text-red-800 hover:underline">{t("preview.later")}</Link> : null}
    </nav>
  ) : null;
  return (
    <section aria-label={t("report.links.preview")} className="space-y-4">
      <nav className="flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">{t("trail.back")}</Link>
        <span className="text-stone-600">{t(draft ? "preview.summaryDraft" : "preview.summary", { pages: total })}</span>
        <ExportLinks reportId={report.id} className="rounded border border-stone-400 px-3 py-1" issued={!draft} />
      </nav>
      {textOpen ? <AutoRefresh /> : null}
      {nav}
      <LayoutPages pages={pages} pageLabel={(n) => t("preview.page", { n })} />
      {nav}
    </section>
  );
}
