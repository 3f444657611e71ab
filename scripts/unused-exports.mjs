#!/usr/bin/env node
// Exports of lib/, components/ and app/ that no other module uses, found by the TypeScript
// language service's find-references (ts-prune and knip are not installed; this is their
// core). One line per export: "unused" (nothing refers to it), "file-only" (only its own
// module: the export can go), "tests-only" (only tests: kept when the test means it).
// Next's file conventions (page, layout, route …) are left out. About a minute.
// usage: node scripts/unused-exports.mjs
import ts from "typescript";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
const root = process.cwd();
const cfg = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const files = cfg.fileNames.filter((f) => !f.includes("/lib/generated/") && !f.includes("/node_modules/"));
const versions = new Map(files.map((f) => [f, "1"]));
const host = {
  getScriptFileNames: () => files,
  getScriptVersion: (f) => versions.get(f) ?? "1",
  getScriptSnapshot: (f) => { try { return ts.ScriptSnapshot.fromString(readFileSync(f, "utf8")); } catch { return undefined; } },
  getCurrentDirectory: () => root,
  getCompilationSettings: () => cfg.options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, readDirectory: ts.sys.readDirectory, directoryExists: ts.sys.directoryExists, getDirectories: ts.sys.getDirectories,
};
const ls = ts.createLanguageService(host, ts.createDocumentRegistry());
const program = ls.getProgram();
const checker = program.getTypeChecker();
const isTest = (f) => /\.(test|spec)\.tsx?$/.test(f) || /\/(tests|e2e)\//.test(f);
const targets = files.filter((f) => /\/(lib|components|app)\//.test(f) && !isTest(f));
const nextConvention = /\/app\/.*\/(page|layout|route|not-found|error|loading|template|default)\.tsx?$|\/app\/(page|layout|not-found|error)\.tsx?$/;
const out = [];
for (const file of targets) {
  const sf = program.getSourceFile(file);
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) continue;
  for (const sym of checker.getExportsOfModule(mod)) {
    const decl = sym.declarations?.[0];
    if (!decl || decl.getSourceFile() !== sf) continue; // re-exports: counted at their origin
    if (nextConvention.test(file)) continue;
    const nameNode = decl.name ?? decl;
    const pos = (nameNode.getStart ? nameNode.getStart(sf) : decl.getStart(sf));
    const refs = (ls.findReferences(file, pos) ?? []).flatMap((r) => r.references);
    const elsewhere = refs.filter((r) => r.fileName !== file);
    const inFile = refs.filter((r) => r.fileName === file && !r.isDefinition).length;
    const prod = elsewhere.filter((r) => !isTest(r.fileName));
    const kind = prod.length ? null : elsewhere.length ? "tests-only" : inFile ? "file-only" : "unused";
    if (kind) out.push(`${kind}\t${relative(root, file)}\t${sym.name}\t${elsewhere.map((r) => relative(root, r.fileName)).slice(0, 3).join(",")}`);
  }
}
console.log(out.sort().join("\n"));
