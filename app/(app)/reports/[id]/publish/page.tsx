import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { publishPageView } from "@/lib/export/service";
import { PublishConfirm } from "@/components/workflow/PublishConfirm";

/** 公开 as a deliberate act: the public page as it will appear, then the confirmation. */
export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { report, publish, publicPath, ctx: { t } } = await pageData(({ db, actor, locale }) => publishPageView(db, actor, id, locale));
  return (
    <article aria-labelledby="publish-title" className="space-y-4">
      <nav className="text-sm"><Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">{t("trail.back")}</Link></nav>
      <h1 id="publish-title" className="text-xl font-semibold">{t("publish.title", { title: report.title })}</h1>
      {publish.ok ? (
        <>
          <p className="text-sm text-stone-700">{t("publish.explain", { path: publicPath })}</p>
          <PublishConfirm reportId={report.id} />
          <iframe title={t("publish.frame")} src={`/api/reports/${report.id}/public-preview`} className="h-[70vh] w-full rounded border border-stone-300 bg-white" />
        </>
      ) : (
        <p role="status" className="text-sm text-stone-700">{publish.reason}</p>
      )}
    </article>
  );
}
