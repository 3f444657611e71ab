// Changing the section tree: add, move, delete (soft, restorable), restore, assign an owner.
import "server-only";
import type { Db, DbOrTx, Tx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { Conflict, Invalid, NotFound } from "../core/errors";
import { enforce } from "../policy/enforce";
import { checkAddition } from "./limits";
import { reportPolicy } from "../core/policy/report";
import { moveDestinationPolicy, newSectionOwner, sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport, loadVisibleSection } from "../policy/visibility";
import { cleanHeading, withParagraphs } from "../core/text/paragraphs";
import { addSectionSchema, assignOwnerSchema, moveSectionSchema, sectionIdSchema, type AddSectionInput, type AssignOwnerInput, type MoveSectionInput, type SectionIdInput } from "./schemas";
import { addProblem, moveProblem, reorder } from "../core/outline/tree-shape";
import { mailNotices, notify, sectionParams } from "../notify/service";

async function liveRows(db: Db | Tx, reportId: string) {
  return db.section.findMany({ where: { reportId, deletedAt: null }, select: { id: true, parentId: true, position: true, kind: true, ownerId: true } });
}

/** A section as the structure policy reads it: with the owner of the section it sits under. */
export async function structureFacts(db: DbOrTx, section: Parameters<typeof sectionFacts>[0] & { parentId: string | null }) {
  const parent = section.parentId ? await db.section.findUnique({ where: { id: section.parentId }, select: { ownerId: true } }) : null;
  return sectionFacts(section, undefined, undefined, parent?.ownerId ?? null);
}

const audit = (tx: Tx, actor: Actor, action: string, sectionId: string, officeId: string, ip?: string, detail?: Record<string, unknown>) =>
  recordAudit(tx, { actorId: actor.userId, actorName: actor.username, action, objectType: "section", objectId: sectionId, officeId, ip, detail });

export async function addSection(db: Db, actor: Actor, raw: AddSectionInput, ip?: string) {
  const input = parseInput(addSectionSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  // A first-level section changes the report's outline; a sub-section divides its parent.
  const under = input.parentId ? await db.section.findFirst({ where: { id: input.parentId, reportId: report.id, deletedAt: null } }) : null;
  if (input.parentId && !under) throw new NotFound();
  await enforce(
    db, actor,
    under ? sectionPolicy({ actor, ancestors }, report, sectionFacts(withParagraphs(under)), "addChild") : reportPolicy({ actor, ancestors }, report, "changeStructure"),
    { type: under ? "section" : "report", id: under?.id ?? report.id, officeId: report.officeId },
  );
  const heading = cleanHeading(input.heading);
  if (!heading) throw new Invalid("input.headingRequired");
  await checkAddition(db, report.id, 1);
  return db.$transaction(async (tx) => {
    const rows = await liveRows(tx, report.id);
    const parent = input.parentId ? rows.find((r) => r.id === input.parentId) : null;
    if (input.parentId && !parent) throw new NotFound();
    const problem = addProblem(rows, input.parentId);
    if (problem) throw new Conflict(problem.key, problem.params);
    const siblings = rows.filter((r) => r.parentId === input.parentId).sort((a, b) => a.position - b.position);
    const afterIndex = input.afterId ? siblings.findIndex((s) => s.id === input.afterId) : siblings.length - 1;
    const position = afterIndex + 1;
    // Make room: siblings after the insertion point move down one.
    for (const s of siblings.slice(position)) await tx.section.update({ where: { id: s.id }, data: { position: s.position + 1 } });
    const owner = newSectionOwner({ actor, ancestors }, report.officeId, parent?.ownerId);
    const section = await tx.section.create({
      data: {
        reportId: report.id, parentId: input.parentId, position: siblings[position - 1] ? siblings[position - 1].position + 1 : 0,
        heading, ownerId: owner, revisions: { create: { version: 1, heading, content: [], authorId: actor.userId, note: "新建" } },
      },
    });
    await audit(tx, actor, "section.add", section.id, report.officeId, ip, { after: { heading, parentId: input.parentId } });
    return { id: section.id };
  });
}

export async function moveSection(db: Db, actor: Actor, raw: MoveSectionInput, ip?: string) {
  const input = parseInput(moveSectionSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, await structureFacts(db, section), "changeStructure"), { type: "section", id: section.id, officeId: report.officeId });
  // Asked before the transaction, so that a refusal is in the audit record like every other.
  const destination = input.parentId ? await db.section.findFirst({ where: { id: input.parentId, reportId: report.id, deletedAt: null }, select: { ownerId: true } }) : null;
  await enforce(db, actor, moveDestinationPolicy({ actor, ancestors }, report, destination?.ownerId), { type: "section", id: section.id, officeId: report.officeId });
  await db.$transaction(async (tx) => {
    const rows = await liveRows(tx, report.id);
    const destinationNow = rows.find((r) => r.id === input.parentId);
    // The destination changed hands between the check and the move: ask again, as of now.
    if (!moveDestinationPolicy({ actor, ancestors }, report, destinationNow?.ownerId).ok) throw new Conflict("refusal.structureNotYours");
    const problem = moveProblem(rows, section.id, input.parentId);
    if (problem) throw new Conflict(problem.key, problem.params);
    const order = reorder(rows, section.id, input.parentId, input.position);
    for (const { id, position } of order) {
      await tx.section.update({ where: { id }, data: id === section.id ? { position, parentId: input.parentId } : { position } });
    }
    // Close the gap the section left among its old siblings.
    if (section.parentId !== input.parentId) {
      const old = rows.filter((r) => r.parentId === section.parentId && r.id !== section.id).sort((a, b) => a.position - b.position);
      for (const [i, r] of old.entries()) if (r.position !== i) await tx.section.update({ where: { id: r.id }, data: { position: i } });
    }
    await audit(tx, actor, "section.move", section.id, report.officeId, ip, {
      before: { parentId: section.parentId, position: section.position },
      after: { parentId: input.parentId, position: input.position },
    });
  });
}

function subtreeIds(rows: { id: string; parentId: string | null }[], id: string): string[] {
  return [id, ...rows.filter((r) => r.parentId === id).flatMap((r) => subtreeIds(rows, r.id))];
}

export async function deleteSection(db: Db, actor: Actor, raw: SectionIdInput, ip?: string) {
  const input = parseInput(sectionIdSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, await structureFacts(db, section), "changeStructure"), { type: "section", id: section.id, officeId: report.officeId });
  if (section.deletedAt) return { deleted: 0 };
  return db.$transaction(async (tx) => {
    const rows = await liveRows(tx, report.id);
    const ids = subtreeIds(rows, section.id);
    // One timestamp for the whole subtree, so a restore brings back exactly what went together.
    await tx.section.updateMany({ where: { id: { in: ids } }, data: { deletedAt: new Date() } });
    await audit(tx, actor, "section.delete", section.id, report.officeId, ip, { before: { heading: section.heading, sections: ids.length } });
    return { deleted: ids.length };
  });
}

