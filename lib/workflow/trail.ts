// A report's 流转记录: every recorded step of the report and its sections, in
// time order, and the sign-off table drawn from it.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { loadVisibleReport } from "../sections/load";
import { ROLE_LABELS, isRole } from "../permissions";

export const ACTION_LABELS: Record<string, string> = {
  "report.create": "创建报告",
  "section.save": "保存章节",
  "section.add": "添加章节",
  "section.move": "移动章节",
  "section.delete": "删除章节",
  "section.restore": "恢复章节",
  "section.assign": "指定负责人",
  "section.paste": "粘贴为子章节",
  "section.submit": "提交审核",
  "section.withdraw": "撤回",
  "section.pass": "通过",
  "section.return": "退回修改",
  "report.submitForCheck": "提交核稿",
  "report.checkPass": "核稿通过",
  "report.signOff": "签发",
  "report.issue": "印发",
  "report.publish": "公开",
  "report.return": "退回",
  "comment.add": "评论",
  "comment.resolve": "解决评论",
  "comment.reopen": "重新打开评论",
  "plan.update": "更新上年安排落实情况",
  "permission.denied": "越权被拒绝",
  "seed.demo": "载入演示数据",
};

export interface TrailEntry {
  seq: number;
  at: string;
  actorName: string;
  role: string;
  action: string;
  actionLabel: string;
  object: string;
  detail: Record<string, unknown>;
}

export async function reportTrail(db: Db, actor: Actor, reportId: string) {
  const { report } = await loadVisibleReport(db, actor, reportId);
  const sections = await db.section.findMany({ where: { reportId: report.id }, select: { id: true, heading: true } });
  const comments = await db.comment.findMany({ where: { sectionId: { in: sections.map((s) => s.id) } }, select: { id: true, sectionId: true } });
  const heading = new Map(sections.map((s) => [s.id, s.heading]));
  const commentSection = new Map(comments.map((c) => [c.id, c.sectionId]));
  const rows = await db.auditEvent.findMany({
    where: {
      OR: [
        { objectType: "report", objectId: report.id },
        { objectType: "section", objectId: { in: sections.map((s) => s.id) } },
        { objectType: "comment", objectId: { in: comments.map((c) => c.id) } },
      ],
    },
    orderBy: { seq: "asc" },
  });
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.actorId).filter((x): x is string => !!x) } } });
  const entries: TrailEntry[] = rows.map((r) => {
    const sectionId = r.objectType === "section" ? r.objectId : r.objectType === "comment" ? commentSection.get(r.objectId ?? "") : null;
    return {
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: users.find((u) => u.id === r.actorId)?.displayName ?? r.actorName ?? "系统",
      role: r.role && isRole(r.role) ? ROLE_LABELS[r.role].zh : r.role ?? "",
      action: r.action,
      actionLabel: ACTION_LABELS[r.action] ?? r.action,
      object: sectionId ? `章节“${heading.get(sectionId) ?? ""}”` : "报告",
      detail: r.detail ? JSON.parse(r.detail) : {},
    };
  });
  return { report, entries };
}

export interface SignOffRow {
  step: string;
  people: string;
  at: string;
}

/** Who drafted, reviewed, checked, signed and issued, and when (the last time each step happened). */
export function signOffTable(entries: TrailEntry[]): SignOffRow[] {
  const last = (action: string) => entries.filter((e) => e.action === action).at(-1);
  const names = (...actions: string[]) => [...new Set(entries.filter((e) => actions.includes(e.action)).map((e) => e.actorName))].join("、");
  const when = (e?: TrailEntry) => (e ? e.at : "");
  return [
    { step: "起草（提交审核）", people: names("section.submit"), at: when(last("section.submit")) },
    { step: "审核（章节通过）", people: names("section.pass"), at: when(last("section.pass")) },
    { step: "核稿", people: names("report.submitForCheck", "report.checkPass"), at: when(last("report.checkPass")) },
    { step: "签发", people: names("report.signOff"), at: when(last("report.signOff")) },
    { step: "印发", people: names("report.issue"), at: when(last("report.issue")) },
    { step: "公开", people: names("report.publish"), at: when(last("report.publish")) },
  ];
}

/** CSV for Excel/WPS: UTF-8 with a BOM so Chinese opens correctly. */
export function toCsv(rows: string[][]): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const cell = (raw: string) => {
    const v = safe(raw);
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
