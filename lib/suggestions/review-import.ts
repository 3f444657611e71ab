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
import { Invalid } from "../core/errors";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport } from "../policy/visibility";
import { liveSections } from "../sections/queries";
import { flattenTree, numberTree } from "../core/outline/outline-numbers";
import { reviewSections } from "../core/review/sections";
import { placeReview } from "../core/review/place";
import type { ReviewPlacement } from "../core/review/types";
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
  const office = await db.office.findUniqueOrThrow({ where: { id: report.officeId } });
  const model = toDocumentModel({ report, office: { ...office, jointIssuers: asJointIssuers(office.jointIssuers) }, sections: rows });
  const frame = [model.title, model.addressee ? `${model.addressee}：` : "", ...(model.signature ? [...model.signature.signatories, model.signature.date] : [])];
  const placement = placeReview(reviewSections(rows), doc, { name: actor.displayName, at: new Date().toISOString() }, frame);
  // The uploader must be one who may suggest on every section the file changes.
  for (const s of placement.sections.filter((x) => x.suggestions.length || x.threads.length)) {
    const row = rows.find((r) => r.id === s.sectionId)!;
    await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(row), "suggest"), { type: "section", id: row.id, officeId: report.officeId });
  }
  return { report, rows, placement };
}

function previewOf(rows: Awaited<ReturnType<typeof liveSections>>, placement: ReviewPlacement): ReviewImportPreview {
  const titles = new Map(flattenTree(numberTree(rows)).map((n) => [n.node.id, n.node.kind === "intro" ? null : `${n.label}${n.node.heading}`]));
  const sections = placement.sections
    .filter((s) => s.suggestions.length || s.threads.length)
    .map((s) => ({
      sectionId: s.sectionId, title: titles.get(s.sectionId) ?? null,
      suggestions: s.suggestions.map((d) => ({ kind: d.kind, text: d.text, author: d.author, date: d.date })),
      comments: s.threads.reduce((n, t) => n + t.comments.length, 0),
    }));
  const counts = { suggestions: sections.reduce((n, s) => n + s.suggestions.length, 0), comments: sections.reduce((n, s) => n + s.comments, 0), unplaced: placement.unplaced.length };
  return { sections, unplaced: placement.unplaced, missing: placement.missing.map((id) => titles.get(id) ?? ""), formatRevisions: placement.formatRevisions.length, counts };
}

/** What the file would become, per section, and what could not be placed; saves nothing. */
export async function previewReviewImport(db: Db, actor: Actor, reportId: string, bytes: Buffer): Promise<ReviewImportPreview> {
  const { rows, placement } = await place(db, actor, reportId, bytes);
  return previewOf(rows, placement);
}

/** Stores the file's suggestions and comment threads; a Word author who is a user of the office is that user. */
export async function importReview(db: Db, actor: Actor, reportId: string, bytes: Buffer, ip?: string): Promise<ReviewImportPreview> {
  const { report, rows, placement } = await place(db, actor, reportId, bytes);
  const preview = previewOf(rows, placement);
  const people = await db.user.findMany({ where: { memberships: { some: { officeId: report.officeId } } }, select: { id: true, username: true, displayName: true } });
  const who = (name: string) => people.find((p) => p.displayName === name.trim() || p.username === name.trim()) ?? null;
  const when = (date: string | null) => (date && !Number.isNaN(Date.parse(date)) ? new Date(date) : new Date());
  await db.$transaction(async (tx) => {
    for (const s of placement.sections) {
      if (s.suggestions.length) {
        await tx.suggestion.createMany({
          data: s.suggestions.map((d) => {
            const user = d.tracked ? who(d.author) : { id: actor.userId, displayName: actor.displayName };
            return { sectionId: s.sectionId, kind: d.kind, text: d.text, prefix: d.prefix, suffix: d.suffix, authorId: user?.id ?? null, authorName: user?.displayName ?? d.author, source: "word", createdAt: when(d.date) };
          }),
        });
      }
      for (const thread of s.threads) {
        let rootId: string | null = null;
        for (const c of thread.comments) {
          const user = who(c.author);
          const made: { id: string } = await tx.comment.create({
            data: {
              sectionId: s.sectionId, authorId: user?.id ?? actor.userId, authorName: user ? null : c.author, body: c.text, createdAt: when(c.date),
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
