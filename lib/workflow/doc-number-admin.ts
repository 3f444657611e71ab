// An administrator moves the 发文字号 sequence on when the office has used
// numbers for other documents (one sequence per office and year).
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { requireOfficeWith } from "../auth/guard";
import { Conflict } from "../core/errors";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { lockRegister } from "./doc-number";
import { nextNumberSchema, type NextNumberInput } from "./schemas";

export async function setNextDocNumber(db: Db, actor: Actor, raw: NextNumberInput, ip?: string) {
  const officeId = await requireOfficeWith(db, actor, "office.manage");
  const input = parseInput(nextNumberSchema, raw);
  await db.$transaction(async (tx) => {
    // The register first, then the numbers used: an 印发 at this moment either committed
    // its number before (and we see it) or waits for us (and takes the number we set).
    const before = await lockRegister(tx, officeId, input.year);
    // Going back would hand out a number twice.
    const used = await tx.report.findMany({ where: { officeId, docNumber: { contains: `〔${input.year}〕` } }, select: { docNumber: true } });
    const highest = Math.max(0, ...used.map((r) => Number(/〕(\d+)号/.exec(r.docNumber ?? "")?.[1] ?? 0)));
    if (input.next <= highest) throw new Conflict("workflow.docNumberUsed", { year: input.year, highest });
    await tx.docNumberSequence.update({ where: { officeId_year: { officeId, year: input.year } }, data: { next: input.next } });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: "admin", action: "office.nextDocNumber", objectType: "office",
      objectId: officeId, officeId, ip, detail: { year: input.year, before, after: input.next },
    });
  });
}

export async function nextDocNumbers(db: Db, officeId: string) {
  return db.docNumberSequence.findMany({ where: { officeId }, orderBy: { year: "desc" } });
}
