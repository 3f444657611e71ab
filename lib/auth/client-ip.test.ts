import { test } from "node:test";
import assert from "node:assert/strict";
import { PEER_HEADER, clientIp, requestHost } from "./client-ip";
import { crossOriginRefusal } from "../http/security";

const h = (peer: string | undefined, xff?: string) => new Headers({ ...(peer !== undefined ? { [PEER_HEADER]: peer } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

test("with no trusted proxies the socket's address is the client's, whatever X-Forwarded-For says", () => {
  assert.equal(clientIp(h("203.0.113.9", "1.2.3.4"), new Set()), "203.0.113.9");
  assert.equal(clientIp(h("::ffff:203.0.113.9"), new Set()), "203.0.113.9");
});

test("behind a trusted proxy, the address it saw; a forged entry to its left is not believed", () => {
  const trusted = new Set(["10.0.0.2"]);
  assert.equal(clientIp(h("10.0.0.2", "198.51.100.7"), trusted), "198.51.100.7");
  // The client forged 1.2.3.4; the proxy appended the address it really saw.
  assert.equal(clientIp(h("10.0.0.2", "1.2.3.4, 198.51.100.7"), trusted), "198.51.100.7");
  // Two trusted hops in a row are walked through.
  assert.equal(clientIp(h("10.0.0.2", "198.51.100.7, 10.0.0.3"), new Set(["10.0.0.2", "10.0.0.3"])), "198.51.100.7");
  // A request that did not come through the proxy is the socket's.
  assert.equal(clientIp(h("198.51.100.8", "1.2.3.4"), trusted), "198.51.100.8");
});

test("without our server in front (next dev) the last X-Forwarded-For entry, as Next sets it", () => {
  assert.equal(clientIp(h(undefined, "127.0.0.1"), new Set()), "127.0.0.1");
  assert.equal(clientIp(h(undefined), new Set()), "unknown");
});

test("X-Forwarded-Host is believed only from a trusted proxy; from anyone else the Host header is the host", () => {
  const req = (peer: string, xfh?: string) => new Headers({ [PEER_HEADER]: peer, host: "reports.example.gov.cn", ...(xfh ? { "x-forwarded-host": xfh } : {}) });
  const trusted = new Set(["10.0.0.2"]);
  assert.equal(requestHost(req("198.51.100.8", "evil.example"), trusted), "reports.example.gov.cn");
  assert.equal(requestHost(req("198.51.100.8", "evil.example"), new Set()), "reports.example.gov.cn", "default: trust none");
  assert.equal(requestHost(req("10.0.0.2", "public.example.gov.cn"), trusted), "public.example.gov.cn");
  assert.equal(requestHost(req("10.0.0.2", "evil.example, public.example.gov.cn"), trusted), "public.example.gov.cn");
  assert.equal(requestHost(req("10.0.0.2"), trusted), "reports.example.gov.cn");
  // The same-origin check then refuses a page on the forged host.
  const post = new Headers({ [PEER_HEADER]: "198.51.100.8", host: "reports.example.gov.cn", "x-forwarded-host": "evil.example", origin: "https://evil.example" });
  assert.equal(crossOriginRefusal("POST", post, requestHost(post, trusted)), "error.crossOrigin");
});
