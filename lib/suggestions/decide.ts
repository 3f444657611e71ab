// Accepting and rejecting suggestions. Accepting is a save like any other: the section's
// text changes in one write conditioned on its version, with a revision naming whose
// suggestions were accepted and an audit entry per suggestion naming its author and the
// acceptor. A suggestion whose words are gone (stale) is never applied; rejecting one
// changes no text.
import "server-only";
import type { Db, Tx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { Conflict, NotFound } from "../core/errors";
import { enforce } from "../policy/enforce";
import { suggestionPolicy } from "../core/policy/suggestion";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport, loadVisibleSection } from "../policy/visibility";
import { asParagraphs, plainText } from "../core/text/paragraphs";
import { applyPlaced, placeAll } from "../core/suggestions/apply";
import { checkSectionText, otherSectionsBound } from "../sections/limits";
import { translate } from "../core/i18n/messages";
import type { SectionStatus } from "../core/workflow/statuses";
import { decideAllSchema, decideOneSchema, type DecideAllInput, type DecideOneInput } from "./schemas";

type Row = Awaited<ReturnType<Db["suggestion"]["findMany"]>>[number];
type Loaded = Awaited<ReturnType<typeof loadVisibleSection>>;

const audit = (tx: Tx, actor: Actor, loaded: Loaded, s: Row, action: "suggestion.accept" | "suggestion.reject", version: number, ip?: string) =>
  recordAudit(tx, {
    actorId: actor.userId, actorName: actor.username, action, objectType: "suggestion", objectId: s.id, officeId: loaded.report.officeId, ip,
    detail: { sectionId: s.sectionId, reportId: loaded.report.id, kind: s.kind, text: s.text.slice(0, 40), suggestedBy: s.authorName, version },
  });

/** Accepts `rows` (all of one section) that still apply: one new version; returns those left stale. */
async function acceptIn(db: Db, actor: Actor, loaded: Loaded, rows: Row[], ip?: string): Promise<{ accepted: Row[]; stale: Row[] }> {
  const { section, report } = loaded;
  const before = asParagraphs(section.content);
  const { placed, stale } = placeAll(plainText(before), rows);
  if (!placed.length) return { accepted: [], stale };
  const content = applyPlaced(before, placed);
  await checkSectionText(db, report.id, section.id, content, await otherSectionsBound(db, section.id));
  const accepted = placed.map((p) => p.suggestion);
  const authors = [...new Set(accepted.map((s) => s.authorName))];
  const note = accepted.length === 1 ? translate("zh", "suggestion.note.accept", { author: authors[0] }) : translate("zh", "suggestion.note.acceptMany", { count: accepted.length, authors: authors.join("、") });
  const version = section.version + 1;
  const status: SectionStatus = section.status === "not_started" || section.status === "returned" ? "drafting" : section.status;
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.section.updateMany({ where: { id: section.id, version: section.version, deletedAt: null }, data: { content, version, status, updatedAt: new Date() } });
    if (updated.count === 0) return false;
    await tx.sectionRevision.create({ data: { sectionId: section.id, version, heading: section.heading, runIn: section.runIn, content, authorId: actor.userId, note } });
    const decided = await tx.suggestion.updateMany({
      where: { id: { in: accepted.map((s) => s.id) }, decision: null },
      data: { decision: "accepted", decidedAt: new Date(), decidedById: actor.userId, decidedVersion: version },
    });
    // Decided meanwhile by someone else: the whole acceptance is stale, and nothing is written.
    if (decided.count !== accepted.length) throw new Conflict("error.stale");
    for (const s of accepted) await audit(tx, actor, loaded, s, "suggestion.accept", version, ip);
    return true;
  });
  if (!done) throw new Conflict("error.stale");
  return { accepted, stale };
}

async function rejectIn(db: Db, actor: Actor, loaded: Loaded, rows: Row[], ip?: string) {
  await db.$transaction(async (tx) => {
    const decided = await tx.suggestion.updateMany({
      where: { id: { in: rows.map((s) => s.id) }, decision: null },
      data: { decision: "rejected", decidedAt: new Date(), decidedById: actor.userId, decidedVersion: loaded.section.version },
    });
    if (decided.count !== rows.length) throw new Conflict("error.stale");
    for (const s of rows) await audit(tx, actor, loaded, s, "suggestion.reject", loaded.section.version, ip);
  });
}

export async function decideSuggestion(db: Db, actor: Actor, raw: DecideOneInput, ip?: string) {
  const input = parseInput(decideOneSchema, raw);
  const row = await db.suggestion.findUnique({ where: { id: input.suggestionId } });
  if (!row) throw new NotFound();
  const loaded = await loadVisibleSection(db, actor, row.sectionId);
  const { section, report, ancestors } = loaded;
  await enforce(db, actor, suggestionPolicy({ actor, ancestors }, report, section, row, input.action), { type: "suggestion", id: row.id, officeId: report.officeId });
  if (input.action === "reject") {
    await rejectIn(db, actor, loaded, [row], ip);
    return { accepted: 0, rejected: 1, stale: 0 };
  }
  const { stale } = await acceptIn(db, actor, loaded, [row], ip);
  if (stale.length) throw new Conflict("suggestion.stale");
  return { accepted: 1, rejected: 0, stale: 0 };
}

/**
 * All pending suggestions of a report (or of one section, or one author) that the actor may
 * decide; sections the actor may not decide are left alone, and if that is all of them the
 * refusal is the first section's.
 */
export async function decideAll(db: Db, actor: Actor, raw: DecideAllInput, ip?: string) {
  const input = parseInput(decideAllSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  // The office's own review: an office above gets a refusal, not an empty success.
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "readReview"), { type: "report", id: report.id, officeId: report.officeId });
  const rows = await db.suggestion.findMany({
    where: {
      decision: null,
      section: { reportId: report.id, deletedAt: null, ...(input.sectionId ? { id: input.sectionId } : {}) },
      ...(input.author ? { OR: [{ authorId: input.author }, { authorName: input.author }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const action = input.action === "acceptAll" ? "accept" : "reject";
  const result = { accepted: 0, rejected: 0, stale: 0, skippedSections: 0 };
  let firstRefusal: { loaded: Loaded; row: Row } | null = null;
  for (const sectionId of [...new Set(rows.map((r) => r.sectionId))]) {
    const loaded = await loadVisibleSection(db, actor, sectionId);
    const mine = rows.filter((r) => r.sectionId === sectionId && suggestionPolicy({ actor, ancestors: loaded.ancestors }, loaded.report, loaded.section, r, action).ok);
    if (!mine.length) {
      firstRefusal ??= { loaded, row: rows.find((r) => r.sectionId === sectionId)! };
      result.skippedSections++;
      continue;
    }
    if (action === "reject") {
      await rejectIn(db, actor, loaded, mine, ip);
      result.rejected += mine.length;
    } else {
      const { accepted, stale } = await acceptIn(db, actor, loaded, mine, ip);
      result.accepted += accepted.length;
      result.stale += stale.length;
    }
  }
  if (firstRefusal && !result.accepted && !result.rejected && !result.stale) {
    const { loaded, row } = firstRefusal;
    await enforce(db, actor, suggestionPolicy({ actor, ancestors: loaded.ancestors }, loaded.report, loaded.section, row, action), { type: "suggestion", id: row.id, officeId: loaded.report.officeId });
  }
  return result;
}

