// A reviewed Word file back into the report: our 修订稿 or the town's own file, edited in
// Word or WPS, read (lib/import/review/, bounded like every import), placed on the
// report's sections (lib/core/review/place.ts) and, once the uploader has seen the
// preview, stored as suggestions and comment threads. Nothing is applied to the text:
// the section's owner accepts or rejects each suggestion as if typed in 修订 mode. The
// file is sent twice (preview, then confirm) rather than kept between the two, so any
// app server can take either request.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { Invalid, TooLarge } from "../core/errors";
import { unsafeText } from "../core/validation";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport } from "../policy/visibility";
import { liveSections } from "../sections/queries";
import { flattenTree, numberTree } from "../core/outline/outline-numbers";
import { reviewSections } from "../core/review/sections";
import { placeReview } from "../core/review/place";
import type { ReviewPlacement, ThreadDraft } from "../core/review/types";
import { asParagraphs, plainText } from "../core/text/paragraphs";
import { asAnchor } from "../core/text/comment-anchor";
import { locateSuggestion, MAX_PENDING_PER_SECTION, type SuggestionAnchor } from "../core/suggestions/anchor";
import { readReviewedDocx } from "../import/review/read";
import { UnsafeDocxError } from "../import/docx/unsafe";
import { MAX_UPLOAD_BYTES, uploadTooLarge } from "../import/preview";
import { toDocumentModel } from "../core/export/model";
import { asJointIssuers } from "../core/offices/schemas";

export interface ReviewImportPreview {
  /** title: the numbered heading; null for the 导语 */
  sections: { sectionId: string; title: string | null; suggestions: { kind: "insert" | "delete"; text: string; author: string; date: string | null }[]; comments: number }[];
  unplaced: ReviewPlacement["unplaced"];
  missing: string[];
  formatRevisions: number;
  /** sections changed here since the 修订稿 was made: its changes are placed on today's text, some may be stale */
  outdated: (string | null)[];
  /** suggestions and threads the report already has (a 修订稿 read back): not imported again */
  alreadyThere: number;
  counts: { suggestions: number; comments: number; unplaced: number };
}

async function place(db: Db, actor: Actor, reportId: string, bytes: Buffer) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const object = { type: "report", id: report.id, officeId: report.officeId };
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "readReview"), object);
  if (bytes.length > MAX_UPLOAD_BYTES) throw uploadTooLarge();
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new Invalid("import.notDocx");
  let doc;
  try {
    doc = await readReviewedDocx(bytes);
  } catch (err) {
    if (err instanceof UnsafeDocxError) throw new Invalid(err.key);
    throw new Invalid("import.unreadable");
  }
  const rows = await liveSections(db, report.id);
  // Our 修订稿 names the version of each section it was made from: the file is compared with
  // that text, so that what changed here since (accepted, rewritten) is not read as the
  // reviewer deleting it; what they did is then placed on today's text like any suggestion.
  const madeFrom = await textsAtVersions(db, rows, doc.sectionVersions);
  const office = await db.office.findUniqueOrThrow({ where: { id: report.officeId } });
  const model = toDocumentModel({ report, office: { ...office, jointIssuers: asJointIssuers(office.jointIssuers) }, sections: rows });
  const frame = [model.title, model.addressee ? `${model.addressee}：` : "", ...(model.signature ? [...model.signature.signatories, model.signature.date] : [])];
  const placed = placeReview(reviewSections(madeFrom.rows), doc, { name: actor.displayName, at: new Date().toISOString() }, frame);
  const placement = await withoutWhatIsThere(db, placed);
  await checkImported(db, placement);
  // The uploader must be one who may suggest on every section the file changes.
  for (const s of placement.sections.filter((x) => x.suggestions.length || x.threads.length)) {
    const row = rows.find((r) => r.id === s.sectionId)!;
    await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(row), "suggest"), { type: "section", id: row.id, officeId: report.officeId });
  }
  return { report, rows, placement, outdated: madeFrom.outdated, alreadyThere: placed.sections.reduce((n, s) => n + s.suggestions.length + s.threads.length, 0) - placement.sections.reduce((n, s) => n + s.suggestions.length + s.threads.length, 0) };
}

/** As a comment typed on the page (lib/comments/service.ts). */
const MAX_COMMENT_CHARS = 5000;

type Rows = Awaited<ReturnType<typeof liveSections>>;

