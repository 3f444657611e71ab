// Database failures a user should hear about as "try again later" (503), not as
// a crash: the server gone or unreachable, the disk full, the file read-only.
import "server-only";
export interface DatabaseFailure {
  message: string;
  log: string;
}

const PATTERNS: { test: RegExp; message: string }[] = [
  { test: /SQLITE_FULL|database or disk is full|No space left/i, message: "服务器磁盘空间不足，未能保存。请联系管理员；您的内容没有丢失，稍后可重试。" },
  { test: /SQLITE_READONLY|readonly database|read-only/i, message: "数据库当前为只读状态，未能保存。请联系管理员；您的内容没有丢失，稍后可重试。" },
  {
    test: /P1001|P1002|P1008|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|DatabaseNotReachable|ConnectionClosed|Can't reach database|Server has closed the connection|SQLITE_BUSY|database is locked|Timed out fetching a new connection|terminating connection/i,
    message: "数据库暂时不可用，操作未完成。请稍后重试；您的内容没有丢失。",
  },
];

export function databaseFailure(err: unknown): DatabaseFailure | null {
  const text = describe(err);
  const hit = PATTERNS.find((p) => p.test.test(text));
  return hit ? { message: hit.message, log: text.slice(0, 300) } : null;
}

function describe(err: unknown, depth = 0): string {
  if (!err || depth > 3) return "";
  if (typeof err !== "object") return String(err);
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  return [e.code, e.message, JSON.stringify(e.meta ?? ""), describe(e.cause, depth + 1)].filter(Boolean).join(" ");
}

/** Whether the database answers (the health check). */
export async function databaseHealth(db: { $queryRawUnsafe: (sql: string) => Promise<unknown> }): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch {
    return { ok: false, error: "数据库暂时不可用。" };
  }
}
