import { test } from "node:test";
import assert from "node:assert/strict";
import { esc } from "./escape";

test("esc: the five markup characters become entities, everything else is kept", () => {
  assert.equal(esc(`<a href="x">'&'</a> 法治`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; 法治");
});
