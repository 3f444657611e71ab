import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv } from "./csv";

test("toCsv: a BOM, CRLF lines, quotes doubled, and formula-looking cells defused", () => {
  assert.equal(toCsv([["a", 'say "hi"'], ["=1+1", "x,y"]]), '\ufeffa,"say ""hi"""\r\n\'=1+1,"x,y"\r\n');
});
