// A production server of the app on its own database and port, for fault tests:
// start, log in like a browser, kill -9, start again.
import { spawn, type ChildProcess } from "node:child_process";

export async function startServer(url: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: "fault-test-secret-fault-test-secret", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr?.on("data", () => {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`http://localhost:${port}/api/health`);
      if (r.status === 200 || r.status === 503) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopped(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve())));
}

export async function login(port: number, username: string, password: string): Promise<string> {
  const base = `http://localhost:${port}`;
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed for ${username}`);
  return session.split(";")[0];
}
