import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSqlScript } from "./sql-script";

test("statements are cut at each semicolon", () => {
  assert.deepEqual(splitSqlScript("-- AlterTable\nALTER TABLE \"A\" ADD COLUMN \"b\" TEXT;\n\nCREATE INDEX \"i\" ON \"A\"(\"b\");\n"), [
    '-- AlterTable\nALTER TABLE "A" ADD COLUMN "b" TEXT',
    'CREATE INDEX "i" ON "A"("b")',
  ]);
});

test("a function body in dollar quotes stays whole", () => {
  const fn = 'CREATE FUNCTION "f"() RETURNS TEXT LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM pg_advisory_xact_lock(1);\n  RETURN \'x\';\nEND\n$$';
  assert.deepEqual(splitSqlScript(`${fn};\nSELECT 1;`), [fn, "SELECT 1"]);
  const tagged = "DO $body$ BEGIN PERFORM 1; END $body$";
  assert.deepEqual(splitSqlScript(`${tagged}; SELECT 2`), [tagged, "SELECT 2"]);
});

test("semicolons in strings, identifiers and comments do not cut", () => {
  assert.deepEqual(splitSqlScript("INSERT INTO \"t;x\" VALUES ('a;b', 'it''s;'); -- one; two\nSELECT /* ; */ 3;"), [
    "INSERT INTO \"t;x\" VALUES ('a;b', 'it''s;')",
    "-- one; two\nSELECT /* ; */ 3",
  ]);
});

test("a script of comments only has no statement", () => {
  assert.deepEqual(splitSqlScript("-- This is an empty migration.\n"), []);
  assert.deepEqual(splitSqlScript("SELECT 1; -- trailing note\n"), ["SELECT 1"]);
});

test("a $1 placeholder or $ in a name is not a dollar quote", () => {
  assert.deepEqual(splitSqlScript('SELECT a$b$c FROM t; SELECT 2'), ["SELECT a$b$c FROM t", "SELECT 2"]);
});
