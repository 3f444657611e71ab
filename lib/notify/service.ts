// In-app notifications (and e-mail when configured) for assignment, submission,
// return, pass, sign-off and issue.
import "server-only";
import type { Db, DbOrTx } from "../db/client";
import type { Role } from "../core/permissions";
import { isMessageKey, translate, type MessageKey, type Params, type Translate } from "../core/i18n/messages";
import { z } from "zod";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { id as idOf, parseInput } from "../core/validation";
import { sendMail } from "./mail";

/** What a notice says, by kind: the words are "notice.<kind>" in the catalogue. */
export type NoticeKind = Extract<MessageKey, `notice.${string}`> extends `notice.${infer K}` ? K : never;

export interface Notice {
  userIds: string[];
  kind: NoticeKind;
  params: Params;
  link?: string;
}

/** Stores the notice with its parameters (the page words it in the reader's language) and its Chinese text (for mail). */
export async function notify(tx: DbOrTx, notice: Notice, exceptUserId?: string) {
  const userIds = [...new Set(notice.userIds)].filter((id) => id !== exceptUserId);
  if (!userIds.length) return [];
  const message = translate("zh", `notice.${notice.kind}`, notice.params);
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: notice.kind, message, params: notice.params, link: notice.link ?? null })),
  });
  return userIds.map((userId) => ({ userId, message, link: notice.link }));
}

/**
 * A section named in a notice: its heading, or for the 导语 (whose heading the system
 * made) a mark that the reader's language names it.
 */
export function sectionParams(section: { heading: string; kind: string }): Params {
  return section.kind === "intro" ? { heading: section.heading, intro: 1 } : { heading: section.heading };
}

/** A stored notification in the reader's language (older rows without parameters keep their text). */
export function noticeText(n: { kind: string; message: string; params: unknown }, t: Translate): string {
  const key = `notice.${n.kind}`;
  if (!n.params || typeof n.params !== "object" || !isMessageKey(key)) return n.message;
  const params = n.params as Params;
  return t(key, params.intro ? { ...params, heading: t("intro") } : params);
}

/** After the change has committed: e-mail the same notices to users who have an address. */
export async function mailNotices(db: Db, notices: { userId: string; message: string; link?: string }[]) {
  if (!process.env.SMTP_URL || !notices.length) return 0;
  const users = await db.user.findMany({ where: { id: { in: notices.map((n) => n.userId) }, email: { not: null }, active: true } });
  const base = process.env.NEXTAUTH_URL ?? "";
  let sent = 0;
  for (const n of notices) {
    const user = users.find((u) => u.id === n.userId);
    if (user?.email && (await sendMail(user.email, `【年度报告编审】${n.message}`, `${n.message}\n${n.link ? base + n.link : ""}`))) sent += 1;
  }
  return sent;
}

export async function usersWithRole(tx: DbOrTx, officeId: string, roles: Role[]): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { officeId, role: { in: roles }, user: { active: true } }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}

export function unreadCount(db: Db, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export function listNotifications(db: Db, userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100 });
}

export const noticeIdSchema = z.object({ id: idOf() }).strict();

/**
 * Opening a notice marks it read; "全部标为已读" marks them all. Only the reader's own
 * notices, and only unread ones: a notice read before, or someone else's, is left as it is.
 */
export async function markRead(db: Db, actor: Actor, raw: z.input<typeof noticeIdSchema> | "all", ip?: string) {
  const which = raw === "all" ? {} : { id: parseInput(noticeIdSchema, raw).id };
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { ...which, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
    if (count) {
      await recordAudit(tx, { actorId: actor.userId, actorName: actor.username, action: "notice.read", objectType: "notification", objectId: which.id ?? null, ip, detail: { count } });
    }
    return { read: count };
  });
}
