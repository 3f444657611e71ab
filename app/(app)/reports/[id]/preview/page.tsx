import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { findVisibleReport } from "@/lib/reports/queries";
import { modelOfReport, previewPages } from "@/lib/export/service";
import { LayoutPages } from "@/components/report/LayoutPages";
import { AutoRefresh } from "@/components/report/AutoRefresh";

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  const db = getDb();
  const report = await findVisibleReport(db, actor, id);
  if (!report) notFound();
  const [model, pages] = await Promise.all([modelOfReport(db, report.id), previewPages(db, report.id)]);
  return (
    <section aria-label="版式预览" className="space-y-4">
      <nav className="flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">← 返回报告</Link>
        <span className="text-stone-600">共 {pages.length} 页 · 按 GB/T 9704-2012 排版{model.draft ? " · 草稿" : ""}</span>
        <a href={`/api/reports/${report.id}/export?format=pdf`} className="rounded border border-stone-400 px-3 py-1">下载 PDF</a>
        <a href={`/api/reports/${report.id}/export?format=docx`} className="rounded border border-stone-400 px-3 py-1">下载 Word</a>
      </nav>
      {report.status === "drafting" ? <AutoRefresh /> : null}
      <LayoutPages pages={pages} />
    </section>
  );
}
