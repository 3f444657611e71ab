import { test } from "node:test";
import assert from "node:assert/strict";
import { asciiDigits, typedNumber } from "./digits";

test("a year typed with a Chinese input method (２０２３) is the year 2023; other characters stay", () => {
  assert.equal(asciiDigits("２０２３年"), "2023年");
  assert.equal(typedNumber("２０２３"), 2023);
  assert.equal(typedNumber(" 2024 "), 2024);
  assert.ok(Number.isNaN(typedNumber("")));
  assert.ok(Number.isNaN(typedNumber("二〇二三")));
});
