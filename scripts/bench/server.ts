// The bench's server and load generator: the production server on a fresh
// database, driven by scripts/bench/load-driver.ts in a process of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newPgDatabase } from "../../tests/pg-database";

export const BENCH_PASSWORD = "bench-password-2026";

export type User = { username: string; role: string; sectionId?: string; reports?: string[]; every?: number };
export type Stats = { count: number; p50: number; p95: number; p99: number };
export type Run = { seconds: number; users: number; kinds: Record<string, Stats>; serverErrors: number; otherErrors: number; conflicts: number; lostSaves: number; driverLoopMs?: { p99: number; max: number }; server?: Record<string, Stats> };


export async function freshUrl(kind: "sqlite" | "postgres") {
  if (kind === "sqlite") return `file:${join(mkdtempSync(join(tmpdir(), "rs-bench-")), "bench.db")}`;
  return (await newPgDatabase(process.env.TEST_DATABASE_URL!, "rs_bench")).url;
}

function startServer(url: string, port: number, timingFile: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, SERVE_TIMING_FILE: timingFile, PORT: String(port), DATABASE_URL: url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", NEXT_TELEMETRY_DISABLED: "1", LOGIN_MAX_FAILURES_PER_IP: "100000" },
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

/** What a request is, for the server's timing log (scripts/serve.mjs). */
function kindOf(method: string, url: string): string | null {
  if ((method === "PUT" || method === "POST") && url.startsWith("/api/sections/")) return "save";
  if (method === "GET" && /^\/reports\/[^/?]+$/.test(url)) return "report";
  if (method === "GET" && /^\/reports\/[^/?]+\/preview$/.test(url)) return "preview";
  return null;
}

/** Server time per kind of request, from the timing log's lines after the driver's start mark (written from byte `from` on). */
export function serverTimes(file: string, from: number): Record<string, Stats> {
  const text = readFileSync(file).subarray(from).toString("utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.includes("/api/health?measure=start"));
  const times: Record<string, number[]> = {};
  for (const line of lines.slice(start + 1)) {
    const [method, url, , ms] = line.split(" ");
    const kind = url ? kindOf(method, url) : null;
    if (kind) (times[kind] ??= []).push(Number(ms));
  }
  return Object.fromEntries(Object.entries(times).map(([kind, v]) => [kind, percentiles(v)]));
}

/** Count, p50, p95 and p99 of a list of times (sorts it). */
export function percentiles(v: number[]): Stats {
  v.sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return { count: v.length, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

export function drive(port: number, plan: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/load-driver.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`driver exited ${code}`))));
    child.stdin.end(JSON.stringify({ port, ...(plan as object) }));
  });
}

/** The one line a run ends with. */
export function summaryLine(db: string, run: Run): string {
  const p95 = (k: string) => (run.kinds[k] ? run.kinds[k].p95.toFixed(0) : "-");
  return `load ${db} ${run.seconds}s: autosave p95 ${p95("autosave")} ms, page p95 ${p95("report")} ms, preview p95 ${p95("preview")} ms, errors ${run.serverErrors + run.otherErrors}, lost ${run.lostSaves}`;
}

/** `timed` drives the server and adds the server's own times (`server`) to the driver's figures. */
export type Timed = (plan: unknown) => Promise<Run & { server: Record<string, Stats> }>;

export async function withServer<T>(url: string, port: number, fn: (peak: () => number, timed: Timed) => Promise<T>): Promise<T> {
  const timingFile = join(mkdtempSync(join(tmpdir(), "rs-timing-")), "times.log");
  writeFileSync(timingFile, "");
  const server = await startServer(url, port, timingFile);
  const timed: Timed = async (plan) => {
    const from = statSync(timingFile).size;
    const run = (await drive(port, plan)) as Run;
    return { ...run, server: serverTimes(timingFile, from) };
  };
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRssMb(server.pid!)));
  const sampler = setInterval(sample, 500);
  try {
    return await fn(() => peak, timed);
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

export function printTable(title: string, baseline: Run | null, load: Run, rss: number) {
  const b = baseline?.kinds ?? {};
  const l = load.kinds;
  console.log(`\nLoad: ${title} (${load.seconds} s, ${load.users} users${baseline ? "; baseline: 1 drafter + 1 reader" : ""})`);
  // "server": the same requests timed inside the server (arrival to last byte); the rest is the client's side and the network.
  const serverP95 = (run: Run | null, k: string) => {
    const sk = k === "autosave" || k === "sharedSave" ? "save" : k;
    const v = run?.server?.[sk]?.p95;
    return v === undefined ? "—" : v.toFixed(1);
  };
  console.log("  kind          requests   p50 ms   p95 ms   p99 ms  server p95 | baseline p50   p95  server p95");
  for (const k of Object.keys(l)) {
    const s = l[k];
    const base = b[k];
    console.log(
      `  ${k.padEnd(12)} ${String(s.count).padStart(9)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${serverP95(load, k).padStart(11)} | ${base ? `${base.p50.toFixed(1).padStart(8)} ${base.p95.toFixed(1).padStart(8)} ${serverP95(baseline, k).padStart(11)}` : "      —"}`,
    );
  }
  console.log(`  5xx: ${load.serverErrors}  other errors: ${load.otherErrors}  conflicts: ${load.conflicts}  lost saves: ${load.lostSaves}  server RSS peak (all processes): ${rss.toFixed(0)} MB`);
  if (load.driverLoopMs) console.log(`  the load generator's own event-loop delay: p99 ${load.driverLoopMs.p99.toFixed(1)} ms, max ${load.driverLoopMs.max.toFixed(1)} ms`);
}
