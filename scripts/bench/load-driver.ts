// The load generator, a process of its own: logs users in through next-auth's
// credentials endpoint, then runs their loops for the given seconds and prints
// latency percentiles per kind of request as JSON.
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies of a load generator are whatever the server sent */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { BENCH_PASSWORD, percentiles } from "./server";

const input = JSON.parse(readFileSync(0, "utf8"));
const base = `http://localhost:${input.port}`;

/** `every`: ms between a user's requests (saves every 2 s, reads every 1 s by default); `reports`: what a reader opens, in turn. */
type User = { username: string; role: string; sectionId?: string; reports?: string[]; every?: number };
const lat: Record<string, number[]> = {};
let serverErrors = 0;
let otherErrors = 0;
let conflicts = 0;

async function login(username: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const cookie = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, username, password: BENCH_PASSWORD, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed for ${username}: ${res.status}`);
  return session.split(";")[0];
}

async function timed(kind: string, fn: () => Promise<Response>): Promise<{ status: number; body: any } | null> {
  const t0 = performance.now();
  try {
    const res = await fn();
    const text = await res.text();
    (lat[kind] ??= []).push(performance.now() - t0);
    if (res.status >= 500) serverErrors++;
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, body };
  } catch {
    otherErrors++;
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const users: User[] = input.users;
  const cookies = new Map<string, string>();
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(users.slice(i, i + 10).map(async (u) => cookies.set(u.username, await login(u.username))));
  }
  // Warm-up, not measured: every page a reader will open, a few times, so each server process has rendered it once.
  const readerPaths = [...new Set(users.filter((u) => u.role === "reader").flatMap((u) => u.reports!.flatMap((id) => [`/reports/${id}`, `/reports/${id}/preview`])))];
  const reader = users.find((u) => u.role === "reader");
  if (reader) for (let i = 0; i < 4; i++) await Promise.all(readerPaths.map((p) => fetch(`${base}${p}`, { headers: { cookie: cookies.get(reader.username)! } }).then((r) => r.text())));
  // Where the server's timing log (SERVE_TIMING_FILE) starts to count: after the warm-up.
  await fetch(`${base}/api/health?measure=start`).then((r) => r.text());
  // The generator's own event-loop delay: a late timer here reads as a slow server.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const end = Date.now() + input.seconds * 1000;
  const acknowledged = new Map<string, string>(); // sectionId → last text the server accepted from its owner
  const loops = users.map(async (u, i) => {
    const cookie = cookies.get(u.username)!;
    const every = u.every ?? (u.role === "reader" ? 1000 : 2000);
    await sleep((i * 37) % every); // spread the starts
    if (u.role === "reader") {
      let n = 0;
      while (Date.now() < end) {
        const id = u.reports![n % u.reports!.length];
        const t0 = Date.now();
        await timed(n % 2 ? "preview" : "report", () => fetch(`${base}/reports/${id}${n % 2 ? "/preview" : ""}`, { headers: { cookie } }));
        n++;
        await sleep(Math.max(0, every - (Date.now() - t0)));
      }
      return;
    }
    const kind = u.role === "shared" ? "sharedSave" : "autosave";
    let version = (await (await fetch(`${base}/api/sections/${u.sectionId}`, { headers: { cookie } })).json()).version;
    let n = 0;
    while (Date.now() < end) {
      const content = `${u.username} 第${n++}次保存：${"依法行政，".repeat(40)}`;
      const res = await timed(kind, () =>
        fetch(`${base}/api/sections/${u.sectionId}`, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ baseVersion: version, content: [{ text: content }] }) }),
      );
      if (res?.status === 200) {
        version = res.body?.version ?? version;
        if (u.role === "drafter") acknowledged.set(u.sectionId!, content);
      } else if (res?.status === 409) {
        conflicts++;
        if (res.body?.current) version = res.body.current.version;
      }
      await sleep(every);
    }
  });
  await Promise.all(loops);
  loop.disable();
  const driverLoopMs = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  // No lost save: what the server said it saved is what it has.
  let lostSaves = 0;
  for (const u of users.filter((x) => x.role === "drafter")) {
    const want = acknowledged.get(u.sectionId!);
    if (!want) continue;
    const got = await (await fetch(`${base}/api/sections/${u.sectionId}`, { headers: { cookie: cookies.get(u.username)! } })).json();
    if (got.content?.[0]?.text !== want) lostSaves++;
  }
  const kinds = Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, percentiles(v)]));
  process.stdout.write(JSON.stringify({ seconds: input.seconds, users: users.length, kinds, serverErrors, otherErrors, conflicts, lostSaves, driverLoopMs }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
