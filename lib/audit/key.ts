// The key of the audit chain's HMAC, kept outside the database (like the session
// secret): AUDIT_KEY, else generated on first use into <data>/audit-key (mode 600).
// Someone holding only the database cannot recompute a keyed chain.
import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { settings } from "../config/settings";

export function auditKey(): string {
  if (process.env.AUDIT_KEY) return process.env.AUDIT_KEY;
  const file = join(settings.dataDir, "audit-key");
  if (!existsSync(file)) {
    mkdirSync(settings.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another process wrote it first: use theirs.
      if ((err as { code?: string }).code !== "EEXIST") throw err;
    }
  }
  const key = readFileSync(file, "utf8").trim();
  process.env.AUDIT_KEY = key;
  return key;
}
