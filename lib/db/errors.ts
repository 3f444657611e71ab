// Database failures a user should hear about as "try again later" (503), not as
// a crash: the server gone or unreachable, the disk full, the file read-only.
import "server-only";
import { translate, type MessageKey } from "../core/i18n/messages";

export interface DatabaseFailure {
  /** what the user is told (their words in the catalogue) */
  key: MessageKey;
  log: string;
}

const PATTERNS: { test: RegExp; key: MessageKey }[] = [
  { test: /SQLITE_FULL|database or disk is full|No space left/i, key: "error.diskFull" },
  { test: /SQLITE_READONLY|readonly database|read-only/i, key: "error.readOnly" },
  {
    test: /P1001|P1002|P1008|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|DatabaseNotReachable|ConnectionClosed|Can't reach database|Server has closed the connection|SQLITE_BUSY|database is locked|Timed out fetching a new connection|terminating connection/i,
    key: "error.databaseDown",
  },
];

export function databaseFailure(err: unknown): DatabaseFailure | null {
  const text = describe(err);
  const hit = PATTERNS.find((p) => p.test.test(text));
  return hit ? { key: hit.key, log: text.slice(0, 300) } : null;
}

function describe(err: unknown, depth = 0): string {
  if (!err || depth > 3) return "";
  if (typeof err !== "object") return String(err);
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  return [e.code, e.message, JSON.stringify(e.meta ?? ""), describe(e.cause, depth + 1)].filter(Boolean).join(" ");
}

/** Whether the database answers (the health check). */
export async function databaseHealth(db: { $queryRawUnsafe: (sql: string) => Promise<unknown> }): Promise<{ ok: true } | { ok: false; code: MessageKey; error: string }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch {
    // Asked by a load balancer or a monitor, not a reader: said in the server's language.
    return { ok: false, code: "error.databaseUnavailable", error: translate("zh", "error.databaseUnavailable") };
  }
}
