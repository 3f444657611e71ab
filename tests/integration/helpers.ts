// A fresh, migrated database for one test file: a new SQLite file by default,
// or a new PostgreSQL database on the server at TEST_DATABASE_URL (npm run test:pg).
import { createReport } from "../../lib/reports/create";
import type { CreateReportInput } from "../../lib/reports/schemas";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newPgDatabase } from "../pg-database";
import { applyMigrations } from "../../lib/db/engine";
import { createClient, type Db } from "../../lib/db/client";
import { actorOfUser } from "../../lib/auth/session-store";
import type { Actor } from "../../lib/core/policy/actor";
import assert from "node:assert/strict";
import { AppError } from "../../lib/core/errors";

export interface TestDb {
  db: Db;
  url: string;
  provider: "sqlite" | "postgres";
  /** another client on the same database: a second app server, for concurrency tests */
  second(): Db;
  close(): Promise<void>;
}

/** A fresh database with every migration applied, or (`upTo`) only those up to a named one. */
export async function freshDb(options: { upTo?: string } = {}): Promise<TestDb> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (pgUrl) {
    const created = await newPgDatabase(pgUrl, "rs_test");
    url = created.url;
    cleanup = created.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), "rs-test-"));
    url = `file:${join(dir, "test.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // The app reads DATABASE_URL (e.g. to pick the audit lock); each test file runs in its own process.
  process.env.DATABASE_URL = url;
  await applyMigrations(url, options.upTo);
  const clients: Db[] = [createClient(url)];
  return {
    db: clients[0],
    url,
    provider: pgUrl ? "postgres" : "sqlite",
    second() {
      const c = createClient(url);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) await c.$disconnect();
      await cleanup();
    },
  };
}

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await actorOfUser(db, user.id);
  if (!actor) throw new Error(`no actor for ${username}`);
  return actor;
}

/** Cheap argon2 is not needed: the demo seed hashes once for all users. */
export const DEMO_PASSWORD = "Demo-2026!";

/** A body of ordinary paragraphs, one a line (what the save API takes as `content`). */
export function paras(text: string) {
  return text.split("\n").map((t) => ({ text: t }));
}

/** A stored body as plain text, one paragraph a line. */
export { plainText as textOf } from "../../lib/core/text/paragraphs";

/**
 * A report made the way a town office makes one: by someone who may create reports
 * (the administrator), with `drafter` as the owner of every section not carried over.
 */
export async function createReportFor(db: Db, drafter: Actor, input: CreateReportInput) {
  const officeId = drafter.memberships[0].officeId;
  const creator = await db.membership.findFirstOrThrow({ where: { officeId, role: "admin" }, include: { user: true } });
  return createReport(db, await actorFor(db, creator.user.username), { ...input, ownerId: drafter.userId });
}

/** The AppError `run` is refused with (a failure when it is not refused, or fails otherwise). */
export async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err;
  }
  throw new Error("not refused");
}
