// Two saves of one section based on the same version, at the same moment:
// exactly one wins and the other is told, on SQLite and on PostgreSQL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection, SaveConflict } from "../../lib/sections/save";

let t: TestDb;
let sectionId: string;
let drafterId: string;
before(async () => {
  t = await freshDb();
  const { reportId, users } = await seedDemo(t.db, "a-demo-password");
  drafterId = users.drafter;
  const { id } = await createReportFor(t.db, await actorFor(t.db, "drafter"), { source: "lastYear", year: 2023, sourceReportId: reportId });
  sectionId = (await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } })).id;
});
after(async () => t.close());

test("two app servers save at once, twenty rounds: exactly one wins each round", async () => {
  const actor = await actorFor(t.db, "drafter");
  // Two clients are two app servers on PostgreSQL; on SQLite one process's adapter
  // serialises its transactions (the cross-process race is the next test).
  const other = t.provider === "postgres" ? t.second() : t.db;
  for (let round = 0; round < 20; round++) {
    const { version } = await t.db.section.findUniqueOrThrow({ where: { id: sectionId } });
    const results = await Promise.allSettled([
      saveSection(t.db, actor, sectionId, { baseVersion: version, content: paras(`甲的第${round}次修改`) }),
      saveSection(other, actor, sectionId, { baseVersion: version, content: paras(`乙的第${round}次修改`) }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    assert.equal(won.length, 1, `round ${round}: one winner`);
    assert.ok(lost.length === 1 && (lost[0] as PromiseRejectedResult).reason instanceof SaveConflict, `round ${round}: the other is told`);
    const after = await t.db.section.findUniqueOrThrow({ where: { id: sectionId } });
    assert.equal(after.version, version + 1);
    assert.equal(await t.db.sectionRevision.count({ where: { sectionId, version: version + 1 } }), 1);
  }
});

/** A contender in its own process; resolves once its save is at the write, past the version check, with its outcome still to come. */
function contender(base: number, text: string): Promise<{ go: () => void; outcome: Promise<string> }> {
  return new Promise((ready, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/workers/race-save.ts", t.url, drafterId, sectionId, String(base), text], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, DATABASE_URL: t.url },
    });
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    const outcome = new Promise<string>((resolve, fail) =>
      child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : fail(new Error(`worker failed: ${err}`)))),
    );
    outcome.catch(reject);
    child.once("message", () => ready({ go: () => child.send("go"), outcome }));
  });
}

test("two separate processes save at the same instant: one ok, one conflict", async () => {
  for (let round = 0; round < 3; round++) {
    const { version } = await t.db.section.findUniqueOrThrow({ where: { id: sectionId } });
    // A barrier, not a clock: both saves have checked the base and stand at their write before either is let go.
    const both = await Promise.all([contender(version, `进程甲${round}`), contender(version, `进程乙${round}`)]);
    for (const c of both) c.go();
    const outcomes = (await Promise.all(both.map((c) => c.outcome))).sort();
    assert.deepEqual(outcomes, [`conflict ${version + 1}`, `ok ${version + 1}`], `round ${round}`);
  }
});
