import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { AccessError } from "@/lib/auth/guard";
import { loadVisibleSection } from "@/lib/sections/load";
import { editRefusal } from "@/lib/sections/access";
import { sectionStatusLabel } from "@/lib/reports/status";
import { MAX_SECTION_CHARS, paragraphViews, plainText, type ParagraphView } from "@/lib/sections/paragraphs";
import { MAX_DEPTH, countersBefore, flattenTree, numberTree } from "@/lib/sections/numbering";
import { liveSections } from "@/lib/reports/queries";
import { BodyParagraph } from "@/components/report/BodyText";
import { SectionEditor } from "@/components/editor/SectionEditor";
import { SectionWorkflow } from "@/components/workflow/SectionWorkflow";
import { CommentsPanel } from "@/components/workflow/CommentsPanel";
import { listComments } from "@/lib/comments/service";
import { can } from "@/lib/auth/actor";
import { FROZEN_STATUSES, sectionActionsFrom, sectionStep } from "@/lib/workflow/machine";

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
  const tree = numberTree(await liveSections(db, report.id));
  const numbered = flattenTree(tree);
  const me = numbered.find((n) => n.node.id === section.id)!;
  const office = await db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { runInBold: true } });
  const children = numbered.filter((n) => n.node.parentId === section.id);
  const refusal = editRefusal(actor, section, report, ancestors);
  const comments = await listComments(db, actor, section.id);
  const actions =
    report.status === "drafting"
      ? sectionActionsFrom(section.status).filter((a) => {
          const step = sectionStep(section.status, a)!;
          const owns = a === "submit" || a === "withdraw" ? section.ownerId === actor.userId : true;
          return owns && can(actor, report.officeId, step.permission, ancestors);
        })
      : [];
  const canComment =
    !(FROZEN_STATUSES as readonly string[]).includes(report.status) &&
    (section.ownerId === actor.userId || can(actor, report.officeId, "comment.write", ancestors));
  // Passages with comments are marked in the read-only text.
  const marks = comments.filter((c) => c.located && !c.resolved).map((c) => c.located!);
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
          <span data-testid="section-status">{sectionStatusLabel(section.status, "zh")}</span> · 第 {section.version} 版
        </p>
      </header>
      <SectionWorkflow sectionId={section.id} actions={actions} />
      {refusal ? (
        <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm">
          <p role="status" className="text-sm text-stone-600">{refusal.message}</p>
          <MarkedText paragraphs={paragraphViews(section.content, me.paragraphLabels)} marks={marks} bold={office.runInBold} />
        </div>
      ) : (
        <div className="rounded-lg bg-white p-6 shadow-sm">
          <SectionEditor
            sectionId={section.id}
            label={me.label}
            isIntro={section.kind === "intro"}
            canHaveChildren={section.kind !== "intro" && me.depth < MAX_DEPTH}
            initial={{ version: section.version, heading: section.heading, runIn: section.runIn, content: section.content }}
            numberingStart={countersBefore(tree, section.id)}
            maxChars={MAX_SECTION_CHARS}
            runInBold={office.runInBold}
          />
        </div>
      )}
      <CommentsPanel sectionId={section.id} content={plainText(section.content)} comments={comments} canComment={canComment} />
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

/** Paragraphs with commented passages highlighted and a marker beside each paragraph that has comments. */
function MarkedText({ paragraphs, marks, bold }: { paragraphs: ParagraphView[]; marks: { start: number; end: number; paragraph: number }[]; bold: boolean }) {
  // Anchors count in the plain text: each paragraph's lead-in and text, joined by line breaks.
  const texts = paragraphs.map((p) => p.lead + p.text);
  const starts = texts.map((_, i) => texts.slice(0, i).reduce((n, q) => n + q.length + 1, 0));
  return (
    <div data-testid="section-text">
      {paragraphs.map((p, i) => {
        const here = marks.filter((m) => m.paragraph === i).sort((a, b) => a.start - b.start);
        if (!here.length) return <BodyParagraph key={i} p={p} bold={bold} className="leading-8" />;
        const whole = texts[i];
        const parts: React.ReactNode[] = [p.number];
        let at = 0;
        for (const [k, m] of here.entries()) {
          const s = Math.max(at, m.start - starts[i]);
          parts.push(whole.slice(at, s), <mark key={k} className="bg-amber-200">{whole.slice(s, m.end - starts[i])}</mark>);
          at = Math.max(at, m.end - starts[i]);
        }
        parts.push(whole.slice(at));
        return (
          <div key={i} className="relative">
            <p className="doc-text indent-[2em] leading-8 text-[1.05rem]">{parts}</p>
            <span className="absolute -right-2 top-0 translate-x-full text-xs text-amber-700" aria-label={`本段有 ${here.length} 条评论`}>●{here.length}</span>
          </div>
        );
      })}
    </div>
  );
}
