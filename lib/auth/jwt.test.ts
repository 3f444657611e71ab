import { test } from "node:test";
import assert from "node:assert/strict";
import { decode, encode } from "next-auth/jwt";
import { decodeJwt, encodeJwt } from "./jwt";

const secret = "a-test-secret-a-test-secret-a-test-secret";

test("a token made by next-auth reads here, and one made here reads in next-auth", async () => {
  const theirs = await encode({ token: { sid: "s1", uid: "u1" }, secret, maxAge: 600 });
  assert.deepEqual(Object.entries((await decodeJwt({ token: theirs, secret }))!).filter(([k]) => k === "sid" || k === "uid"), [["sid", "s1"], ["uid", "u1"]]);
  const ours = await encodeJwt({ token: { sid: "s2", uid: "u2" }, secret, maxAge: 600 });
  const read = (await decode({ token: ours, secret }))!;
  assert.equal(read.sid, "s2");
  assert.equal(read.uid, "u2");
  assert.ok(typeof read.exp === "number" && read.exp - Math.floor(Date.now() / 1000) <= 600);
});

test("a token under another secret, or altered, is refused", async () => {
  const ours = await encodeJwt({ token: { sid: "s3" }, secret, maxAge: 600 });
  await assert.rejects(decodeJwt({ token: ours, secret: `${secret}-other` }));
  const altered = ours.slice(0, -4) + (ours.endsWith("AAAA") ? "BBBB" : "AAAA");
  await assert.rejects(decodeJwt({ token: altered, secret }));
  assert.equal(await decodeJwt({ token: undefined, secret }), null);
});
