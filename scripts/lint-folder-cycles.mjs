#!/usr/bin/env node
// No import cycle between the folders of lib/ (everything under lib/<x>/ is folder x; a file directly in lib/ is
// its own node): dependency-cruiser finds file-level cycles only, so we collapse its graph to folders and look for
// strongly connected components. usage: node scripts/lint-folder-cycles.mjs [repo root]; exits 1 on a cycle.
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? process.cwd();
process.chdir(root);
const { options } = await extractDepcruiseOptions(join(import.meta.dirname, "..", ".dependency-cruiser.cjs"));
const tsConfig = existsSync("tsconfig.json") ? extractTSConfig("tsconfig.json") : undefined;
const result = await cruise(
  ["lib"],
  { ...options, ruleSet: undefined, validate: false, tsConfig: tsConfig ? { fileName: "tsconfig.json" } : undefined },
  {},
  tsConfig ? { tsConfig } : {},
);

const folderOf = (path) => {
  const m = /^lib\/([^/]+)(\/)?/.exec(path);
  if (!m) return null;
  return m[2] ? m[1] : m[1].replace(/\.(ts|tsx|mjs|js)$/, "");
};
const edges = new Map(); // folder -> Map(folder -> example "from → to")
for (const mod of result.output.modules) {
  if (/\.(test|spec)\.tsx?$/.test(mod.source)) continue;
  const from = folderOf(mod.source);
  if (!from) continue;
  for (const dep of mod.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from || to === "generated") continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${mod.source} → ${dep.resolved}`);
  }
}

// Tarjan's strongly connected components
let next = 0;
const index = new Map(), low = new Map(), stack = [], onStack = new Set(), cycles = [];
function strong(v) {
  index.set(v, next); low.set(v, next); next++; stack.push(v); onStack.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const comp = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
    if (comp.length > 1) cycles.push(comp.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) strong(v);

if (cycles.length === 0) {
  console.log(`lib/: no import cycle between folders (${edges.size} folders import others)`);
  process.exit(0);
}
for (const comp of cycles) {
  console.error(`lib/ folders in an import cycle: ${comp.join(" ")}`);
  const inside = new Set(comp);
  for (const from of comp)
    for (const [to, example] of edges.get(from) ?? []) if (inside.has(to)) console.error(`  ${from} → ${to}  (${example})`);
}
console.error(`${cycles.reduce((n, c) => n + c.length, 0)} folders of lib/ in import cycles`);
process.exit(1);
