import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { AccessError } from "@/lib/auth/guard";
import { loadVisibleSection } from "@/lib/sections/load";
import { editRefusal } from "@/lib/sections/access";
import { loadNumberedSections } from "@/lib/reports/queries";
import { sectionStatusLabel } from "@/lib/reports/status";
import { MAX_SECTION_CHARS } from "@/lib/sections/content";
import { MAX_DEPTH } from "@/lib/sections/numbering";
import { SectionEditor } from "@/components/editor/SectionEditor";

type Params = { params: Promise<{ id: string; sectionId: string }> };

export default async function SectionPage({ params }: Params) {
  const { id, sectionId } = await params;
  const actor = await pageActor();
  const db = getDb();
  let loaded;
  try {
    loaded = await loadVisibleSection(db, actor, sectionId);
  } catch (err) {
    if (err instanceof AccessError) notFound();
    throw err;
  }
  const { section, report, ancestors } = loaded;
  if (report.id !== id || section.deletedAt) notFound();
  const numbered = await loadNumberedSections(db, report.id);
  const me = numbered.find((n) => n.node.id === section.id)!;
  const children = numbered.filter((n) => n.node.parentId === section.id);
  const refusal = editRefusal(actor, section, report, ancestors);
  const title = section.kind === "intro" ? "导语" : `${me.label}${section.heading}`;
  return (
    <article aria-labelledby="section-title" className="space-y-5">
      <nav className="flex flex-wrap gap-4 text-sm" aria-label="章节导航">
        <Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">← 返回报告：{report.title}</Link>
        <Link href={`/reports/${report.id}/sections/${section.id}/history`} className="text-red-800 hover:underline">修订历史</Link>
      </nav>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="section-title" className="doc-text text-xl font-bold">{title}</h1>
        <p className="text-sm text-stone-600">
          {sectionStatusLabel(section.status, "zh")} · 第 {section.version} 版
        </p>
      </header>
      {refusal ? (
        <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm">
          <p role="status" className="text-sm text-stone-600">{refusal.message}</p>
          {section.content.split("\n").filter(Boolean).map((p, i) => <p key={i} className="doc-text indent-[2em]">{p}</p>)}
        </div>
      ) : (
        <div className="rounded-lg bg-white p-6 shadow-sm">
          <SectionEditor
            sectionId={section.id}
            label={me.label}
            isIntro={section.kind === "intro"}
            canHaveChildren={section.kind !== "intro" && me.depth < MAX_DEPTH}
            initial={{ version: section.version, heading: section.heading, content: section.content }}
            maxChars={MAX_SECTION_CHARS}
          />
        </div>
      )}
      {children.length ? (
        <section aria-label="子章节" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="text-sm font-semibold">子章节</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {children.map((c) => (
              <li key={c.node.id}>
                <Link className="text-red-800 hover:underline" href={`/reports/${report.id}/sections/${c.node.id}`}>{c.label}{c.node.heading}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
