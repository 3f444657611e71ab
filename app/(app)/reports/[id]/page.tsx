import Link from "next/link";
import { ReviewImport } from "@/components/suggestions/ReviewImport";
import { isSigned } from "@/lib/core/workflow/statuses";
import { ExportLinks } from "@/components/report/ExportLinks";
import { pageData } from "@/lib/auth/page";
import { reportPageView } from "@/lib/views/report-view";
import { isoOfCalendarDayOrNull } from "@/lib/core/dates";
import { reviewState } from "@/lib/core/workflow/review-scope";
import { countChineseChars } from "@/lib/core/text/char-count";
import { paragraphViews, plainText } from "@/lib/core/text/paragraphs";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { SectionTree, type TreeNode } from "@/components/report/SectionTree";
import { PlanChecklist } from "@/components/report/PlanChecklist";
import { DeletedSections } from "@/components/report/DeletedSections";
import { ReportWorkflow } from "@/components/workflow/ReportWorkflow";
import { Dashboard } from "@/components/workflow/Dashboard";
import { SubmitMine } from "@/components/workflow/SubmitMine";
import { MetadataForm } from "@/components/report/MetadataForm";
import { SendUp } from "@/components/district/SendUp";
import { PartsPanel } from "@/components/report/PartsPanel";
import { shownActions } from "@/lib/core/policy/answer";
import { chinaDateTime } from "@/lib/core/dates";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await pageData(({ db, actor, locale, t }) => reportPageView(db, actor, id, locale, t));
  const { report, office, sections, perSection, answers, ctx: { t } } = view;

  const nodes: TreeNode[] = sections.map(({ node, depth, label, paragraphLabels }) => ({
    id: node.id, parentId: node.parentId, depth, label, heading: node.heading, kind: node.kind, runIn: node.runIn && node.content.length > 0 && !node.content[0].level,
    paragraphs: paragraphViews(node.content, paragraphLabels), ownerId: node.ownerId, ownerName: node.owner?.displayName ?? null,
    statusLabel: t(`section.status.${reviewState(node, view.composed)}`), chars: (node.kind === "intro" ? 0 : countChineseChars(node.heading)) + countChineseChars(plainText(node.content)),
    canEdit: perSection.get(node.id)!.edit.ok, canMove: perSection.get(node.id)!.move, canAddChild: perSection.get(node.id)!.addChild, canAssign: perSection.get(node.id)!.assign,
  }));
  const total = nodes.reduce((n, s) => n + s.chars, 0);
  const first = nodes.find((n) => n.depth === 1 && n.kind !== "intro");
  const beside = view.planItems.length && first
    ? { [first.id]: <PlanChecklist items={view.planItems} editable={answers.editPlan.ok} sourceYear={view.sourceYear} /> }
    : undefined;
  const meta: [MessageKey, string | number | null][] = [
    ["docNumber", report.docNumber], ["addressee", report.addressee], ["signatory", report.signatory],
    ["writtenDate", isoOfCalendarDayOrNull(report.writtenDate)], ["copyTo", report.copyTo], ["issuer", report.issuer],
    ["issueDate", isoOfCalendarDayOrNull(report.issueDate)], ["copies", report.copies], ["colDue", isoOfCalendarDayOrNull(report.dueDate)],
    ["report.meta.signerName", report.signerName],
  ];
  const link = "text-red-800 hover:underline";
  return (
    <article aria-labelledby="report-title" className="space-y-6">
      <p className="text-sm">
        <Link href="/reports" className={link}>← {t("backToList")}</Link>
      </p>
      <header className="rounded-lg bg-white p-6 shadow-sm">
        <p className="text-center text-2xl font-bold tracking-widest text-red-700">{office.headerMark}</p>
        <h1 id="report-title" className="doc-text mt-4 text-center text-xl font-semibold">{report.title}</h1>
        <p className="mt-3 text-center text-sm text-stone-600">
          {office.name} · {report.year} · <span data-testid="report-status">{t(`report.status.${report.status}`)}</span> ·{" "}
          <span data-testid="report-chars">{total} {t("charCount")}</span>
          {view.deadline ? (
            <> · <span data-testid="deadline" className={view.deadline.overdue ? "font-semibold text-red-700" : ""}>{view.deadline.text}</span></>
          ) : null}
        </p>
        <p className="mt-2 flex flex-wrap justify-center gap-4 text-sm">
          <Link href={`/reports/${report.id}/trail`} className={link}>{t("report.links.trail")}</Link>
          <Link href={`/reports/${report.id}/preview`} className={link}>{t("report.links.preview")}</Link>
          {answers.export.ok ? (
            <>
              <ExportLinks reportId={report.id} className={link} withMarks={answers.readReview.ok} issued={isSigned(report.status)} />
            </>
          ) : null}
          {report.status === "published" ? (
            <a href={`/public/reports/${report.id}`} className={link}>{t("report.links.public")}</a>
          ) : null}
        </p>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {meta.filter(([, v]) => v !== null && v !== "").map(([k, v]) => (
            <div key={k} className="flex gap-2"><dt className="text-stone-500">{t(k)}</dt><dd>{v}</dd></div>
          ))}
        </dl>
      </header>
      {answers.editMetadata.ok ? (
        <MetadataForm reportId={report.id}
          initial={{ title: report.title, addressee: report.addressee ?? "", copyTo: report.copyTo ?? "", copies: report.copies, dueDate: isoOfCalendarDayOrNull(report.dueDate) ?? "" }} />
      ) : null}
      {view.submission ? (
        <section aria-label={t("report.sendState")} className={`rounded-lg p-4 text-sm ${view.submission.status === "returned" ? "border-2 border-red-300 bg-red-50" : "bg-white shadow-sm"}`}>
          <p data-testid="send-state">{t(`report.sent.${view.submission.status}`, { to: view.submission.to, at: chinaDateTime(view.submission.sentAt) })}</p>
          {view.submission.reason ? <p className="mt-1 font-medium text-red-900" data-testid="send-reason">{t("trail.reason", { reason: view.submission.reason })}</p> : null}
        </section>
      ) : null}
      {shownActions({ send: answers.send }, ["send"]).length ? <SendUp reportId={report.id} answer={answers.send} to={view.officeAbove} /> : null}
      <PartsPanel reportId={report.id} parts={view.parts} sections={view.topSections} canMap={answers.changeStructure.ok} sharedReason={view.partsSharedReason} />
      <ReportWorkflow reportId={report.id} answers={answers} signing={view.signing} missingParts={view.missingParts} defaults={{ copyTo: report.copyTo ?? "", copies: report.copies }}
        reopenable={view.reopenable.map((n) => ({ id: n.node.id, title: n.node.kind === "intro" ? t("intro") : `${n.label}${n.node.heading}` }))} />
      {answers.readReview.ok && !isSigned(report.status) ? <ReviewImport reportId={report.id} /> : null}
      {view.textOpen ? <SubmitMine reportId={report.id} count={view.mineToSubmit} /> : null}
      {view.textOpen ? (
        <Dashboard sections={sections.filter((s) => !view.composed.has(s.node.id)).map((s) => ({ ownerName: s.node.owner?.displayName ?? null, status: s.node.status }))} overdue={!!view.deadline?.overdue} />
      ) : null}
      <SectionTree reportId={report.id} nodes={nodes} canStructure={answers.changeStructure.ok} runInBold={office.runInBold}
        drafters={view.drafters.map((d) => ({ id: d.id, name: d.name }))} beside={beside} />
      {answers.changeStructure.ok ? (
        <DeletedSections sections={view.deleted.map((s) => ({ id: s.id, heading: s.heading, deletedAt: s.deletedAt.toISOString(), deletedBy: s.deletedBy }))} />
      ) : null}
    </article>
  );
}
