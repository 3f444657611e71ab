import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { sectionPageView } from "@/lib/views/section-view";
import { MAX_SECTION_CHARS, paragraphViews, plainText, type ParagraphView } from "@/lib/core/text/paragraphs";
import { MAX_DEPTH } from "@/lib/core/outline/outline-numbers";
import { BodyParagraph } from "@/components/report/BodyText";
import { SectionEditor } from "@/components/editor/SectionEditor";
import { SectionWorkflow } from "@/components/workflow/SectionWorkflow";
import { CommentsPanel } from "@/components/workflow/CommentsPanel";
import { SuggestionsPanel } from "@/components/suggestions/SuggestionsPanel";
import { SuggestingEditor } from "@/components/suggestions/SuggestingEditor";
import { ReviewModes } from "@/components/suggestions/ReviewModes";
import { LiveSectionLine, LiveSectionProvider } from "@/components/editor/LiveSection";
import { chinaDateTime } from "@/lib/core/dates";
import { DiffText } from "@/components/editor/DiffText";

type Params = { params: Promise<{ id: string; sectionId: string }> };

export default async function SectionPage({ params }: Params) {
  const { id, sectionId } = await params;
  const view = await pageData(({ db, actor, locale }) => sectionPageView(db, actor, id, sectionId, locale));
  const { section, report, me, comments, edit, ctx: { t } } = view;
  // Passages with comments are marked in the read-only text.
  const marks = comments.filter((c) => c.located && !c.resolved).map((c) => c.located!);
  const title = section.kind === "intro" ? t("intro") : `${me.label}${section.heading}`;
  return (
    <article aria-labelledby="section-title" className="space-y-5">
      <nav className="flex flex-wrap gap-4 text-sm" aria-label={t("section.nav")}>
        <Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">{t("section.back", { title: report.title })}</Link>
        <Link href={`/reports/${report.id}/sections/${section.id}/history`} className="text-red-800 hover:underline">{t("section.history")}</Link>
      </nav>
      <LiveSectionProvider initial={{ version: section.version, status: section.status }}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="section-title" className="doc-text text-xl font-bold">{title}</h1>
        {view.composed ? <p className="text-sm text-stone-600" data-testid="section-status">{t("section.status.composed")}</p> : <LiveSectionLine />}
      </header>
      {view.returned ? (
        <section aria-label={t("section.returnedTitle")} className="rounded-lg border-2 border-red-300 bg-red-50 p-4">
          <h2 className="font-semibold text-red-900">{t("section.returnedTitle")}</h2>
          <p className="mt-1 whitespace-pre-wrap" data-testid="return-reason">{view.returned.reason}</p>
          <p className="mt-1 text-xs text-stone-600">{t("section.returnedBy", { name: view.returned.by, at: chinaDateTime(view.returned.at) })}</p>
        </section>
      ) : null}
      <SectionWorkflow sectionId={section.id} answers={view.workflow} />
      <ReviewModes
        canSuggest={view.canSuggest}
        normal={!edit.ok ? (
        <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm">
          <p role="status" className="text-sm text-stone-600">{edit.reason}</p>
          <MarkedText paragraphs={paragraphViews(section.content, me.paragraphLabels)} marks={marks} bold={view.runInBold} commentsHere={(n) => t("section.commentsHere", { count: n })} />
        </div>
      ) : (
        <div className="rounded-lg bg-white p-6 shadow-sm">
          <SectionEditor
            sectionId={section.id}
            label={me.label}
            isIntro={section.kind === "intro"}
            canHaveChildren={section.kind !== "intro" && me.depth < MAX_DEPTH}
            initial={{ version: section.version, heading: section.heading, runIn: section.runIn, content: section.content }}
            numberingStart={view.numberingStart}
            maxChars={MAX_SECTION_CHARS}
            runInBold={view.runInBold}
            commented={marks}
          />
        </div>
      )}
        suggesting={
          <SuggestingEditor sectionId={section.id} version={section.version} content={section.content} suggestions={view.suggestions}
            me={view.reader} numberingStart={view.numberingStart} />
        }
      />
      </LiveSectionProvider>
      {view.lastYear ? (
        <details className="rounded-lg bg-white p-4 shadow-sm">
          <summary className="cursor-pointer text-sm font-medium">
            {t("section.lastYear", { year: view.lastYear.year, share: `${Math.round(view.lastYear.carried * 100)}%` })}
          </summary>
          <p className="mt-2 text-xs text-stone-500">
            <Link className="text-red-800 hover:underline" href={`/reports/${view.lastYear.reportId}/sections/${view.lastYear.sectionId}`}>{view.lastYear.title ?? t("intro")}</Link>
            {" "}{t("section.lastYearHelp")}
          </p>
          {view.lastYear.diff.byChars ? null : <p role="note" className="mt-1 text-xs text-amber-800">{t("diff.coarse")}</p>}
          <div className="doc-text mt-2 whitespace-pre-wrap leading-8" data-testid="last-year-diff"><DiffText segments={view.lastYear.diff.segments} /></div>
        </details>
      ) : null}
      {view.suggestions.length ? (
        <SuggestionsPanel reportId={report.id} sectionId={section.id} text={plainText(section.content)} suggestions={view.suggestions} may={view.suggestionRights} acceptBlocked={view.acceptBlocked} />
      ) : null}
      <CommentsPanel sectionId={section.id} content={plainText(section.content)} comments={comments} canComment={view.canComment} />
      {view.children.length ? (
        <section aria-label={t("section.children")} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="text-sm font-semibold">{t("section.children")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {view.children.map((c) => (
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
function MarkedText({ paragraphs, marks, bold, commentsHere }: { paragraphs: ParagraphView[]; marks: { start: number; end: number; paragraph: number }[]; bold: boolean; commentsHere: (n: number) => string }) {
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
            <span className="absolute -right-2 top-0 translate-x-full text-xs text-amber-700" aria-label={commentsHere(here.length)}>●{here.length}</span>
          </div>
        );
      })}
    </div>
  );
}
