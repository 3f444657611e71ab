import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { isoOfCalendarDayOrNull } from "../../lib/core/dates";
import { freshDb, type TestDb } from "./helpers";
import { seedDemo, SeedRefusedError } from "../../lib/demo/seed";
import { applyMigrations } from "../../lib/db/engine";
import { loadNumberedSections } from "../../lib/sections/queries";
import { Prisma } from "../../lib/generated/sqlite/client";

let t: TestDb;
before(async () => {
  t = await freshDb();
});
after(async () => t.close());

test("migrations build exactly the schema's models and columns", async () => {
  const fieldEnums = Prisma as unknown as Record<string, Record<string, string>>;
  const expected = Object.values(Prisma.ModelName)
    .map((model) => `${model}:${Object.values(fieldEnums[`${model}ScalarFieldEnum`]).sort().join(",")}`)
    .sort();
  const rows: { table_name: string; column_name: string }[] =
    t.provider === "postgres"
      ? await t.db.$queryRawUnsafe(
          `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
        )
      : await t.db.$queryRawUnsafe(
          `SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_prisma_migrations'`,
        );
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const actual = [...byTable.entries()].map(([table, cols]) => `${table}:${cols.sort().join(",")}`).sort();
  assert.deepEqual(actual, expected);
});

test("applying migrations twice changes nothing", async () => {
  await t.db.$disconnect(); // SQLite migrations need the file to themselves, as with prisma migrate
  assert.deepEqual(await applyMigrations(t.url), []);
});

test("the demo seed loads offices, users and the 2022 report as a numbered tree", async () => {
  const { reportId } = await seedDemo(t.db, "a-demo-password");
  assert.deepEqual((await t.db.office.findMany({ orderBy: { code: "asc" } })).map((o) => o.code), ["baoshan", "dachang", "miaohang", "yanghang"]);
  assert.equal(await t.db.user.count(), 7);
  const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  assert.equal(report.docNumber, "宝大府〔2023〕8号");
  assert.equal(isoOfCalendarDayOrNull(report.issueDate), "2023-02-16");
  assert.equal(report.copies, 9);
  const labels = (await loadNumberedSections(t.db, reportId)).map((s) => s.label + (s.node.kind === "intro" ? "导语" : ""));
  assert.deepEqual(labels, ["导语", "一、", "（一）", "（二）", "（三）", "（四）", "（五）", "二、", "三、", "四、"]);
  assert.equal(await t.db.sectionRevision.count({ where: { section: { reportId } } }), 10);
  // A third town's report in drafting, for the district's overview.
  assert.equal(await t.db.report.count({ where: { office: { code: "yanghang" }, status: "drafting" } }), 1);
});

test("the seed refuses a database that already has data", async () => {
  await assert.rejects(() => seedDemo(t.db), SeedRefusedError);
  assert.equal(await t.db.report.count(), 2);
});

test("demo data left running has no known password: each user gets a generated one and must change it; the demo is flagged", async () => {
  const { passwordProblem } = await import("../../lib/auth/password-policy");
  const { verifyPassword } = await import("../../lib/auth/password");
  const d = await freshDb();
  try {
    const { passwords } = await seedDemo(d.db);
    assert.ok(passwords);
    const users = await d.db.user.findMany();
    assert.ok(users.length >= 7);
    assert.equal(new Set(Object.values(passwords)).size, users.length, "one password each");
    for (const u of users) {
      assert.equal(u.mustChangePassword, true, u.username);
      assert.equal(passwordProblem(passwords[u.username], u.username), null, "a password the policy accepts");
      assert.ok(await verifyPassword(u.passwordHash, passwords[u.username]));
      assert.equal(await verifyPassword(u.passwordHash, "Demo-2026!"), false);
    }
    assert.equal((await d.db.installation.findUniqueOrThrow({ where: { id: 1 } })).demo, true);
    // The README's old password is refused like any weak one, for a forced change too.
    assert.match(passwordProblem("Demo-2026!") ?? "", /弱密码/);
  } finally {
    await d.close();
  }
});
