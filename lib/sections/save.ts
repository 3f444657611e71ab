// Saving a section's text: every save names the version it was based on; a
// save based on an older version is refused (409) with the newer text, so no
// edit is ever silently overwritten. Every accepted save is a revision.
import "server-only";
import type { SectionStatus } from "../core/workflow/statuses";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { Conflict, Invalid, NotFound, SAVE_CONFLICT } from "../core/errors";
import { enforce } from "../policy/enforce";
import { checkSectionText, otherSectionsBound } from "./limits";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { asParagraphs, cleanHeading, cleanParagraphs, plainText, sameParagraphs, type Paragraph } from "../core/text/paragraphs";
import { restoreRevisionSchema, saveSectionSchema, type RestoreRevisionInput, type SaveSectionInput } from "./schemas";
import { countChineseChars } from "../core/text/char-count";
import { hasOwnText } from "../core/workflow/review-scope";

export interface SectionSnapshot {
  version: number;
  status: SectionStatus;
  heading: string;
  runIn: boolean;
  content: Paragraph[];
  updatedAt: string;
  authorName: string | null;
}

/** 409 carrying the text that is on the server now, for the conflict screen. */
export class SaveConflict extends Conflict {
  constructor(readonly current: SectionSnapshot) {
    super(SAVE_CONFLICT);
    this.name = "SaveConflict";
  }
}

async function snapshot(db: Db, sectionId: string): Promise<SectionSnapshot> {
  const s = await db.section.findUniqueOrThrow({ where: { id: sectionId } });
  const rev = await db.sectionRevision.findFirst({ where: { sectionId, version: s.version }, include: { author: true } });
  return { version: s.version, status: s.status, heading: s.heading, runIn: s.runIn, content: asParagraphs(s.content), updatedAt: s.updatedAt.toISOString(), authorName: rev?.author?.displayName ?? null };
}

export async function saveSection(db: Db, actor: Actor, sectionId: string, raw: SaveSectionInput, ip?: string) {
  const input = parseInput(saveSectionSchema, raw);
  // The report's length and the last editor are read beside the load; they are looked at only once the policy allows the save.
  const [{ section, report, ancestors }, othersBound, lastRevision] = await Promise.all([
    loadVisibleSection(db, actor, sectionId),
    otherSectionsBound(db, sectionId),
    db.sectionRevision.findFirst({ where: { sectionId }, orderBy: { version: "desc" }, select: { authorId: true } }),
  ]);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "edit"), { type: "section", id: section.id, officeId: report.officeId });

  const content = cleanParagraphs(input.content);
  const current = section.content;
  const heading = input.heading === undefined || section.kind === "intro" ? section.heading : cleanHeading(input.heading);
  const runIn = section.kind === "intro" ? false : input.runIn ?? section.runIn;
  if (!heading) throw new Invalid("section.headingEmpty");
  // The same text as the server's is no conflict, whatever it was based on (a retried
  // save that had in fact arrived, or two people typing the same words).
  const same = (s: { heading: string; runIn: boolean; content: Paragraph[] }) => sameParagraphs(content, s.content) && heading === s.heading && runIn === s.runIn;
  if (same({ heading: section.heading, runIn: section.runIn, content: current })) {
    return { version: section.version, status: section.status, updatedAt: section.updatedAt.toISOString(), unchanged: true, factsChanged: false };
  }
  if (input.baseVersion !== section.version) throw new SaveConflict(await snapshot(db, section.id));
  await checkSectionText(db, report.id, section.id, content, othersBound);

  const nextVersion = input.baseVersion + 1;
  // Writing starts (or, after a return, resumes) the drafting.
  const status: SectionStatus = section.status === "not_started" || section.status === "returned" ? "drafting" : section.status;
  // Set here rather than by @updatedAt, so the answer needs no second read of the row.
  const updatedAt = new Date();
  const saved = await db.$transaction(async (tx) => {
    // The version condition makes the check and the write one atomic statement:
    // of two saves based on the same version, exactly one matches.
    const updated = await tx.section.updateMany({
      where: { id: section.id, version: input.baseVersion, deletedAt: null },
      data: {
        content,
        heading,
        runIn,
        version: nextVersion,
        status,
        updatedAt,
      },
    });
    if (updated.count === 0) return null;
    await tx.sectionRevision.create({
      data: { sectionId: section.id, version: nextVersion, heading, runIn, content, authorId: actor.userId, note: input.note ?? null },
    });
    // Last: the audit takes the chain's lock, held until the commit, so as little as possible comes after it.
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "section.save", objectType: "section", objectId: section.id,
      officeId: report.officeId, ip,
      detail: {
        version: nextVersion,
        before: { chars: countChineseChars(plainText(current)), heading: section.heading === heading ? undefined : section.heading },
        after: { chars: countChineseChars(plainText(content)), heading: section.heading === heading ? undefined : heading },
        note: input.note,
      },
    });
    return true;
  });
  if (!saved) {
    const now = await snapshot(db, section.id);
    if (same(now)) return { version: now.version, status: now.status, updatedAt: now.updatedAt, unchanged: true, factsChanged: false };
    throw new SaveConflict(now);
  }
  // What the workflow's answers read of the section (its status, whether it has text of its own,
  // who saved it last): when the save changed any of it, the page's steps are asked again.
  const factsChanged = status !== section.status || hasOwnText({ content }) !== hasOwnText(section) || lastRevision?.authorId !== actor.userId;
  return { version: nextVersion, status, updatedAt: updatedAt.toISOString(), unchanged: false, factsChanged };
}

/** A section's revisions, newest first; for a reader from an office above, only the signed text. */
export async function listRevisions(db: Db, actor: Actor, sectionId: string) {
  const loaded = await loadVisibleSection(db, actor, sectionId);
  const drafts = sectionPolicy({ actor, ancestors: loaded.ancestors }, loaded.report, sectionFacts(loaded.section), "readDrafts").ok;
  const revisions = await db.sectionRevision.findMany({
    where: { sectionId: loaded.section.id, ...(drafts ? {} : { version: loaded.section.version }) },
    include: { author: { select: { displayName: true, username: true } } },
    orderBy: { version: "desc" },
  });
  return { ...loaded, revisions };
}

/** Restoring an old revision is itself a new revision (and goes through the same version check). */
export async function restoreRevision(db: Db, actor: Actor, raw: RestoreRevisionInput, ip?: string) {
  const input = parseInput(restoreRevisionSchema, raw);
  const revision = await db.sectionRevision.findUnique({ where: { id: input.revisionId } });
  if (!revision || revision.sectionId !== input.sectionId) throw new NotFound();
  return saveSection(
    db,
    actor,
    input.sectionId,
    { baseVersion: input.baseVersion, heading: revision.heading, runIn: revision.runIn, content: asParagraphs(revision.content), note: `恢复自第 ${revision.version} 版` },
    ip,
  );
}
