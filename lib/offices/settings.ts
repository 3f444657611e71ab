// The office's issuing settings an administrator keeps: joint issuing (联合行文) and
// whether a run-in heading's lead-in is set in bold, and the terms its titles keep whole.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { requireOfficeWith } from "../auth/guard";
import { officeWith } from "../core/policy/office";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { asJointIssuers, officeStyleSchema, type OfficeStyleInput } from "../core/offices/schemas";
import { nextDocNumbers } from "../workflow/doc-number-admin";
import { chinaYear } from "../core/dates";

/** The office settings page: the office, its next 发文字号 this year and its issuing settings; null for someone who may not manage it. */
export async function officePageView(db: Db, actor: Actor) {
  const officeId = officeWith(actor, "office.manage");
  if (!officeId) return { office: null };
  const [office, sequences] = await Promise.all([db.office.findUniqueOrThrow({ where: { id: officeId } }), nextDocNumbers(db, officeId)]);
  const year = chinaYear();
  return {
    office,
    year,
    next: sequences.find((s) => s.year === year)?.next ?? 1,
    style: { jointIssuers: asJointIssuers(office.jointIssuers), runInBold: office.runInBold, titleTerms: office.titleTerms },
  };
}

export async function updateOfficeStyle(db: Db, actor: Actor, raw: OfficeStyleInput, ip?: string) {
  const officeId = await requireOfficeWith(db, actor, "office.manage");
  const input = parseInput(officeStyleSchema, raw);
  await db.$transaction(async (tx) => {
    const before = await tx.office.findUniqueOrThrow({ where: { id: officeId } });
    // An empty list, not NULL, says "issued alone": one shape for the value, whatever the database.
    await tx.office.update({ where: { id: officeId }, data: { jointIssuers: input.jointIssuers, runInBold: input.runInBold, titleTerms: input.titleTerms } });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: "admin", action: "office.style", objectType: "office", objectId: officeId, officeId, ip,
      detail: { before: { jointIssuers: asJointIssuers(before.jointIssuers), runInBold: before.runInBold, titleTerms: before.titleTerms }, after: input },
    });
  });
}
