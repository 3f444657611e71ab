import { test } from "node:test";
import assert from "node:assert/strict";
import { contentSecurityPolicy, crossOriginRefusal } from "./security";

test("the CSP allows our own scripts by nonce only, and no framing", () => {
  const csp = contentSecurityPolicy("abc");
  assert.match(csp, /script-src 'self' 'nonce-abc' 'strict-dynamic'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
});

test("state-changing requests from another origin are refused; same origin and safe methods pass", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  assert.equal(crossOriginRefusal("PUT", h({ origin: "https://evil.example" }), "reports.example.gov.cn"), "error.crossOrigin");
  assert.equal(crossOriginRefusal("POST", h({ "sec-fetch-site": "cross-site" }), "localhost:3000"), "error.crossOrigin");
  assert.equal(crossOriginRefusal("POST", h({ referer: "http://localhost:3000.evil.example/x" }), "localhost:3000"), "error.crossOrigin");
  assert.equal(crossOriginRefusal("PUT", h({ origin: "http://localhost:3000" }), "localhost:3000"), null);
  assert.equal(crossOriginRefusal("GET", h({ origin: "https://evil.example" }), "localhost:3000"), null);
  assert.equal(crossOriginRefusal("POST", h({ origin: "null" }), "localhost:3000"), "error.crossOrigin");
});
