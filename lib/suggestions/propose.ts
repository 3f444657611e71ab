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
import { Conflict } from "../core/errors";
import { enforce } from "../policy/enforce";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { asParagraphs, cleanParagraphs, plainText } from "../core/text/paragraphs";
import { locateSuggestion, type SuggestionAnchor } from "../core/suggestions/anchor";
import { suggestionsFromEdit } from "../core/suggestions/from-edit";
import { pendingOf } from "./queries";
import { proposeSchema, type ProposeInput } from "./schemas";

/** The text of a section as it was at `version`. */
async function textAt(db: DbOrTx, section: { id: string; version: number; content: unknown }, version: number): Promise<string | null> {
  if (version === section.version) return plainText(asParagraphs(section.content));
  const revision = await db.sectionRevision.findFirst({ where: { sectionId: section.id, version }, select: { content: true } });
  return revision ? plainText(asParagraphs(revision.content)) : null;
}

const sameSuggestion = (base: string, a: SuggestionAnchor, b: SuggestionAnchor) => {
  if (a.kind !== b.kind || a.text !== b.text) return false;
  const pa = locateSuggestion(base, a);
  const pb = locateSuggestion(base, b);
  return !!pa && !!pb && pa.from === pb.from && pa.to === pb.to;
};

export async function proposeChanges(db: Db, actor: Actor, raw: ProposeInput, ip?: string) {
  const input = parseInput(proposeSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "suggest"), { type: "section", id: section.id, officeId: report.officeId });
  const base = await textAt(db, section, input.baseVersion);
  if (base === null) throw new Conflict("error.stale");
  const drafts = suggestionsFromEdit(base, plainText(cleanParagraphs(input.content)));

  const changed = await db.$transaction(async (tx) => {
    const mine = await tx.suggestion.findMany({ where: { sectionId: section.id, authorId: actor.userId, source: "editor", decision: null } });
    const kept = mine.filter((m) => drafts.some((d) => sameSuggestion(base, m, d)));
    const added = drafts.filter((d) => !kept.some((m) => sameSuggestion(base, m, d)));
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
