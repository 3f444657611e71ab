// Review comments as threads: a comment on a selected passage (anchored by its words)
// or on the whole section, with the replies under it; a thread is resolved as a whole.
// Recorded in the audit log.
import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { id, parseInput, text, visible } from "../core/validation";
import { Conflict, NotFound } from "../core/errors";
import { enforce } from "../policy/enforce";
import { commentPolicy } from "../core/policy/comment";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { asAnchor, locateAnchor } from "../core/text/comment-anchor";
import { plainText } from "../core/text/paragraphs";
import { notify, mailNotices, sectionParams } from "../notify/service";

const anchorSchema = z.object({ quote: text().min(1).max(2000), prefix: text().max(64), suffix: text().max(64) }).strict();

export const addCommentSchema = z
  .object({
    sectionId: id(),
    body: text().trim().min(1, "input.commentRequired").max(5000, "input.commentTooLong").check(visible),
    anchor: anchorSchema.nullable().optional(),
    /** the comment this answers: the reply goes under its thread */
    parentId: id().optional(),
  })
  .strict()
  .refine((v) => !(v.parentId && v.anchor), { path: ["anchor"], message: "input.replyNoAnchor" });
export const resolveCommentSchema = z.object({ commentId: id(), resolved: z.boolean() }).strict();

export type AddCommentInput = z.input<typeof addCommentSchema>;
export type ResolveCommentInput = z.input<typeof resolveCommentSchema>;

export async function addComment(db: Db, actor: Actor, raw: AddCommentInput, ip?: string) {
  const input = parseInput(addCommentSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "comment"), { type: "section", id: section.id, officeId: report.officeId });
  if (input.anchor && !locateAnchor(plainText(section.content), input.anchor)) throw new Conflict("comment.anchorGone");
  // A reply to a reply joins the same thread: threads are one level deep, as people read them.
  const parent = input.parentId ? await db.comment.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && (!parent || parent.sectionId !== section.id)) throw new NotFound("comment.parentMissing");
  const rootId = parent ? (parent.parentId ?? parent.id) : null;
  const root = rootId ? await db.comment.findUniqueOrThrow({ where: { id: rootId } }) : null;
  const { comment, notices } = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { sectionId: section.id, authorId: actor.userId, body: input.body, anchor: input.anchor ?? undefined, parentId: rootId },
    });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: root ? "comment.reply" : "comment.add", objectType: "comment", objectId: comment.id,
      officeId: report.officeId, ip, detail: { sectionId: section.id, quote: input.anchor?.quote?.slice(0, 40), parentId: rootId ?? undefined },
    });
    // A new comment tells the section's owner; a reply tells the others in the thread.
    const others = root ? [root.authorId, ...(await tx.comment.findMany({ where: { parentId: root.id }, select: { authorId: true } })).map((c) => c.authorId)] : [];
    const to = [...new Set([...(section.ownerId ? [section.ownerId] : []), ...others])];
    const notices = to.length
      ? await notify(tx, { userIds: to, kind: "comment", params: sectionParams(section), link: `/reports/${report.id}/sections/${section.id}` }, actor.userId)
      : [];
    return { comment, notices };
  });
  await mailNotices(db, notices);
  return { id: comment.id };
}

export async function resolveComment(db: Db, actor: Actor, raw: ResolveCommentInput, ip?: string) {
  const input = parseInput(resolveCommentSchema, raw);
  const found = await db.comment.findUnique({ where: { id: input.commentId } });
  if (!found) throw new NotFound();
  // Resolving a reply resolves its thread.
  const comment = found.parentId ? await db.comment.findUniqueOrThrow({ where: { id: found.parentId } }) : found;
  const { section, report, ancestors } = await loadVisibleSection(db, actor, comment.sectionId);
  await enforce(db, actor, commentPolicy({ actor, ancestors }, report, section, comment, "resolve"), { type: "comment", id: comment.id, officeId: report.officeId });
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: comment.id }, data: input.resolved ? { resolvedAt: new Date(), resolvedById: actor.userId } : { resolvedAt: null, resolvedById: null } });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: input.resolved ? "comment.resolve" : "comment.reopen",
      objectType: "comment", objectId: comment.id, officeId: report.officeId, ip,
    });
  });
}

export interface ReplyView {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

/** A thread: its first comment, and the replies under it. */
export interface CommentView {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolved: boolean;
  quote: string | null;
  /** where the quote is in the current text; null = section thread or detached */
  located: { start: number; end: number; paragraph: number } | null;
  detached: boolean;
  /** the policy lets this reader mark it resolved or open it again */
  canResolve: boolean;
  replies: ReplyView[];
}

export async function listComments(db: Db, actor: Actor, sectionId: string): Promise<CommentView[]> {
  const { section, report, ancestors } = await loadVisibleSection(db, actor, sectionId);
  if (!sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "readDrafts").ok) return [];
  const rows = await db.comment.findMany({ where: { sectionId: section.id }, include: { author: true }, orderBy: { createdAt: "asc" } });
  const reply = (c: (typeof rows)[number]): ReplyView => ({ id: c.id, body: c.body, authorName: c.authorName ?? c.author.displayName, createdAt: c.createdAt.toISOString() });
  return rows.filter((c) => !c.parentId).map((c) => {
    const anchor = asAnchor(c.anchor);
    const located = anchor ? locateAnchor(plainText(section.content), anchor) : null;
    return {
      id: c.id, body: c.body, authorName: c.authorName ?? c.author.displayName, createdAt: c.createdAt.toISOString(), resolved: !!c.resolvedAt,
      quote: anchor?.quote ?? null, located, detached: !!anchor && !located,
      canResolve: commentPolicy({ actor, ancestors }, report, section, c, "resolve").ok,
      replies: rows.filter((r) => r.parentId === c.id).map(reply),
    };
  });
}
