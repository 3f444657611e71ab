// The load test: the production server (scripts/serve.mjs, one process per core)
// on SQLite and on PostgreSQL (TEST_DATABASE_URL), driven from a second process
// (scripts/bench/load-driver.ts) by logged-in users.
//  - the office mix: 50 drafters autosaving their own sections every 2 s, 5 more on
//    one shared section (conflicts expected), 20 readers opening a report page or
//    its preview every second; a drafter and a reader alone first are the baseline;
//  - the district (--district, PostgreSQL): 500 drafters across 100 towns saving
//    every 5 s (100 saves/s) and 50 readers a second, then steps of 50, 100, …
//    drafters (10, 20, … saves/s) to find where autosave p95 crosses 100 ms.
// Options: --seconds N, --db sqlite|postgres (both by default when TEST_DATABASE_URL
// is set), --offices 1,10,100 (extra offices of data), --no-readers, --district.
import { spawnSync } from "node:child_process";
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { hashPassword } from "../../lib/auth/password";
import { createReport } from "../../lib/reports/create";
import { actorOfUser } from "../../lib/auth/session-store";
import { keystrokeToPaint } from "./editor";
import { benchDistrict } from "./district";
import { BENCH_PASSWORD, freshUrl, printTable, summaryLine, withServer, type User } from "./server";

export interface LoadOptions {
  seconds: number;
  databases: ("sqlite" | "postgres")[];
  offices: number[];
  noReaders: boolean;
  district: boolean;
}

export function loadOptions(argv: string[]): LoadOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const given = value("--db");
  if (given && given !== "sqlite" && given !== "postgres") throw new Error("--db sqlite|postgres");
  const db = given as "sqlite" | "postgres" | undefined;
  const district = argv.includes("--district");
  const databases: LoadOptions["databases"] = db ? [db] : district ? ["postgres"] : process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
  if (databases.includes("postgres") && !process.env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test";
  return {
    seconds: Number(value("--seconds") ?? 60),
    databases,
    offices: (value("--offices") ?? "1").split(",").map(Number),
    noReaders: argv.includes("--no-readers"),
    district,
  };
}

export async function prepare(url: string, offices: number) {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const db = createClient(url);
  const { offices: ids, reportId } = await seedDemo(db, BENCH_PASSWORD);
  const hash = await hashPassword(BENCH_PASSWORD);
  // Reports are created by an administrator, naming the drafter who owns every section.
  const [admin, drafter] = await Promise.all(["admin", "drafter"].map((username) => db.user.findUniqueOrThrow({ where: { username } })));
  const { id: report } = await createReport(db, (await actorOfUser(db, admin.id))!, { source: "lastYear", year: 2023, sourceReportId: reportId, ownerId: drafter.id });
  const users: User[] = [];
  const shared = await db.section.findFirstOrThrow({ where: { reportId: report, kind: "intro" } });
  for (let i = 0; i < 50; i++) {
    const u = await db.user.create({ data: { username: `d${i}`, displayName: `起草${i}`, passwordHash: hash, memberships: { create: { officeId: ids.dachang, role: "drafter" } } } });
    const s = await db.section.create({
      data: { reportId: report, parentId: null, position: 100 + i, heading: `压力测试章节${i}`, ownerId: u.id, revisions: { create: { version: 1, heading: `压力测试章节${i}`, content: [] } } },
    });
    users.push({ username: u.username, role: "drafter", sectionId: s.id });
  }
  for (let i = 0; i < 5; i++) {
    await db.user.create({ data: { username: `shared${i}`, displayName: `共编${i}`, passwordHash: hash, memberships: { create: { officeId: ids.dachang, role: "reviewer" } } } });
    users.push({ username: `shared${i}`, role: "shared", sectionId: shared.id });
  }
  for (let i = 0; i < 20; i++) {
    await db.user.create({ data: { username: `r${i}`, displayName: `查阅${i}`, passwordHash: hash, memberships: { create: { officeId: ids.dachang, role: "reader" } } } });
    users.push({ username: `r${i}`, role: "reader" });
  }
  // The editor's measure: one drafter's section of 20,000 characters (20 paragraphs), outside the load mix.
  const paragraphs = Array.from({ length: 20 }, (_, i) => ({ text: `第${i + 1}段：${"坚持依法行政，推进法治政府建设。".repeat(62)}`.slice(0, 1000) }));
  const editorUser = await db.user.create({ data: { username: "editor0", displayName: "长文起草", passwordHash: hash, memberships: { create: { officeId: ids.dachang, role: "drafter" } } } });
  // In a report of its own (2024), so the readers' report keeps its length.
  const longReport = await db.report.create({ data: { officeId: ids.dachang, year: 2024, title: "关于大场镇2024年法治政府建设情况的报告", status: "drafting" } });
  const long = await db.section.create({
    data: { reportId: longReport.id, parentId: null, position: 99, heading: "长章节", ownerId: editorUser.id, content: paragraphs, revisions: { create: { version: 1, heading: "长章节", content: paragraphs } } },
  });
  // More offices' data, to see how the cost grows with the database.
  for (let o = 1; o < offices; o++) {
    const office = await db.office.create({ data: { code: `town${o}`, name: `镇${o}`, fullName: `某区某${o}镇人民政府`, headerMark: `某${o}镇人民政府文件`, docCodePrefix: `某${o}府`, parentId: ids.baoshan } });
    const r = await db.report.create({ data: { officeId: office.id, year: 2023, title: `镇${o}报告`, status: "drafting" } });
    await db.section.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ reportId: r.id, position: i, heading: `章节${i}`, content: [{ text: "正文。".repeat(200) }] })) });
  }
  await db.$disconnect();
  return { users, readerReports: [reportId, report], editor: { username: editorUser.username, path: `/reports/${longReport.id}/sections/${long.id}` } };
}

export async function benchLoad(options: LoadOptions) {
  spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  const results: Record<string, unknown> = {};
  const summaries: string[] = [];
  let port = 3400; // clear of the services on this machine (MariaDB 3306, …)
  if (options.district) {
    const district = await benchDistrict(options, ++port);
    results.district = district.result;
    summaries.push(district.summary);
  } else {
    for (const kind of options.databases) {
      for (const offices of options.offices) {
        const url = await freshUrl(kind);
        const { users, readerReports, editor } = await prepare(url, offices);
        await withServer(url, ++port, async (peak, timed) => {
          // The reader alone opens a page every 250 ms, for enough samples of each kind in 10 s.
          const alone = await timed({ users: [users[0], { ...users.find((u) => u.role === "reader")!, reports: readerReports, every: 250 }], seconds: Math.min(10, options.seconds) });
          // --no-readers leaves the 20 readers out, to see what page rendering costs the autosaves.
          const mix = (options.noReaders ? users.filter((u) => u.role !== "reader") : users).map((u) => (u.role === "reader" ? { ...u, reports: readerReports } : u));
          const full = await timed({ users: mix, seconds: offices === 1 ? options.seconds : Math.min(15, options.seconds) });
          const keystroke = kind === "sqlite" && offices === options.offices[0] ? await keystrokeToPaint(port, editor.username, editor.path) : undefined;
          results[`${kind}:${offices}`] = { baseline: alone, load: full, keystroke, serverRssMb: Math.round(peak()) };
          printTable(`${kind}, ${offices} office(s) of data`, alone, full, peak());
          summaries.push(summaryLine(kind, full));
          console.log(summaries.at(-1));
        });
      }
    }
  }
  return { results, summaries };
}

