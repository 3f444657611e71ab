#!/usr/bin/env node
// npm start: prepare and serve on PORT (default 3000).
//  1. keep a generated NEXTAUTH_SECRET under ./data unless the environment sets one;
//  2. apply pending migrations; 3. load the demo data into an empty database
//     (not when DEMO_DATA=0: the first visit then asks for the first administrator);
//  4. build when the sources changed since the last build; 5. next start.
import { spawnSync, spawn, execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes, createHash } from "node:crypto";
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

run("migrate", ["--import", "tsx", "scripts/db-migrate.ts"]);
if (env.DEMO_DATA !== "0") run("demo data (first run only)", ["--import", "tsx", "scripts/db-seed.ts", "--if-empty"]);

function sourceStamp() {
  try {
    const head = execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString();
    const dirty = execSync("git status --porcelain -- app components lib proxy.ts next.config.js package-lock.json", {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString();
    return createHash("sha256").update(head + dirty).digest("hex");
  } catch {
    return "no-git";
  }
}
const stampFile = join(root, ".next", "source-stamp");
const stamp = sourceStamp();
const built = existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
if (!built || process.argv.includes("--rebuild") || stamp === "no-git") {
  run("build", ["node_modules/next/dist/bin/next", "build"]);
  writeFileSync(stampFile, stamp);
}

console.log(`[start] serving on http://localhost:${port}`);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
