// Every setting the app reads, with its default. .env.example lists the same names.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`setting ${name} must be a positive number, got "${raw}"`);
  return value;
};

export const settings = {
  /** Minutes without a request after which a session ends. */
  get sessionIdleMinutes() {
    return num("SESSION_IDLE_MINUTES", 30);
  },
  /** Hours after which a session ends however active (a working day). */
  get sessionMaxHours() {
    return num("SESSION_MAX_HOURS", 12);
  },
  get loginMaxFailures() {
    return num("LOGIN_MAX_FAILURES", 5);
  },
  get loginLockMinutes() {
    return num("LOGIN_LOCK_MINUTES", 15);
  },
  /** Failures from one address (any accounts) before that address is locked out too. */
  get loginMaxFailuresPerIp() {
    return num("LOGIN_MAX_FAILURES_PER_IP", 30);
  },
  /** MB of rendered export files kept under DATA_DIR/export-cache (shared by the app's processes). */
  get exportCacheMb() {
    return num("EXPORT_CACHE_MB", 512);
  },
  get dataDir() {
    return process.env.DATA_DIR || join(process.cwd(), "data");
  },
};

/**
 * NEXTAUTH_SECRET from the environment, else the one generated on first start
 * and kept in <data>/nextauth-secret (mode 600), so sessions survive restarts.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(settings.dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(settings.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  const secret = readFileSync(file, "utf8").trim();
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
