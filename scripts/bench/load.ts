// The load test: the production build on SQLite (and on PostgreSQL when
// TEST_DATABASE_URL is set), driven from a second process (scripts/bench/load-driver.ts)
// by logged-in users: 50 drafters autosaving their own sections every 2 s, 5 more on
// one shared section (conflicts expected), 20 readers opening reports and previews.
// A single user doing the same first is the baseline.
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

export const BENCH_PASSWORD = "bench-password-2026";

async function prepare(url: string, offices: number) {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const db = createClient(url);
  const { offices: ids, reportId } = await seedDemo(db, BENCH_PASSWORD);
  const hash = await hashPassword(BENCH_PASSWORD);
  const drafter = await db.user.findUniqueOrThrow({ where: { username: "drafter" } });
  const { id: report } = await createReport(db, (await actorOfUser(db, drafter.id))!, { source: "lastYear", year: 2023, sourceReportId: reportId });
  const users: { username: string; role: string; sectionId?: string }[] = [];
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
  // More offices' data, to see how the cost grows with the database.
  for (let o = 1; o < offices; o++) {
    const office = await db.office.create({ data: { code: `town${o}`, name: `镇${o}`, fullName: `某区某${o}镇人民政府`, headerMark: `某${o}镇人民政府文件`, docCodePrefix: `某${o}府`, parentId: ids.baoshan } });
    const r = await db.report.create({ data: { officeId: office.id, year: 2023, title: `镇${o}报告`, status: "drafting" } });
    await db.section.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ reportId: r.id, position: i, heading: `章节${i}`, content: [{ text: "正文。".repeat(200) }] })) });
  }
  await db.$disconnect();
  return { users, readerReports: [reportId, report] };
}

async function freshUrl(kind: "sqlite" | "postgres") {
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
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", NEXT_TELEMETRY_DISABLED: "1", LOGIN_MAX_FAILURES_PER_IP: "100000" },
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

function drive(port: number, plan: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/load-driver.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`driver exited ${code}`))));
    child.stdin.end(JSON.stringify({ port, ...(plan as object) }));
  });
}

export async function benchLoad() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const kinds = ((process.env.BENCH_DATABASES ?? (process.env.TEST_DATABASE_URL ? "sqlite,postgres" : "sqlite")).split(",") as ("sqlite" | "postgres")[]);
  spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  const results: Record<string, unknown> = {};
  let port = 3400; // clear of the services on this machine (MariaDB 3306, …)
  for (const kind of kinds) {
    for (const offices of (process.env.BENCH_OFFICES ?? "1,10,100").split(",").map(Number)) {
      const url = await freshUrl(kind);
      const { users, readerReports } = await prepare(url, offices);
      const server = await startServer(url, ++port);
      let peak = rssMb(server.pid!);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 500);
      try {
        const baseline = await drive(port, { users: [users[0], users.find((u) => u.role === "reader")], readerReports, seconds: Math.min(10, seconds) });
        // The full mix at the default database size; a short mix for 10 and 100 offices (how cost grows).
        // BENCH_NO_READERS=1 leaves the 20 readers out, to see what page rendering costs the autosaves.
        const mix = process.env.BENCH_NO_READERS === "1" ? users.filter((u) => u.role !== "reader") : users;
        const full = await drive(port, { users: mix, readerReports, seconds: offices === 1 ? seconds : Math.min(15, seconds) });
        results[`${kind}:${offices}`] = { baseline, load: full, serverRssMb: Math.round(peak) };
        printTable(`${kind}, ${offices} office(s) of data`, baseline, full, peak);
      } finally {
        clearInterval(sampler);
        server.kill("SIGTERM");
      }
    }
  }
  return results;
}

type Stats = { count: number; p50: number; p95: number; p99: number };
function printTable(title: string, baseline: Record<string, unknown>, load: Record<string, unknown>, rss: number) {
  const b = baseline.kinds as Record<string, Stats>;
  const l = load.kinds as Record<string, Stats>;
  console.log(`\nLoad: ${title} (${load.seconds} s, ${load.users} users; baseline: 1 drafter + 1 reader)`);
  console.log("  kind          requests   p50 ms   p95 ms   p99 ms | baseline p50   p95");
  for (const k of Object.keys(l)) {
    const s = l[k];
    const base = b[k];
    console.log(`  ${k.padEnd(12)} ${String(s.count).padStart(9)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} | ${base ? `${base.p50.toFixed(1).padStart(8)} ${base.p95.toFixed(1).padStart(8)}` : "      —"}`);
  }
  console.log(`  5xx: ${load.serverErrors}  other errors: ${load.otherErrors}  conflicts: ${load.conflicts}  lost saves: ${load.lostSaves}  server RSS peak: ${rss.toFixed(0)} MB`);
}