export async function restoreSection(db: Db, actor: Actor, raw: SectionIdInput, ip?: string) {
  const input = parseInput(sectionIdSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, await structureFacts(db, section), "changeStructure"), { type: "section", id: section.id, officeId: report.officeId });
  if (!section.deletedAt) return { restored: 0 };
  if (section.parentId) {
    const parent = await db.section.findUnique({ where: { id: section.parentId } });
    if (parent?.deletedAt) throw new Conflict("section.restoreParentFirst", { heading: parent.heading });
  }
  return db.$transaction(async (tx) => {
    const all = await tx.section.findMany({ where: { reportId: report.id }, select: { id: true, parentId: true, deletedAt: true } });
    const ids = subtreeIds(all, section.id).filter((id) => all.find((r) => r.id === id)?.deletedAt?.getTime() === section.deletedAt!.getTime());
    await tx.section.updateMany({ where: { id: { in: ids } }, data: { deletedAt: null } });
    await audit(tx, actor, "section.restore", section.id, report.officeId, ip, { after: { heading: section.heading, sections: ids.length } });
    return { restored: ids.length };
  });
}

export async function assignOwner(db: Db, actor: Actor, raw: AssignOwnerInput, ip?: string) {
  const input = parseInput(assignOwnerSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "assign"), { type: "section", id: section.id, officeId: report.officeId });
  if (input.ownerId) {
    const drafter = await db.membership.findFirst({ where: { userId: input.ownerId, officeId: report.officeId, role: "drafter", user: { active: true } } });
    if (!drafter) throw new Invalid("report.ownerNotDrafter");
  }
  const notices = await db.$transaction(async (tx) => {
    await tx.section.update({ where: { id: section.id }, data: { ownerId: input.ownerId } });
    await audit(tx, actor, "section.assign", section.id, report.officeId, ip, { before: { ownerId: section.ownerId }, after: { ownerId: input.ownerId } });
    return input.ownerId
      ? notify(tx, { userIds: [input.ownerId], kind: "section.assigned", params: sectionParams(section), link: `/reports/${report.id}/sections/${section.id}` }, actor.userId)
      : [];
  });
  await mailNotices(db, notices);
}

/** Drafters of the office, for the owner picker. */
export async function officeDrafters(db: Db, officeId: string) {
  const rows = await db.membership.findMany({ where: { officeId, role: "drafter", user: { active: true } }, include: { user: true } });
  return rows.map((m) => ({ id: m.user.id, name: m.user.displayName, username: m.user.username }));
}

/** "我的章节": a user's sections across the reports they can see. */
export async function mySections(db: Db, actor: Actor) {
  return db.section.findMany({
    where: { ownerId: actor.userId, deletedAt: null },
    include: { report: { select: { id: true, year: true, title: true, status: true, dueDate: true } } },
    orderBy: [{ report: { year: "desc" } }, { position: "asc" }],
  });
}
