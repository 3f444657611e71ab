// 催办: the district reminds a town of its report — the people who can act on it where it
// stands: its administrators, the owners of sections still to pass, and whoever holds the
// permission for the report's next step (or to start it, when there is none). Recorded.
import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { id, parseInput, text } from "../core/validation";
import { NotFound } from "../core/errors";
import { ROLES, roleAllows, type Permission } from "../core/permissions";
import { reportActionsFrom, reportStep } from "../core/workflow/machine";
import type { ReportStatus } from "../core/workflow/statuses";
import { notify, mailNotices } from "../notify/service";
import { withParagraphs } from "../core/text/paragraphs";
import { composedIds } from "../core/workflow/review-scope";
import { requireDistrict } from "./access";

export const remindSchema = z
  .object({ officeId: id(), year: z.number().int().min(2000).max(2100), note: text().trim().max(200, "input.remindNoteTooLong").optional() })
  .strict();
export type RemindInput = z.input<typeof remindSchema>;

export async function remindTown(db: Db, actor: Actor, raw: RemindInput, ip?: string) {
  const input = parseInput(remindSchema, raw);
  const district = await requireDistrict(db, actor);
  const town = await db.office.findFirst({ where: { id: input.officeId, parentId: district.id } });
  if (!town) throw new NotFound("district.townNotBelow");
  const report = await db.report.findUnique({
    where: { officeId_year: { officeId: town.id, year: input.year } },
    include: { sections: { where: { deletedAt: null }, select: { id: true, parentId: true, kind: true, content: true, status: true, ownerId: true } } },
  });
  const composed = composedIds((report?.sections ?? []).map(withParagraphs));
  const owners = (report?.sections ?? []).filter((s) => !composed.has(s.id) && s.status !== "passed" && s.ownerId).map((s) => s.ownerId!);
  const roles = ROLES.filter((role) => role === "admin" || nextStepPermissions(report?.status ?? null).some((p) => roleAllows(role, p)));
  const members = await db.membership.findMany({ where: { officeId: town.id, role: { in: roles }, user: { active: true } }, select: { userId: true } });
  const active = owners.length ? await db.user.findMany({ where: { id: { in: owners }, active: true }, select: { id: true } }) : [];
  const people = [...new Set([...members.map((m) => m.userId), ...active.map((u) => u.id)])];
  // Telling nobody is not a reminder: nothing is recorded, and the page says so in the reader's language.
  if (!people.length) return { reminded: 0 };
  const notices = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "district.remind", objectType: report ? "report" : "office", objectId: report?.id ?? town.id,
      officeId: district.id, ip, detail: { town: town.code, year: input.year, note: input.note, people: people.length },
    });
    return notify(tx, {
      userIds: people, kind: "district.remind",
      params: { district: district.name, year: input.year, note: input.note ?? "" }, link: report ? `/reports/${report.id}` : "/reports",
    }, actor.userId);
  });
  await mailNotices(db, notices);
  return { reminded: notices.length };
}

/** The permissions of the steps that take a report on from where it stands (none yet: creating it). */
function nextStepPermissions(status: ReportStatus | null): Permission[] {
  if (!status) return ["report.create"];
  const steps = reportActionsFrom(status).filter((a) => a !== "return").map((a) => reportStep(status, a)!.permission);
  // An issued report still has to be sent up, and a drafting one its sections reviewed.
  return [...steps, ...(status === "issued" || status === "published" ? (["report.send"] as const) : []), ...(status === "drafting" ? (["section.review"] as const) : [])];
}
