#!/usr/bin/env node
// node --test on Node 20 does not expand globs: find the test files ourselves.
// usage: node scripts/run-tests.mjs <dir or file>... [-- extra node --test flags]
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const sep = args.indexOf("--");
const dirs = sep === -1 ? args : args.slice(0, sep);
const extra = sep === -1 ? [] : args.slice(sep + 1);

function find(dir) {
  if (!statSync(dir).isDirectory()) return [dir]; // a single test file
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = dirs.flatMap((d) => (statSync(d).isDirectory() ? find(d) : [d])).sort();
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(", ")}`);
  process.exit(1);
}
// The run's own data directory (audit key and checkpoints, session secret), not the app's.
const dataDir = process.env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), "rs-test-data-"));
const env = dataDir ? { ...process.env, DATA_DIR: dataDir } : process.env;
const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--test", ...extra, ...files], { stdio: "inherit", env });
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
