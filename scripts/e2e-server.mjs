#!/usr/bin/env node
// The server Playwright tests run against: a fresh SQLite database with the
// demo data (plus one account kept for the lock-out test), on E2E_PORT.
import { spawnSync, spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const dataDir = join(root, "data", "e2e");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const port = process.env.E2E_PORT || "3100";
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${join(dataDir, "e2e.db")}`,
  PORT: port,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // A test run knows its demo password (a normal first start generates them).
  DEMO_PASSWORD: process.env.DEMO_PASSWORD || "Trial-Run-2026",
};
const tsx = (args) => {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
tsx(["scripts/db-seed.ts"]);
tsx(["scripts/cli.ts", "user", "add", "--username", "locktest", "--name", "锁定测试", "--office", "dachang", "--role", "drafter", "--password", env.DEMO_PASSWORD]);
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