/**
 * What a file brings must pass the rules typed text passes: the text rule (no bidi or
 * control characters, named by position and code point), a comment's length, and the
 * number of suggestions a section may hold pending. A file that breaks one is refused
 * before anything is stored, with the reason.
 */
async function checkImported(db: Db, placement: ReviewPlacement) {
  const pending = await db.suggestion.groupBy({ by: ["sectionId"], where: { sectionId: { in: placement.sections.map((s) => s.sectionId) }, decision: null }, _count: { _all: true } });
  for (const s of placement.sections) {
    const already = pending.find((p) => p.sectionId === s.sectionId)?._count._all ?? 0;
    if (already + s.suggestions.length > MAX_PENDING_PER_SECTION) throw new TooLarge("suggestion.tooMany", { count: s.suggestions.length, most: MAX_PENDING_PER_SECTION - already });
    for (const d of s.suggestions) {
      const unsafe = unsafeText(d.text);
      if (unsafe) throw new Invalid(unsafe.key, unsafe.params);
    }
    for (const c of s.threads.flatMap((t) => t.comments)) {
      const unsafe = unsafeText(c.text);
      if (unsafe) throw new Invalid(unsafe.key, unsafe.params);
      if (c.text.length > MAX_COMMENT_CHARS) throw new Invalid("input.commentTooLong");
    }
  }
}

/** A Word author's name as shown: what the text rule allows of it, at most 40 characters (it is metadata, not the report's text). */
function authorName(name: string, fallback: string): string {
  const kept = Array.from(name).filter((ch) => !unsafeText(ch, { multiline: false }) && ch !== "\n").join("").trim().slice(0, 40);
  return kept || fallback;
}

/** Word's date for a revision or comment, never in the future nor before the system existed. */
function whenOf(date: string | null): Date {
  const at = date ? Date.parse(date) : NaN;
  return Number.isFinite(at) && at <= Date.now() && at >= Date.UTC(2000, 0, 1) ? new Date(at) : new Date();
}

/** The sections as the file was made from them (their text at the recorded version), and those that changed since. */
async function textsAtVersions(db: Db, rows: Rows, versions: Record<string, number> | undefined) {
  if (!versions) return { rows, outdated: [] as string[] };
  const changed = rows.filter((r) => versions[r.id] !== undefined && versions[r.id] !== r.version);
  const revisions = changed.length
    ? await db.sectionRevision.findMany({ where: { OR: changed.map((r) => ({ sectionId: r.id, version: versions[r.id] })) }, select: { sectionId: true, content: true } })
    : [];
  const then = new Map(revisions.map((r) => [r.sectionId, asParagraphs(r.content)]));
  return { rows: rows.map((r) => (then.has(r.id) ? { ...r, content: then.get(r.id)! } : r)), outdated: changed.map((r) => r.id) };
}

/**
 * Leaves out what the report already has: a suggestion pending on the section with the same
 * change at the same place, a thread whose first comment is already there (a 修订稿 read back
 * carries the suggestions and comments it was made with); only its new replies are kept.
 */
async function withoutWhatIsThere(db: Db, placement: ReviewPlacement): Promise<ReviewPlacement> {
  const ids = placement.sections.map((s) => s.sectionId);
  const [pending, comments, sections] = await Promise.all([
    db.suggestion.findMany({ where: { sectionId: { in: ids }, decision: null } }),
    db.comment.findMany({ where: { sectionId: { in: ids } }, select: { id: true, sectionId: true, parentId: true, body: true, anchor: true } }),
    db.section.findMany({ where: { id: { in: ids } }, select: { id: true, content: true } }),
  ]);
  const textOf = new Map(sections.map((s) => [s.id, plainText(asParagraphs(s.content))]));
  const same = (text: string, a: SuggestionAnchor, b: SuggestionAnchor) => {
    if (a.kind !== b.kind || a.text !== b.text) return false;
    const pa = locateSuggestion(text, a);
    const pb = locateSuggestion(text, b);
    return pa ? !!pb && pa.from === pb.from && pa.to === pb.to : a.prefix === b.prefix && a.suffix === b.suffix;
  };
  return {
    ...placement,
    sections: placement.sections.map((s) => {
      const text = textOf.get(s.sectionId) ?? "";
      const mine = pending.filter((p) => p.sectionId === s.sectionId);
      const roots = comments.filter((c) => c.sectionId === s.sectionId && !c.parentId);
      return {
        ...s,
        suggestions: s.suggestions.filter((d) => !mine.some((p) => same(text, p, d))),
        threads: s.threads.flatMap((thread) => {
          const root = roots.find((r) => r.body === thread.comments[0]?.text && (asAnchor(r.anchor)?.quote ?? null) === (thread.anchor?.quote ?? null));
          if (!root) return [thread];
          const replies = comments.filter((c) => c.parentId === root.id).map((c) => c.body);
          const fresh = thread.comments.slice(1).filter((c) => !replies.includes(c.text));
          return fresh.length ? [{ ...thread, comments: fresh, replyTo: root.id }] : [];
        }),
      };
    }),
  };
}

