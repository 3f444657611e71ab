import { test } from "node:test";
import assert from "node:assert/strict";
import { sessionExpired, shouldRefresh } from "./session-expiry";

const IDLE = 30 * 60;
const MAX = 12 * 3600;

test("a session ends after 30 idle minutes, not before", () => {
  const login = 1_000_000;
  assert.equal(sessionExpired({ lastSeen: login, loginAt: login }, login + IDLE, IDLE, MAX), false);
  assert.equal(sessionExpired({ lastSeen: login, loginAt: login }, login + IDLE + 1, IDLE, MAX), true);
});

test("activity slides the idle window but not past the maximum age", () => {
  const login = 1_000_000;
  assert.equal(sessionExpired({ lastSeen: login + 5 * 3600, loginAt: login }, login + 5 * 3600 + 60, IDLE, MAX), false);
  assert.equal(sessionExpired({ lastSeen: login + MAX, loginAt: login }, login + MAX + 1, IDLE, MAX), true);
});

test("a token without times is expired", () => {
  assert.equal(sessionExpired({}, 1_000_000, IDLE, MAX), true);
});

test("the cookie is re-issued at most every 15 seconds", () => {
  assert.equal(shouldRefresh({ lastSeen: 100 }, 110, IDLE), false);
  assert.equal(shouldRefresh({ lastSeen: 100 }, 115, IDLE), true);
  assert.equal(shouldRefresh({ lastSeen: 100 }, 101, 4), true);
});
