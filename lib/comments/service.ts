// Review comments: on a selected passage (anchored by its words) or in the
// section's thread; resolvable; recorded in the audit log.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput, text } from "../validation";
import { Conflict, NotFound } from "../errors";
import { enforce } from "../policy/enforce";
import { commentPolicy } from "../policy/comment";
import { sectionFacts, sectionPolicy } from "../policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { asAnchor, locateAnchor } from "./anchor";
import { plainText } from "../sections/paragraphs";
import { notify, mailNotices } from "../notify/service";

const anchorSchema = z.object({ quote: text().min(1).max(2000), prefix: z.string().max(64), suffix: z.string().max(64) }).strict();

export const addCommentSchema = z
  .object({
    sectionId: z.string().min(1).max(64),
    body: text().trim().min(1, "请输入评论内容。").max(5000, "评论最多 5000 个字符。"),
    anchor: anchorSchema.nullable().optional(),
  })
  .strict();
export const resolveCommentSchema = z.object({ commentId: z.string().min(1).max(64), resolved: z.boolean() }).strict();

export type AddCommentInput = z.input<typeof addCommentSchema>;
export type ResolveCommentInput = z.input<typeof resolveCommentSchema>;

export async function addComment(db: Db, actor: Actor, raw: AddCommentInput, ip?: string) {
  const input = parseInput(addCommentSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "comment"), { type: "section", id: section.id, officeId: report.officeId });
  if (input.anchor && !locateAnchor(plainText(section.content), input.anchor)) throw new Conflict("所选文字已不在当前正文中，请刷新后重新选择。");
  const { comment, notices } = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { sectionId: section.id, authorId: actor.userId, body: input.body, anchor: input.anchor ?? undefined },
    });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "comment.add", objectType: "comment", objectId: comment.id,
      officeId: report.officeId, ip, detail: { sectionId: section.id, quote: input.anchor?.quote?.slice(0, 40) },
    });
    const notices = section.ownerId
      ? await notify(tx, { userIds: [section.ownerId], kind: "comment", params: { heading: section.heading }, link: `/reports/${report.id}/sections/${section.id}` }, actor.userId)
      : [];
    return { comment, notices };
  });
  await mailNotices(db, notices);
  return { id: comment.id };
}

export async function resolveComment(db: Db, actor: Actor, raw: ResolveCommentInput, ip?: string) {
  const input = parseInput(resolveCommentSchema, raw);
  const comment = await db.comment.findUnique({ where: { id: input.commentId } });
  if (!comment) throw new NotFound();
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
}

export async function listComments(db: Db, actor: Actor, sectionId: string): Promise<CommentView[]> {
  const { section, report, ancestors } = await loadVisibleSection(db, actor, sectionId);
  if (!sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "readDrafts").ok) return [];
  const rows = await db.comment.findMany({ where: { sectionId: section.id }, include: { author: true }, orderBy: { createdAt: "asc" } });
  return rows.map((c) => {
    const anchor = asAnchor(c.anchor);
    const located = anchor ? locateAnchor(plainText(section.content), anchor) : null;
    return {
      id: c.id, body: c.body, authorName: c.author.displayName, createdAt: c.createdAt.toISOString(), resolved: !!c.resolvedAt,
      quote: anchor?.quote ?? null, located, detached: !!anchor && !located,
      canResolve: commentPolicy({ actor, ancestors }, report, section, c, "resolve").ok,
    };
  });
}
