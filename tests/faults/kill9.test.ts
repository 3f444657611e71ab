// kill -9 of the server during a stream of autosaves: every save the client was
// told succeeded is there after a restart, and the database passes its integrity check.
// (The browser side, text kept while the server is gone and saved on reconnect, is
// e2e/drafting.spec.ts "a failed save says so … saves on retry or on the next visit".)
import { createReportFor } from "../integration/helpers";
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { actorOfUser } from "../../lib/auth/session-store";
import { login, startServer, stopped } from "./server";

const dir = mkdtempSync(join(tmpdir(), "rs-kill9-"));
const file = join(dir, "app.db");
const url = `file:${file}`;
const PASSWORD = "fault-password-2026";
after(() => rmSync(dir, { recursive: true, force: true }));

test("kill -9 mid-autosave loses no acknowledged save and leaves an intact database", async () => {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const db = createClient(url);
  const { reportId, users } = await seedDemo(db, PASSWORD);
  const { id } = await createReportFor(db, (await actorOfUser(db, users.drafter))!, { source: "lastYear", year: 2023, sourceReportId: reportId });
  const sections = await db.section.findMany({ where: { reportId: id, ownerId: users.drafter } });
  await db.$disconnect();

  const port = 3211;
  let server = await startServer(url, port);
  const cookie = await login(port, "drafter", PASSWORD);
  const acknowledged: { sectionId: string; version: number; content: string }[] = [];
  const versions = new Map(sections.map((s) => [s.id, 1]));
  let stop = false;
  let sent = 0;
  const writers = sections.map(async (s, k) => {
    for (let n = 0; !stop; n++) {
      const content = `第${k}节第${n}次保存：${"依法行政，".repeat(30)}`;
      sent++;
      try {
        const res = await fetch(`http://localhost:${port}/api/sections/${s.id}`, {
          method: "PUT",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ baseVersion: versions.get(s.id), content: [{ text: content }] }),
        });
        if (res.status !== 200) continue;
        const body = await res.json();
        versions.set(s.id, body.version);
        acknowledged.push({ sectionId: s.id, version: body.version, content });
      } catch {
        return; // the server is gone
      }
    }
  });
  while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
  server.kill("SIGKILL");
  await stopped(server);
  stop = true;
  await Promise.all(writers);
  assert.ok(sent > acknowledged.length || sent === acknowledged.length);

  // The file is consistent, and every acknowledged save is in it.
  const raw = new Database(file);
  assert.equal(raw.pragma("integrity_check", { simple: true }), "ok");
  raw.close();
  server = await startServer(url, port);
  try {
    const check = createClient(url);
    for (const a of acknowledged) {
      const rev = await check.sectionRevision.findUnique({ where: { sectionId_version: { sectionId: a.sectionId, version: a.version } } });
      assert.deepEqual(rev?.content, [{ text: a.content.replace(/\s+$/u, "") }], `acknowledged save v${a.version} of ${a.sectionId}`);
      const section = await check.section.findUniqueOrThrow({ where: { id: a.sectionId } });
      assert.ok(section.version >= a.version);
    }
    // The restarted server serves them.
    const again = await login(port, "drafter", PASSWORD);
    const last = acknowledged.at(-1)!;
    const res = await fetch(`http://localhost:${port}/api/sections/${last.sectionId}`, { headers: { cookie: again } });
    assert.equal(res.status, 200);
    assert.ok((await res.json()).version >= last.version);
    await check.$disconnect();
  } finally {
    server.kill("SIGTERM");
    await stopped(server);
  }
});
