import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { historyPageView, revisionNote } from "@/lib/views/section-view";
import { chinaDateTime } from "@/lib/core/dates";
import { DiffText } from "@/components/editor/DiffText";
import { RestoreButton } from "@/components/editor/RestoreButton";

type Props = {
  params: Promise<{ id: string; sectionId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id, sectionId } = await params;
  const query = await searchParams;
  const { section, revisions, from, to, diff, stats, canRestore, ctx: { t } } =
    await pageData(({ db, actor, locale }) => historyPageView(db, actor, id, sectionId, query, locale));
  const version = (v: number) => t("section.version", { version: v });
  return (
    <article aria-labelledby="history-title" className="space-y-5">
      <nav className="text-sm">
        <Link href={`/reports/${id}/sections/${sectionId}`} className="text-red-800 hover:underline">{t("history.back")}</Link>
      </nav>
      <h1 id="history-title" className="text-xl font-semibold">{t("history.title", { heading: section.heading })}</h1>
      <form className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 text-sm shadow-sm">
        <label>
          {t("history.from")}
          <select name="from" defaultValue={from.version} className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label={t("history.fromLabel")}>
            {revisions.map((r) => <option key={r.id} value={r.version}>{version(r.version)}</option>)}
          </select>
        </label>
        <label>
          {t("history.to")}
          <select name="to" defaultValue={to.version} className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label={t("history.toLabel")}>
            {revisions.map((r) => <option key={r.id} value={r.version}>{version(r.version)}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">{t("history.compare")}</button>
      </form>
      <section aria-label={t("history.diff")} className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-sm font-semibold">{t("history.diffTitle", { from: from.version, to: to.version, inserted: stats.inserted, deleted: stats.deleted })}</h2>
        {diff.byChars ? null : <p role="note" className="mt-1 text-xs text-amber-800">{t("diff.coarse")}</p>}
        <p className="doc-text mt-2 whitespace-pre-wrap" data-testid="diff" lang="zh-CN">
          <DiffText segments={diff.segments} />
        </p>
      </section>
      <ol className="space-y-2" aria-label={t("history.list")}>
        {revisions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-3 text-sm shadow-sm">
            <span className="font-medium">{version(r.version)}</span>
            <span>{r.author?.displayName ?? t("trail.system")}</span>
            <time dateTime={r.createdAt.toISOString()}>{chinaDateTime(r.createdAt)}</time>
            {r.note ? <span className="text-stone-500">{revisionNote(r.note, t)}</span> : null}
            {canRestore && r.version !== section.version ? (
              <RestoreButton sectionId={section.id} revisionId={r.id} version={r.version} baseVersion={section.version} />
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
