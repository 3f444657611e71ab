// 催办: the district reminds a town of its report — its administrators, and the owners of
// sections still to pass. Recorded.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput, text } from "../validation";
import { NotFound } from "../errors";
import { notify, mailNotices } from "../notify/service";
import { withParagraphs } from "../sections/paragraphs";
import { composedIds } from "../workflow/review-scope";
import { requireDistrict } from "./access";

export const remindSchema = z
  .object({ officeId: z.string().min(1).max(64), year: z.number().int().min(2000).max(2100), note: text().trim().max(200, "附言最多 200 个字符。").optional() })
  .strict();
export type RemindInput = z.input<typeof remindSchema>;

export async function remindTown(db: Db, actor: Actor, raw: RemindInput, ip?: string) {
  const input = parseInput(remindSchema, raw);
  const district = await requireDistrict(db, actor);
  const town = await db.office.findFirst({ where: { id: input.officeId, parentId: district.id } });
  if (!town) throw new NotFound("该镇不在本区之下。");
  const report = await db.report.findUnique({
    where: { officeId_year: { officeId: town.id, year: input.year } },
    include: { sections: { where: { deletedAt: null }, select: { id: true, parentId: true, kind: true, content: true, status: true, ownerId: true } } },
  });
  const admins = await db.membership.findMany({ where: { officeId: town.id, role: "admin", user: { active: true } }, select: { userId: true } });
  const composed = composedIds((report?.sections ?? []).map(withParagraphs));
  const owners = (report?.sections ?? []).filter((s) => !composed.has(s.id) && s.status !== "passed" && s.ownerId).map((s) => s.ownerId!);
  const notices = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "district.remind", objectType: report ? "report" : "office", objectId: report?.id ?? town.id,
      officeId: district.id, ip, detail: { town: town.code, year: input.year, note: input.note, people: admins.length + new Set(owners).size },
    });
    return notify(tx, {
      userIds: [...admins.map((a) => a.userId), ...owners], kind: "district.remind",
      params: { district: district.name, year: input.year, note: input.note ?? "" }, link: report ? `/reports/${report.id}` : "/reports",
    }, actor.userId);
  });
  await mailNotices(db, notices);
  return { reminded: notices.length };
}
