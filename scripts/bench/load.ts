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
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/db/seed";
import { hashPassword } from "../../lib/auth/password";
import { createReport } from "../../lib/reports/create";
import { actorOfUser } from "../../lib/auth/sessions";
import { keystrokeToPaint } from "./editor";

export const BENCH_PASSWORD = "bench-password-2026";

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

export async function freshUrl(kind: "sqlite" | "postgres") {
  if (kind === "sqlite") return `file:${join(mkdtempSync(join(tmpdir(), "rs-bench-")), "bench.db")}`;
  const base = process.env.TEST_DATABASE_URL!;
  const name = `rs_bench_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

function startServer(url: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", NEXT_TELEMETRY_DISABLED: "1", LOGIN_MAX_FAILURES_PER_IP: "100000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return resolve(server);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) return reject(new Error("server did not start"));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The server's RSS with its worker processes'. */
function treeRssMb(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* gone */
  }
  return rssMb(pid) + children.reduce((sum, c) => sum + treeRssMb(c), 0);
}

function drive(port: number, plan: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/load-driver.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`driver exited ${code}`))));
    child.stdin.end(JSON.stringify({ port, ...(plan as object) }));
  });
}

/** 100 towns of a district, each with a report of 5 sections, one per drafter; a reader in each of the first 50. */
export async function prepareDistrict(url: string) {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const db = createClient(url);
  const { offices: ids } = await seedDemo(db, BENCH_PASSWORD);
  const hash = await hashPassword(BENCH_PASSWORD);
  const users: User[] = [];
  for (let t = 0; t < 100; t++) {
    const office = await db.office.create({ data: { code: `town${t}`, name: `镇${t}`, fullName: `宝山区某${t}镇人民政府`, headerMark: `某${t}镇人民政府文件`, docCodePrefix: `某${t}府`, parentId: ids.baoshan } });
    const report = await db.report.create({ data: { officeId: office.id, year: 2023, title: `关于某${t}镇2023年法治政府建设情况的报告`, status: "drafting" } });
    for (let d = 0; d < 5; d++) {
      const u = await db.user.create({ data: { username: `t${t}d${d}`, displayName: `起草${t}-${d}`, passwordHash: hash, memberships: { create: { officeId: office.id, role: "drafter" } } } });
      const heading = ["一、主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的不足和原因", "四、下一年度工作计划", "五、其他"][d];
      const content = [{ text: "依法行政，".repeat(60) }];
      const section = await db.section.create({ data: { reportId: report.id, position: d, heading, content, ownerId: u.id, revisions: { create: { version: 1, heading, content } } } });
      users.push({ username: u.username, role: "drafter", sectionId: section.id, every: 5000 });
    }
    if (t < 50) {
      const r = await db.user.create({ data: { username: `t${t}r`, displayName: `查阅${t}`, passwordHash: hash, memberships: { create: { officeId: office.id, role: "reader" } } } });
      users.push({ username: r.username, role: "reader", reports: [report.id], every: 1000 });
    }
  }
  await db.$disconnect();
  return users;
}

type User = { username: string; role: string; sectionId?: string; reports?: string[]; every?: number };
type Stats = { count: number; p50: number; p95: number; p99: number };
type Run = { seconds: number; users: number; kinds: Record<string, Stats>; serverErrors: number; otherErrors: number; conflicts: number; lostSaves: number };

/** The one line a run ends with. */
export function summaryLine(db: string, run: Run): string {
  const p95 = (k: string) => (run.kinds[k] ? run.kinds[k].p95.toFixed(0) : "-");
  return `load ${db} ${run.seconds}s: autosave p95 ${p95("autosave")} ms, page p95 ${p95("report")} ms, preview p95 ${p95("preview")} ms, errors ${run.serverErrors + run.otherErrors}, lost ${run.lostSaves}`;
}

async function withServer<T>(url: string, port: number, fn: (peak: () => number) => Promise<T>): Promise<T> {
  const server = await startServer(url, port);
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRssMb(server.pid!)));
  const sampler = setInterval(sample, 500);
  try {
    return await fn(() => peak);
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

export async function benchLoad(options: LoadOptions) {
  spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  const results: Record<string, unknown> = {};
  const summaries: string[] = [];
  let port = 3400; // clear of the services on this machine (MariaDB 3306, …)
  if (options.district) {
    const url = await freshUrl("postgres");
    const all = await prepareDistrict(url);
    // --no-readers: the save path's own capacity, without the 50 readers.
    const users = options.noReaders ? all.filter((u) => u.role !== "reader") : all;
    await withServer(url, ++port, async (peak) => {
      const full = (await drive(port, { users, seconds: options.seconds })) as Run;
      printTable(`district: 500 drafters in 100 towns saving every 5 s${options.noReaders ? "" : ", 50 readers a second"} (PostgreSQL)`, null, full, peak());
      // Save rates rising from 10 a second (50, 100, … of the drafters saving every 5 s; the readers as before) until autosave p95 passes 100 ms.
      const steps: { savesPerSecond: number; p95: number; errors: number }[] = [];
      const drafters = users.filter((u) => u.role === "drafter");
      const readers = users.filter((u) => u.role === "reader");
      for (const active of [50, 100, 200, 300, 400]) {
        const step = (await drive(port, { users: [...drafters.slice(0, active), ...readers], seconds: Math.min(20, options.seconds) })) as Run;
        const rate = Math.round(step.kinds.autosave.count / step.seconds);
        steps.push({ savesPerSecond: rate, p95: step.kinds.autosave.p95, errors: step.serverErrors + step.otherErrors });
        console.log(`  step: ${active} drafters, ${rate} saves/s → autosave p95 ${step.kinds.autosave.p95.toFixed(0)} ms, errors ${step.serverErrors + step.otherErrors}`);
        if (step.kinds.autosave.p95 > 100) break;
      }
      results.district = { load: full, steps, serverRssMb: Math.round(peak()) };
      summaries.push(summaryLine(options.noReaders ? "postgres-district-saves" : "postgres-district", full));
      console.log(summaries.at(-1));
    });
  } else {
    for (const kind of options.databases) {
      for (const offices of options.offices) {
        const url = await freshUrl(kind);
        const { users, readerReports, editor } = await prepare(url, offices);
        await withServer(url, ++port, async (peak) => {
          // The reader alone opens a page every 250 ms, for enough samples of each kind in 10 s.
          const alone = await drive(port, { users: [users[0], { ...users.find((u) => u.role === "reader")!, reports: readerReports, every: 250 }], seconds: Math.min(10, options.seconds) });
          // --no-readers leaves the 20 readers out, to see what page rendering costs the autosaves.
          const mix = (options.noReaders ? users.filter((u) => u.role !== "reader") : users).map((u) => (u.role === "reader" ? { ...u, reports: readerReports } : u));
          const full = (await drive(port, { users: mix, seconds: offices === 1 ? options.seconds : Math.min(15, options.seconds) })) as Run;
          const keystroke = kind === "sqlite" && offices === options.offices[0] ? await keystrokeToPaint(port, editor.username, editor.path) : undefined;
          results[`${kind}:${offices}`] = { baseline: alone, load: full, keystroke, serverRssMb: Math.round(peak()) };
          printTable(`${kind}, ${offices} office(s) of data`, alone as Run, full, peak());
          summaries.push(summaryLine(kind, full));
          console.log(summaries.at(-1));
        });
      }
    }
  }
  return { results, summaries };
}

function printTable(title: string, baseline: Run | null, load: Run, rss: number) {
  const b = baseline?.kinds ?? {};
  const l = load.kinds;
  console.log(`\nLoad: ${title} (${load.seconds} s, ${load.users} users${baseline ? "; baseline: 1 drafter + 1 reader" : ""})`);
  console.log("  kind          requests   p50 ms   p95 ms   p99 ms | baseline p50   p95");
  for (const k of Object.keys(l)) {
    const s = l[k];
    const base = b[k];
    console.log(`  ${k.padEnd(12)} ${String(s.count).padStart(9)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} | ${base ? `${base.p50.toFixed(1).padStart(8)} ${base.p95.toFixed(1).padStart(8)}` : "      —"}`);
  }
  console.log(`  5xx: ${load.serverErrors}  other errors: ${load.otherErrors}  conflicts: ${load.conflicts}  lost saves: ${load.lostSaves}  server RSS peak (all processes): ${rss.toFixed(0)} MB`);
}
