// PostgreSQL going away mid-run: requests fail with a clear 503, nothing is half
// written, and the app recovers by itself when the database is back. The database
// "goes away" behind a TCP proxy this test controls, so the shared server stays up.
import { createReportFor } from "../integration/helpers";
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { actorOfUser } from "../../lib/auth/session-store";
import { verifyAuditChain } from "../../lib/audit/record";
import { login, startServer, stopped } from "../faults/server";
import { newPgDatabase } from "../pg-database";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const PASSWORD = "fault-password-2026";

function proxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const up = (port: number) =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server) server.close(() => resolve());
      else resolve();
    });
  return { up, down };
}

test("the database goes away: 503 with a message, nothing half written, recovery without a restart", async () => {
  const created = await newPgDatabase(SERVER, "rs_fault");
  const direct = new URL(created.url);
  const proxyPort = 15432 + Math.floor(Math.random() * 1000);
  const viaProxy = Object.assign(new URL(direct.toString()), { hostname: "127.0.0.1", port: String(proxyPort) }).toString();
  const gate = proxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  await gate.up(proxyPort);
  const port = 3212;
  let app;
  try {
    await applyMigrations(direct.toString());
    process.env.DATABASE_URL = direct.toString();
    const db = createClient(direct.toString());
    const { reportId, users } = await seedDemo(db, PASSWORD);
    const { id } = await createReportFor(db, (await actorOfUser(db, users.drafter))!, { source: "lastYear", year: 2023, sourceReportId: reportId });
    const section = await db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });

    app = await startServer(viaProxy, port);
    const cookie = await login(port, "drafter", PASSWORD);
    const save = (baseVersion: number, content: string) =>
      fetch(`http://localhost:${port}/api/sections/${section.id}`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ baseVersion, content: [{ text: content }] }),
      });
    assert.equal((await save(1, "数据库断开前。")).status, 200);

    await gate.down();
    const during = await save(2, "数据库断开时。");
    assert.equal(during.status, 503);
    assert.match((await during.json()).error, /数据库暂时不可用/);
    assert.equal((await fetch(`http://localhost:${port}/api/health`)).status, 503);

    await gate.up(proxyPort);
    let after = await save(2, "数据库恢复后。");
    for (let i = 0; i < 10 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await save(2, "数据库恢复后。");
    }
    assert.equal(after.status, 200, "recovered without a restart");
    const revisions = await db.sectionRevision.findMany({ where: { sectionId: section.id }, orderBy: { version: "asc" } });
    assert.deepEqual(revisions.map((r) => r.content), [[], [{ text: "数据库断开前。" }], [{ text: "数据库恢复后。" }]], "the failed save left nothing behind");
    assert.deepEqual((await verifyAuditChain(db)).problems, []);
    await db.$disconnect();
  } finally {
    if (app) {
      app.kill("SIGTERM");
      await stopped(app);
    }
    await gate.down();
    await created.drop();
  }
});
