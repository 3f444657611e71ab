#!/usr/bin/env node
// Runs `next build` unless .next holds a build of exactly these sources
// (git HEAD plus uncommitted changes to what the app is built from).
import { spawnSync, execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

export function sourceStamp() {
  try {
    const head = execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString();
    const dirty = execSync("git status --porcelain -- app components lib proxy.ts next.config.js package-lock.json types", {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString();
    const diff = dirty ? execSync("git diff -- app components lib proxy.ts next.config.js types", { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 }).toString() : "";
    return createHash("sha256").update(head + dirty + diff).digest("hex");
  } catch {
    return null;
  }
}

export function buildIfNeeded(env = process.env, force = false) {
  const root = process.cwd();
  const stampFile = join(root, ".next", "source-stamp");
  const stamp = sourceStamp();
  const fresh =
    !force && stamp && existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (fresh) {
    console.log("[build] .next is current");
    return;
  }
  console.log("[build] next build");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  if (stamp) writeFileSync(stampFile, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded(process.env, process.argv.includes("--force"));
