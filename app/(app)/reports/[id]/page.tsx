import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { can } from "@/lib/auth/actor";
import { loadAncestors } from "@/lib/offices/queries";
import { findVisibleReport, loadNumberedSections } from "@/lib/reports/queries";
import { reportStatusLabel, sectionStatusLabel } from "@/lib/reports/status";
import { deadlineLabel, isoOf, isoOrNull, todayInChina } from "@/lib/reports/deadline";
import { listPlanItems } from "@/lib/reports/plan-service";
import { editRefusal, structureRefusal } from "@/lib/sections/access";
import { officeDrafters } from "@/lib/sections/tree";
import { countChineseChars } from "@/lib/sections/text";
import { paragraphViews, plainText } from "@/lib/sections/paragraphs";
import { getT } from "@/lib/i18n/server";
import { SectionTree, type TreeNode } from "@/components/report/SectionTree";
import { PlanChecklist } from "@/components/report/PlanChecklist";
import { DeletedSections } from "@/components/report/DeletedSections";
import { ReportWorkflow } from "@/components/workflow/ReportWorkflow";
import { Dashboard } from "@/components/workflow/Dashboard";
import { SubmitMine } from "@/components/workflow/SubmitMine";
import { MetadataForm } from "@/components/report/MetadataForm";
import { REOPENABLE_SECTION_STATUSES, reportActionsFrom, reportStep } from "@/lib/workflow/machine";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  const db = getDb();
  const report = await findVisibleReport(db, actor, id);
  if (!report) notFound();
  const [sections, ancestors, planItems] = await Promise.all([loadNumberedSections(db, report.id), loadAncestors(db), listPlanItems(db, report.id)]);
  const { locale, t } = await getT();
  const canStructure = !structureRefusal(actor, report, ancestors);
  const canAssign = canStructure && can(actor, report.officeId, "section.assign", ancestors);
  const drafters = canAssign ? await officeDrafters(db, report.officeId) : [];
  const deleted = canStructure ? await db.section.findMany({ where: { reportId: report.id, deletedAt: { not: null } }, orderBy: { deletedAt: "desc" } }) : [];
  const sourceYear = report.sourceReportId ? (await db.report.findUnique({ where: { id: report.sourceReportId } }))?.year ?? null : null;

  const nodes: TreeNode[] = sections.map(({ node, depth, label, paragraphLabels }) => ({
    id: node.id, parentId: node.parentId, depth, label, heading: node.heading, kind: node.kind, runIn: node.runIn && node.content.length > 0 && !node.content[0].level,
    paragraphs: paragraphViews(node.content, paragraphLabels), ownerId: node.ownerId, ownerName: node.owner?.displayName ?? null,
    statusLabel: sectionStatusLabel(node.status, locale), chars: (node.kind === "intro" ? 0 : countChineseChars(node.heading)) + countChineseChars(plainText(node.content)),
    canEdit: !editRefusal(actor, node, report, ancestors),
  }));
  const total = nodes.reduce((n, s) => n + s.chars, 0);
  const first = nodes.find((n) => n.depth === 1 && n.kind !== "intro");
  const beside = planItems.length && first
    ? { [first.id]: <PlanChecklist items={planItems} editable={canStructure} sourceYear={sourceYear} /> }
    : undefined;
  const deadline = report.dueDate && report.status === "drafting" ? deadlineLabel(isoOf(report.dueDate), todayInChina()) : null;
  const reportActions = reportActionsFrom(report.status).filter((a) => can(actor, report.officeId, reportStep(report.status, a)!.permission, ancestors));
  const reopenable =
    report.status === "checking" || report.status === "awaiting_signoff"
      ? nodes.filter((n) => (REOPENABLE_SECTION_STATUSES as readonly string[]).includes(sections.find((s) => s.node.id === n.id)!.node.status))
          .map((n) => ({ id: n.id, title: n.kind === "intro" ? "导语" : `${n.label}${n.heading}` }))
      : [];
  const meta: [string, string | number | null][] = [
    [t("docNumber"), report.docNumber], [t("addressee"), report.addressee], [t("signatory"), report.signatory],
    [t("writtenDate"), isoOrNull(report.writtenDate)], [t("copyTo"), report.copyTo], [t("issuer"), report.issuer],
    [t("issueDate"), isoOrNull(report.issueDate)], [t("copies"), report.copies], [t("colDue"), isoOrNull(report.dueDate)],
    ["签发人", report.signerName], ["内容指纹", report.contentHash ? `${report.contentHash.slice(0, 16)}…` : null],
  ];
  return (
    <article aria-labelledby="report-title" className="space-y-6">
      <p className="text-sm">
        <Link href="/reports" className="text-red-800 hover:underline">← {t("backToList")}</Link>
      </p>
      <header className="rounded-lg bg-white p-6 shadow-sm">
        <p className="text-center text-2xl font-bold tracking-widest text-red-700">{report.office.headerMark}</p>
        <h1 id="report-title" className="doc-text mt-4 text-center text-xl font-semibold">{report.title}</h1>
        <p className="mt-3 text-center text-sm text-stone-600">
          {report.office.name} · {report.year} · <span data-testid="report-status">{reportStatusLabel(report.status, locale)}</span> ·{" "}
          {canStructure ? "编辑中" : t("readOnly")} · <span data-testid="report-chars">{total} {t("charCount")}</span>
          {deadline ? (
            <> · <span data-testid="deadline" className={deadline.overdue ? "font-semibold text-red-700" : ""}>{deadline.text}</span></>
          ) : null}
        </p>
        <p className="mt-2 flex flex-wrap justify-center gap-4 text-sm">
          <Link href={`/reports/${report.id}/trail`} className="text-red-800 hover:underline">流转记录</Link>
          <Link href={`/reports/${report.id}/preview`} className="text-red-800 hover:underline">版式预览</Link>
          <a href={`/api/reports/${report.id}/export?format=pdf`} className="text-red-800 hover:underline">下载 PDF</a>
          <a href={`/api/reports/${report.id}/export?format=docx`} className="text-red-800 hover:underline">下载 Word</a>
          {report.status === "published" ? (
            <a href={`/public/reports/${report.id}`} className="text-red-800 hover:underline">公开页面</a>
          ) : null}
        </p>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {meta.filter(([, v]) => v !== null && v !== "").map(([k, v]) => (
            <div key={k} className="flex gap-2"><dt className="text-stone-500">{k}</dt><dd>{v}</dd></div>
          ))}
        </dl>
      </header>
      {can(actor, report.officeId, "report.editMetadata", ancestors) ? (
        <MetadataForm reportId={report.id}
          initial={{ title: report.title, addressee: report.addressee ?? "", copyTo: report.copyTo ?? "", copies: report.copies, dueDate: isoOrNull(report.dueDate) ?? "" }} />
      ) : null}
      <ReportWorkflow reportId={report.id} actions={reportActions} reopenable={reopenable}
        defaults={{ copyTo: report.copyTo ?? "", copies: report.copies }} />
      {report.status === "drafting" ? (
        <SubmitMine reportId={report.id}
          count={sections.filter((s) => s.node.ownerId === actor.userId && ["drafting", "returned", "not_started"].includes(s.node.status)).length} />
      ) : null}
      {report.status === "drafting" ? (
        <Dashboard sections={sections.map((s) => ({ ownerName: s.node.owner?.displayName ?? null, status: s.node.status }))} overdue={!!deadline?.overdue} />
      ) : null}
      <SectionTree reportId={report.id} nodes={nodes} canStructure={canStructure} canAssign={canAssign} runInBold={report.office.runInBold}
        drafters={drafters.map((d) => ({ id: d.id, name: d.name }))} beside={beside} />
      {canStructure ? (
        <DeletedSections sections={deleted.map((s) => ({ id: s.id, heading: s.heading, deletedAt: s.deletedAt!.toISOString() }))} />
      ) : null}
    </article>
  );
}
