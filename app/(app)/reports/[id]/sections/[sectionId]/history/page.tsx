import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { AccessError } from "@/lib/auth/guard";
import { listRevisions } from "@/lib/sections/save";
import { editRefusal } from "@/lib/sections/access";
import { loadAncestors } from "@/lib/offices/queries";
import { DiffText } from "@/components/editor/DiffText";
import { readableDiff, diffStats } from "@/lib/sections/diff";
import { RestoreButton } from "@/components/editor/RestoreButton";
import { asParagraphs } from "@/lib/sections/paragraphs";
import { paragraphsToText } from "@/lib/sections/text-form";

type Props = {
  params: Promise<{ id: string; sectionId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id, sectionId } = await params;
  const query = await searchParams;
  const actor = await pageActor();
  const db = getDb();
  let data;
  try {
    data = await listRevisions(db, actor, sectionId);
  } catch (err) {
    if (err instanceof AccessError) notFound();
    throw err;
  }
  const { section, revisions } = data;
  if (section.reportId !== id) notFound();
  const report = await db.report.findUniqueOrThrow({ where: { id } });
  const canRestore = !section.deletedAt && !editRefusal(actor, section, report, await loadAncestors(db));
  const newest = revisions[0];
  const to = revisions.find((r) => String(r.version) === query.to) ?? newest;
  const from = revisions.find((r) => String(r.version) === query.from) ?? revisions.find((r) => r.version < to.version) ?? to;
  const asText = (r: typeof from) => `${r.heading}\n${paragraphsToText(asParagraphs(r.content))}`;
  const diff = readableDiff(asText(from), asText(to));
  const stats = diffStats(diff);
  return (
    <article aria-labelledby="history-title" className="space-y-5">
      <nav className="text-sm">
        <Link href={`/reports/${id}/sections/${sectionId}`} className="text-red-800 hover:underline">← 返回章节</Link>
      </nav>
      <h1 id="history-title" className="text-xl font-semibold">修订历史：{section.heading}</h1>
      <form className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 text-sm shadow-sm">
        <label>
          从
          <select name="from" defaultValue={from.version} className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label="比较的起始版本">
            {revisions.map((r) => <option key={r.id} value={r.version}>第 {r.version} 版</option>)}
          </select>
        </label>
        <label>
          到
          <select name="to" defaultValue={to.version} className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label="比较的目标版本">
            {revisions.map((r) => <option key={r.id} value={r.version}>第 {r.version} 版</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">比较</button>
      </form>
      <section aria-label="版本差异" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-sm font-semibold">第 {from.version} 版 → 第 {to.version} 版：新增 {stats.inserted} 字，删除 {stats.deleted} 字</h2>
        <p className="doc-text mt-2 whitespace-pre-wrap" data-testid="diff">
          <DiffText segments={diff} />
        </p>
      </section>
      <ol className="space-y-2" aria-label="版本列表">
        {revisions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-3 text-sm shadow-sm">
            <span className="font-medium">第 {r.version} 版</span>
            <span>{r.author?.displayName ?? "系统"}</span>
            <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</time>
            {r.note ? <span className="text-stone-500">{r.note}</span> : null}
            {canRestore && r.version !== section.version ? (
              <RestoreButton sectionId={section.id} revisionId={r.id} version={r.version} baseVersion={section.version} />
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
