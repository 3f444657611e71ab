// The direction rule must be able to fail: run the real config on a tiny tree with wrong-way imports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";

const repo = join(import.meta.dirname, "..", "..");
const depcruise = join(repo, "node_modules", ".bin", "depcruise");

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "rs-lint-"));
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }), ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(cwd: string, cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const cruiseLib = (dir: string) =>
  run(dir, depcruise, ["--config", join(repo, ".dependency-cruiser.cjs"), "--no-progress", "lib"]);

test("the direction rule fails when lib/core imports a service", () => {
  const dir = tree({
    "lib/db/client.ts": "export const db = 1;\n",
    "lib/core/rule.ts": 'import { db } from "@/lib/db/client";\nexport const x = db;\n',
  });
  try {
    const r = cruiseLib(dir);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /core-stays-pure/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the direction rule fails when lib/core reaches Node I/O, and when lib/ imports a page", () => {
  const dir = tree({
    "lib/core/io.ts": 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
    "app/page.tsx": "export const page = 1;\n",
    "lib/reports/view.ts": 'import { page } from "../../app/page";\nexport const v = page;\n',
  });
  try {
    const r = cruiseLib(dir);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /core-no-io-packages/);
    assert.match(r.out, /lib-not-ui/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the direction rule passes a tree that keeps it", () => {
  const dir = tree({
    "lib/core/rule.ts": "export const rule = 1;\n",
    "lib/reports/service.ts": 'import { rule } from "@/lib/core/rule";\nexport const s = rule;\n',
  });
  try {
    const r = cruiseLib(dir);
    assert.equal(r.status, 0, r.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the folder-cycle check fails on two lib/ folders importing each other, passes once one arrow goes", () => {
  const files = {
    "lib/a/one.ts": 'import { two } from "../b/two";\nexport const one = () => two;\n',
    "lib/b/two.ts": 'import { one } from "../a/one";\nexport const two = () => one;\n',
  };
  const dir = tree(files);
  try {
    const bad = run(dir, process.execPath, [join(repo, "scripts", "lint-folder-cycles.mjs"), dir]);
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /folders in an import cycle: a b/);
    writeFileSync(join(dir, "lib/b/two.ts"), "export const two = () => 2;\n");
    const good = run(dir, process.execPath, [join(repo, "scripts", "lint-folder-cycles.mjs"), dir]);
    assert.equal(good.status, 0, good.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
