// Every operation × every demo user, on a real database: allowed, refused (403)
// or invisible (404). The table is the specification.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import type { Db } from "../../lib/db/client";
import type { Actor } from "../../lib/core/policy/actor";
import { AppError } from "../../lib/core/errors";
import { listVisibleReports, loadVisibleReport } from "../../lib/policy/visibility";
import { NotFound } from "../../lib/core/errors";
import { createUser, listOfficeUsers, resetPassword, setActive, setRoles } from "../../lib/users/service";
import { districtOverview } from "../../lib/district/overview";
import { districtInbox } from "../../lib/district/submission";

let t: TestDb;
const ids: Record<string, string> = {};

before(async () => {
  t = await freshDb();
  const seeded = await seedDemo(t.db, "a-demo-password");
  Object.assign(ids, seeded.users, { published: seeded.reportId });
  ids.townDraft = (await t.db.report.create({ data: { officeId: seeded.offices.dachang, year: 2023, title: "大场镇2023草稿" } })).id;
  ids.otherDraft = (await t.db.report.create({ data: { officeId: seeded.offices.miaohang, year: 2023, title: "庙行镇2023草稿" } })).id;
});
after(async () => t.close());

type Outcome = "ok" | 403 | 404;
type Operation = (db: Db, actor: Actor) => Promise<unknown>;

const readReport = (key: string): Operation => async (db, actor) => {
  await loadVisibleReport(db, actor, ids[key]);
};
const listed = (key: string): Operation => async (db, actor) => {
  if (!(await listVisibleReports(db, actor)).some((r) => r.id === ids[key])) throw new NotFound();
};

let n = 0;
const OPERATIONS: Record<string, Operation> = {
  "list: published town report": listed("published"),
  "read: published town report": readReport("published"),
  "read: town draft": readReport("townDraft"),
  "list: town draft": listed("townDraft"),
  "read: other town's draft": readReport("otherDraft"),
  "users: list": (db, a) => listOfficeUsers(db, a),
  "users: create": (db, a) => createUser(db, a, { username: `new${++n}`, displayName: "新用户", password: "a-long-password-1", roles: ["drafter"] }),
  "users: set roles": (db, a) => setRoles(db, a, { userId: ids.drafter2, roles: ["drafter"] }),
  "users: reset password": (db, a) => resetPassword(db, a, { userId: ids.drafter2, password: "another-password-2" }),
  "users: deactivate then activate": async (db, a) => {
    await setActive(db, a, { userId: ids.drafter2, active: false });
    await setActive(db, a, { userId: ids.drafter2, active: true });
  },
  "users: reset another office's user": (db, a) => resetPassword(db, a, { userId: ids.other, password: "another-password-3" }),
  "district: overview of its towns": (db, a) => districtOverview(db, a, 2022),
  "district: overview of another district": (db, a) => districtOverview(db, a, 2022, "no-such-district"),
  "district: its inbox": (db, a) => districtInbox(db, a),
};

const USERS = ["admin", "drafter", "drafter2", "reviewer", "approver", "district", "other"] as const;
const EXPECTED: Record<string, Outcome[]> = {
  //                                     admin  drafter drafter2 reviewer approver district other
  "list: published town report":        ["ok", "ok",   "ok",    "ok",    "ok",    "ok",    404],
  "read: published town report":        ["ok", "ok",   "ok",    "ok",    "ok",    "ok",    404],
  "read: town draft":                   ["ok", "ok",   "ok",    "ok",    "ok",    404,     404],
  "list: town draft":                   ["ok", "ok",   "ok",    "ok",    "ok",    404,     404],
  "read: other town's draft":           [404,  404,    404,     404,     404,     404,     "ok"],
  "users: list":                        ["ok", 403,    403,     403,     403,     403,     403],
  "users: create":                      ["ok", 403,    403,     403,     403,     403,     403],
  "users: set roles":                   ["ok", 403,    403,     403,     403,     403,     403],
  "users: reset password":              ["ok", 403,    403,     403,     403,     403,     403],
  "users: deactivate then activate":    ["ok", 403,    403,     403,     403,     403,     403],
  "users: reset another office's user": [404,  403,    403,     403,     403,     403,     403],
  "district: overview of its towns":    [403,  403,    403,     403,     403,     "ok",    403],
  "district: overview of another district": [403, 403,  403,     403,     403,     403,     403],
  "district: its inbox":                [403,  403,    403,     403,     403,     "ok",    403],
};

test("the table names every operation", () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), Object.keys(OPERATIONS).sort());
});

for (const [name, op] of Object.entries(OPERATIONS)) {
  test(`permission table: ${name}`, async () => {
    for (const [i, username] of USERS.entries()) {
      const actor = await actorFor(t.db, username);
      let outcome: Outcome = "ok";
      try {
        await op(t.db, actor);
      } catch (err) {
        if (!(err instanceof AppError) || (err.status !== 403 && err.status !== 404)) throw err;
        outcome = err.status;
      }
      assert.equal(outcome, EXPECTED[name][i], `${username}: ${name}`);
    }
  });
}

test("every refusal of a permission is in the audit record", async () => {
  const denied = await t.db.auditEvent.count({ where: { action: "permission.denied" } });
  // Exactly one entry per 403 in the table above (a 404 says nothing exists, so nothing is denied).
  const refusals = Object.values(EXPECTED).flat().filter((o) => o === 403).length;
  assert.equal(denied, refusals);
  // The district's refusals among them, each with the policy's reason.
  const entries = await t.db.auditEvent.findMany({ where: { action: "permission.denied" } });
  const notDistrict = entries.filter((e) => JSON.parse(e.detail ?? "{}").reason === "refusal.notDistrict").length;
  assert.equal(notDistrict, Object.entries(EXPECTED).filter(([name]) => name.startsWith("district:")).flatMap(([, o]) => o).filter((o) => o === 403).length);
});
