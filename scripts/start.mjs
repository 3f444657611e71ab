#!/usr/bin/env node
// npm start: prepare and serve on PORT (default 3000).
//  1. keep a generated NEXTAUTH_SECRET under ./data unless the environment sets one;
//  2. apply pending migrations; 3. load the demo data into an empty database
//     (not when DEMO_DATA=0: the first visit then asks for the first administrator);
//  4. build when the sources changed since the last build; 5. serve (scripts/serve.mjs).
import { spawnSync, spawn } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
env.PORT = port;
env.NEXTAUTH_URL ||= `http://localhost:${port}`;

const dataDir = env.DATA_DIR || join(root, "data");
mkdirSync(dataDir, { recursive: true });
if (!env.NEXTAUTH_SECRET) {
  const file = join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function run(label, args) {
  console.log(`[start] ${label}`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`[start] ${label} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

// PDF export needs its fonts: install them when we can (root), else say how.
const fonts = spawnSync("bash", ["scripts/ensure-fonts.sh"], { stdio: "inherit", env });
if (fonts.status !== 0) console.warn("[start] PDF export will be unavailable until the fonts are installed (see above)");

run("migrate", ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"]);
if (env.DEMO_DATA !== "0") run("demo data (first run only)", ["--conditions=react-server", "--import", "tsx", "scripts/db-seed.ts", "--if-empty"]);

buildIfNeeded(env, process.argv.includes("--rebuild"));

console.log(`[start] serving on http://localhost:${port}`);
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
