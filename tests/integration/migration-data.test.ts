// A migration that changes what a column holds carries every town's data over: a
// database at the schema before it, filled as the app then wrote it, then migrated.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, type TestDb } from "./helpers";
import { applyMigrations } from "../../lib/db/engine";
import { readdirSync } from "node:fs";
import { join } from "node:path";

let t: TestDb;
after(async () => t?.close());

const q = (t: TestDb) => (t.provider === "postgres" ? (i: number) => `$${i}` : () => "?");

test("paragraphs and types: an old database migrates (paragraphs: each line of an old section body and revision becomes one paragraph, character for character)", async () => {
  t = await freshDb({ upTo: "20261129024559_workflow" });
  const p = q(t);
  const now = new Date().toISOString();
  const exec = (sql: string, ...values: unknown[]) => t.db.$executeRawUnsafe(sql, ...values);
  await exec(`INSERT INTO "Office" ("id","code","name","fullName","headerMark","docCodePrefix","createdAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)},${p(7)})`,
    "o1", "dachang", "大场镇", "上海市宝山区大场镇人民政府", "大场镇人民政府文件", "宝大府", t.provider === "postgres" ? new Date() : now);
  await exec(`INSERT INTO "Report" ("id","officeId","year","title","status","origin","dueDate","writtenDate","docNumber","signatory","createdAt","updatedAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)},${p(7)},${p(8)},${p(9)},${p(10)},${p(11)},${p(12)})`,
    "r1", "o1", 2023, "报告", "checking", "last-year", "2024-03-01", null, "宝大府〔2023〕8号", "从文件读出的署名", ...(t.provider === "postgres" ? [new Date(), new Date()] : [now, now]));
  // An issued report keeps its number.
  await exec(`INSERT INTO "Report" ("id","officeId","year","title","status","origin","docNumber","createdAt","updatedAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)},${p(7)},${p(8)},${p(9)})`,
    "r0", "o1", 2021, "报告", "issued", "template", "宝大府〔2022〕3号", ...(t.provider === "postgres" ? [new Date(), new Date()] : [now, now]));
  await exec(`INSERT INTO "User" ("id","username","displayName","passwordHash","createdAt","updatedAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)})`,
    "u1", "li", "李", "x", ...(t.provider === "postgres" ? [new Date(), new Date()] : [now, now]));
  await exec(`INSERT INTO "Membership" ("id","userId","officeId","role","createdAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)})`, "m1", "u1", "o1", "reviewer", t.provider === "postgres" ? new Date() : now);
  const old = "第一段，含“引号”和半角,标点.\n  前后有空格的第二段  \n\n第三段：1.  两个空格；反斜杠\\n不是换行";
  await exec(`INSERT INTO "Section" ("id","reportId","position","heading","content","createdAt","updatedAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)},${p(7)})`,
    "s1", "r1", 0, "导语", old, ...(t.provider === "postgres" ? [new Date(), new Date()] : [now, now]));
  await exec(`INSERT INTO "Section" ("id","reportId","position","heading","content","createdAt","updatedAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)},${p(7)})`,
    "s2", "r1", 1, "空章节", "", ...(t.provider === "postgres" ? [new Date(), new Date()] : [now, now]));
  await exec(`INSERT INTO "SectionRevision" ("id","sectionId","version","heading","content","createdAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)})`,
    "v1", "s1", 1, "导语", old, t.provider === "postgres" ? new Date() : now);
  await exec(`INSERT INTO "Comment" ("id","sectionId","authorId","body","anchor","createdAt") VALUES (${p(1)},${p(2)},${p(3)},${p(4)},${p(5)},${p(6)})`,
    "c1", "s1", "u1", "请核对", JSON.stringify({ quote: "第一段", prefix: "", suffix: "，含" }), t.provider === "postgres" ? new Date() : now);

  await t.db.$disconnect(); // SQLite migrations need the file to themselves
  // Every migration from "paragraphs" on, in order (the folder is the list: a new migration needs no edit here).
  const later = readdirSync(join(process.cwd(), "prisma/migrations", t.provider)).filter((n) => /^\d{14}_/.test(n) && n >= "20261129223836_paragraphs").sort();
  assert.deepEqual(await applyMigrations(t.url), later);
  t = { ...t, db: t.second() };
  // A database with users is an installation already: no second first administrator.
  assert.equal(await t.db.installation.count(), 1);
  // A number, or a 署名, copied out of a file into a report never issued is gone; an issued report keeps its own.
  assert.deepEqual(await t.db.report.findMany({ select: { id: true, docNumber: true, signatory: true }, orderBy: { id: "asc" } }), [
    { id: "r0", docNumber: "宝大府〔2022〕3号", signatory: null },
    { id: "r1", docNumber: null, signatory: null },
  ]);
  const expected = [
    { text: "第一段，含“引号”和半角,标点." },
    { text: "  前后有空格的第二段  " },
    { text: "第三段：1.  两个空格；反斜杠\\n不是换行" },
  ];
  const s1 = await t.db.section.findUniqueOrThrow({ where: { id: "s1" } });
  assert.deepEqual(s1.content, expected);
  assert.equal(s1.runIn, false);
  assert.deepEqual((await t.db.section.findUniqueOrThrow({ where: { id: "s2" } })).content, []);
  assert.deepEqual((await t.db.sectionRevision.findUniqueOrThrow({ where: { id: "v1" } })).content, expected);
  const office = await t.db.office.findUniqueOrThrow({ where: { id: "o1" } });
  assert.deepEqual([office.jointIssuers, office.runInBold], [null, false]);
});

test("types: statuses, roles and origins as enums, dates as dates, anchors as Json, every value kept", async () => {
  const report = await t.db.report.findUniqueOrThrow({ where: { id: "r1" } });
  assert.deepEqual([report.status, report.origin, report.dueDate?.toISOString(), report.writtenDate], ["checking", "last_year", "2024-03-01T00:00:00.000Z", null]);
  assert.deepEqual(await t.db.section.findMany({ where: { reportId: "r1" }, select: { kind: true, status: true }, orderBy: { position: "asc" } }), [
    { kind: "heading", status: "not_started" },
    { kind: "heading", status: "not_started" },
  ]);
  assert.equal((await t.db.membership.findUniqueOrThrow({ where: { id: "m1" } })).role, "reviewer");
  assert.deepEqual((await t.db.comment.findUniqueOrThrow({ where: { id: "c1" } })).anchor, { quote: "第一段", prefix: "", suffix: "，含" });
});