function previewOf({ rows, placement, outdated, alreadyThere }: { rows: Rows; placement: ReviewPlacement; outdated: string[]; alreadyThere: number }): ReviewImportPreview {
  const titles = new Map(flattenTree(numberTree(rows)).map((n) => [n.node.id, n.node.kind === "intro" ? null : `${n.label}${n.node.heading}`]));
  const sections = placement.sections
    .filter((s) => s.suggestions.length || s.threads.length)
    .map((s) => ({
      sectionId: s.sectionId, title: titles.get(s.sectionId) ?? null,
      suggestions: s.suggestions.map((d) => ({ kind: d.kind, text: d.text, author: d.author, date: d.date })),
      comments: s.threads.reduce((n, t) => n + t.comments.length, 0),
    }));
  const counts = { suggestions: sections.reduce((n, s) => n + s.suggestions.length, 0), comments: sections.reduce((n, s) => n + s.comments, 0), unplaced: placement.unplaced.length };
  return {
    sections, unplaced: placement.unplaced, missing: placement.missing.map((id) => titles.get(id) ?? ""), formatRevisions: placement.formatRevisions.length,
    outdated: outdated.map((id) => titles.get(id) ?? null), alreadyThere, counts,
  };
}

/** What the file would become, per section, and what could not be placed; saves nothing. */
export async function previewReviewImport(db: Db, actor: Actor, reportId: string, bytes: Buffer): Promise<ReviewImportPreview> {
  return previewOf(await place(db, actor, reportId, bytes));
}

/** Stores the file's suggestions and comment threads; a Word author who is a user of the office is that user. */
export async function importReview(db: Db, actor: Actor, reportId: string, bytes: Buffer, ip?: string): Promise<ReviewImportPreview> {
  const placed = await place(db, actor, reportId, bytes);
  const { report, placement } = placed;
  const preview = previewOf(placed);
  const people = await db.user.findMany({ where: { memberships: { some: { officeId: report.officeId } } }, select: { id: true, username: true, displayName: true } });
  const who = (name: string) => people.find((p) => p.displayName === name || p.username === name) ?? null;
  const when = whenOf;
  await db.$transaction(async (tx) => {
    for (const s of placement.sections) {
      if (s.suggestions.length) {
        await tx.suggestion.createMany({
          data: s.suggestions.map((d) => {
            const name = authorName(d.author, actor.displayName);
            const user = d.tracked ? who(name) : { id: actor.userId, displayName: actor.displayName };
            return { sectionId: s.sectionId, kind: d.kind, text: d.text, prefix: d.prefix, suffix: d.suffix, authorId: user?.id ?? null, authorName: user?.displayName ?? name, source: "word", createdAt: when(d.date) };
          }),
        });
      }
      for (const thread of s.threads as (ThreadDraft & { replyTo?: string })[]) {
        let rootId: string | null = thread.replyTo ?? null;
        for (const c of thread.comments) {
          const name = authorName(c.author, actor.displayName);
          const user = who(name);
          const made: { id: string } = await tx.comment.create({
            data: {
              sectionId: s.sectionId, authorId: user?.id ?? actor.userId, authorName: user ? null : name, body: c.text, createdAt: when(c.date),
              ...(rootId ? { parentId: rootId } : { anchor: thread.anchor ? { ...thread.anchor } : undefined, ...(thread.resolved ? { resolvedAt: new Date(), resolvedById: actor.userId } : {}) }),
            },
            select: { id: true },
          });
          rootId ??= made.id;
        }
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "suggestion.import", objectType: "report", objectId: report.id, officeId: report.officeId, ip,
      detail: { ...preview.counts, formatRevisions: preview.formatRevisions },
    });
  });
  return preview;
}
