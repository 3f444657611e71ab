// 修订 mode: a reviewer's typing and deleting become suggestions, not edits. The editor
// sends the whole text as the reviewer would have it, against the version they read; the
// server turns the difference into insertions and deletions anchored in that version's
// text and makes them the reviewer's pending suggestions on the section (those unchanged
// keep their id and time, those the reviewer undid are withdrawn). The section's text and
// version do not change, so nothing the owner writes meanwhile is overwritten.
import "server-only";
import type { Db, DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { Conflict, TooLarge } from "../core/errors";
import { enforce } from "../policy/enforce";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { asParagraphs, cleanParagraphs, plainText } from "../core/text/paragraphs";
import { locateSuggestion, MAX_PENDING_PER_SECTION, type SuggestionAnchor } from "../core/suggestions/anchor";
import { suggestionsFromEdit } from "../core/suggestions/from-edit";
import { pendingOf } from "./queries";
import { proposeSchema, type ProposeInput } from "./schemas";

/** The text of a section as it was at `version`. */
async function textAt(db: DbOrTx, section: { id: string; version: number; content: unknown }, version: number): Promise<string | null> {
  if (version === section.version) return plainText(asParagraphs(section.content));
  const revision = await db.sectionRevision.findFirst({ where: { sectionId: section.id, version }, select: { content: true } });
  return revision ? plainText(asParagraphs(revision.content)) : null;
}

/** A suggestion's identity on a text: its change and where it applies (located once each). */
const keyOn = (base: string, s: SuggestionAnchor) => {
  const at = locateSuggestion(base, s);
  return `${s.kind}\u0000${s.text}\u0000${at ? `${at.from}:${at.to}` : `${s.prefix}\u0000${s.suffix}`}`;
};

export async function proposeChanges(db: Db, actor: Actor, raw: ProposeInput, ip?: string) {
  const input = parseInput(proposeSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "suggest"), { type: "section", id: section.id, officeId: report.officeId });
  const base = await textAt(db, section, input.baseVersion);
  if (base === null) throw new Conflict("error.stale");
  const drafts = suggestionsFromEdit(base, plainText(cleanParagraphs(input.content)));
  // Bounded before anything is compared: a section holds at most so many pending suggestions.
  const others = await db.suggestion.count({ where: { sectionId: section.id, decision: null, NOT: { authorId: actor.userId, source: "editor" } } });
  if (others + drafts.length > MAX_PENDING_PER_SECTION) throw new TooLarge("suggestion.tooMany", { count: drafts.length, most: MAX_PENDING_PER_SECTION - others });

  const changed = await db.$transaction(async (tx) => {
    const mine = await tx.suggestion.findMany({ where: { sectionId: section.id, authorId: actor.userId, source: "editor", decision: null } });
    const draftKeys = new Set(drafts.map((d) => keyOn(base, d)));
    const kept = mine.filter((m) => draftKeys.has(keyOn(base, m)));
    const keptKeys = new Set(kept.map((m) => keyOn(base, m)));
    const added = drafts.filter((d) => !keptKeys.has(keyOn(base, d)));
    const withdrawn = mine.filter((m) => !kept.includes(m));
    if (!added.length && !withdrawn.length) return false;
    if (withdrawn.length) await tx.suggestion.deleteMany({ where: { id: { in: withdrawn.map((w) => w.id) } } });
    if (added.length) {
      await tx.suggestion.createMany({
        data: added.map((d) => ({ sectionId: section.id, kind: d.kind, text: d.text, prefix: d.prefix, suffix: d.suffix, authorId: actor.userId, authorName: actor.displayName, source: "editor" })),
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "suggestion.propose", objectType: "section", objectId: section.id, officeId: report.officeId, ip,
      detail: { reportId: report.id, baseVersion: input.baseVersion, added: added.length, withdrawn: withdrawn.length, pending: kept.length + added.length },
    });
    return true;
  });
  return { changed, suggestions: await pendingOf(db, [section]) };
}
