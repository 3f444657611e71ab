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
    // Hash the content of every changed or new file (git diff would miss untracked ones).
    const hash = createHash("sha256").update(head + dirty);
    for (const line of dirty.split("\n").filter(Boolean)) {
      const path = line.slice(3).replace(/^"|"$/g, "");
      try {
        hash.update(readFileSync(path));
      } catch {
        hash.update("(deleted)");
      }
    }
    return hash.digest("hex");
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
