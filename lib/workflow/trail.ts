// A report's 流转记录: every recorded step of the report and its sections, in
// time order, and the sign-off table drawn from it.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { loadVisibleReport } from "../policy/visibility";
import { reportPolicy } from "../core/policy/report";
import { trailEntryShown } from "../core/policy/trail";
import { isRole } from "../core/permissions";
import { isMessageKey, type Locale, type Translate } from "../core/i18n/messages";
import { chinaDateTime } from "../core/dates";
import { toCsv } from "../core/csv";
import { marksOfSteps } from "../marks/step-marks";
import type { InkStroke } from "../core/export/issue-form";

export interface TrailEntry {
  seq: number;
  at: string;
  actorName: string;
  role: string;
  action: string;
  actionLabel: string;
  object: string;
  detail: Record<string, unknown>;
  /** the handwritten mark made with a 核稿 or 签发 step */
  mark?: InkStroke[];
}

/**
 * The report's record, labelled in the reader's language: all of it for the office,
 * the steps of the signed text for an office above (lib/core/policy/trail.ts).
 */
export async function reportTrail(db: Db, actor: Actor, reportId: string, t: Translate) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const readReview = reportPolicy({ actor, ancestors }, report, "readReview");
  // An office above is not shown sections or comments: they are not even read.
  const sections = readReview.ok ? await db.section.findMany({ where: { reportId: report.id }, select: { id: true, heading: true, kind: true } }) : [];
  const comments = sections.length ? await db.comment.findMany({ where: { sectionId: { in: sections.map((s) => s.id) } }, select: { id: true, sectionId: true } }) : [];
  // The 导语's heading is the system's name for it, not the town's: said in the reader's language.
  const heading = new Map(sections.map((s) => [s.id, s.kind === "intro" ? t("intro") : s.heading]));
  const commentSection = new Map(comments.map((c) => [c.id, c.sectionId]));
  const all = await db.auditEvent.findMany({
    where: {
      OR: [
        { objectType: "report", objectId: report.id },
        { objectType: "section", objectId: { in: sections.map((s) => s.id) } },
        { objectType: "comment", objectId: { in: comments.map((c) => c.id) } },
      ],
    },
    orderBy: { seq: "asc" },
  });
  const rows = all.filter((r) => trailEntryShown(readReview, r));
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.actorId).filter((x): x is string => !!x) } } });
  const marks = await marksOfSteps(db, rows.filter((r) => r.action === "report.checkPass" || r.action === "report.signOff").map((r) => r.seq));
  const entries: TrailEntry[] = rows.map((r) => {
    const sectionId = r.objectType === "section" ? r.objectId : r.objectType === "comment" ? commentSection.get(r.objectId ?? "") : null;
    return {
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: users.find((u) => u.id === r.actorId)?.displayName ?? r.actorName ?? t("trail.system"),
      role: r.role && isRole(r.role) ? t(`role.${r.role}`) : r.role ?? "",
      action: r.action,
      actionLabel: isMessageKey(`audit.${r.action}`) ? t(`audit.${r.action}` as never) : r.action,
      object: sectionId ? t("trail.object.section", { heading: heading.get(sectionId) ?? "" }) : t("trail.object.report"),
      detail: r.detail ? JSON.parse(r.detail) : {},
      ...(marks.has(r.seq) ? { mark: marks.get(r.seq) } : {}),
    };
  });
  return { report, entries, readsReview: readReview.ok };
}

export interface SignOffRow {
  step: string;
  people: string;
  at: string;
  /** 核稿意见 or 签发意见, as written */
  opinion: string;
  mark?: InkStroke[];
}

/**
 * Who drafted, reviewed, checked, signed and issued, and when (the last time each step
 * happened). Without the office's review (an office above), from 核稿 on.
 */
export function signOffTable(entries: TrailEntry[], t: Translate, readsReview = true): SignOffRow[] {
  const last = (action: string) => entries.filter((e) => e.action === action).at(-1);
  const names = (...actions: string[]) => [...new Set(entries.filter((e) => actions.includes(e.action)).map((e) => e.actorName))].join("、");
  const when = (e?: TrailEntry) => (e ? e.at : "");
  const secrecy = (e?: TrailEntry) => {
    const s = e?.detail.secrecy as { reviewer?: string; result?: string } | undefined;
    return s?.reviewer ? t("signoff.secrecy", { reviewer: s.reviewer, result: s.result ?? "" }) : "";
  };
  const opinion = (e?: TrailEntry) => (typeof e?.detail.opinion === "string" ? e.detail.opinion : "");
  const review: SignOffRow[] = [
    { step: t("signoff.draft"), people: names("section.submit"), at: when(last("section.submit")), opinion: "" },
    { step: t("signoff.review"), people: names("section.pass"), at: when(last("section.pass")), opinion: "" },
  ];
  return [
    ...(readsReview ? review : []),
    { step: t("signoff.check"), people: names("report.checkPass"), at: when(last("report.checkPass")), opinion: opinion(last("report.checkPass")), mark: last("report.checkPass")?.mark },
    { step: t("signoff.sign"), people: names("report.signOff"), at: when(last("report.signOff")), opinion: opinion(last("report.signOff")), mark: last("report.signOff")?.mark },
    { step: t("signoff.issue"), people: names("report.issue"), at: when(last("report.issue")), opinion: "" },
    { step: t("signoff.publish"), people: names("report.publish"), at: when(last("report.publish")), opinion: secrecy(last("report.publish")) },
  ];
}

/** The sign-off sheet and every entry, as the CSV an office files. */
export function trailCsv(report: { title: string; docNumber: string | null }, entries: TrailEntry[], locale: Locale, t: Translate, readsReview = true): { csv: string; fileName: string } {
  const local = (iso: string) => (iso ? chinaDateTime(iso) : "");
  const csv = toCsv([
    [t("trail.csv.report"), report.title],
    [t("trail.csv.docNumber"), report.docNumber ?? ""],
    [],
    [t("trail.col.step"), t("trail.col.actor"), t("trail.col.at"), t("trail.col.opinion")],
    ...signOffTable(entries, t, readsReview).map((r) => [r.step, r.people, local(r.at), r.opinion]),
    [],
    [t("trail.col.seq"), t("trail.col.at"), t("trail.col.actor"), t("trail.col.role"), t("trail.col.action"), t("trail.col.object"), t("trail.col.detail")],
    ...entries.map((e) => [String(e.seq), local(e.at), e.actorName, e.role, e.actionLabel, e.object, String(e.detail.reason ?? e.detail.opinion ?? e.detail.docNumber ?? "")]),
  ]);
  return { csv, fileName: `${report.title}-${t("trail.csv.fileSuffix")}.csv` };
}
