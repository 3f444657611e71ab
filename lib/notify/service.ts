// In-app notifications (and e-mail when configured) for assignment, submission,
// return, pass, sign-off and issue.
import type { Db, DbOrTx } from "../db/client";
import type { Role } from "../permissions";
import { sendMail } from "./mail";

export interface Notice {
  userIds: string[];
  kind: string;
  message: string;
  link?: string;
}

export async function notify(tx: DbOrTx, notice: Notice, exceptUserId?: string) {
  const userIds = [...new Set(notice.userIds)].filter((id) => id !== exceptUserId);
  if (!userIds.length) return [];
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: notice.kind, message: notice.message, link: notice.link ?? null })),
  });
  return userIds.map((userId) => ({ userId, message: notice.message, link: notice.link }));
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

export async function markAllRead(db: Db, userId: string) {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
