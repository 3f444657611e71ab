// The office-wide rules (user admin, creating reports, numbering), the district's, and who
// owns a new section: the policy's answers for every role, as the services enforce them.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "./actor";
import { ROLES, type Role } from "../permissions";
import { explain } from "./answer";
import { officeWidePolicy, officeWith } from "./office";
import { districtPolicy, overseen } from "./district";
import { newSectionOwner } from "./section";

const actor = (role: Role, office = "town", more: Role[] = []): Actor => ({
  userId: `${role}-${office}`, username: role, displayName: role, mustChangePassword: false,
  memberships: [role, ...more].map((r) => ({ officeId: office, officeCode: office, officeName: office, role: r })),
});
const allowed = (a: { ok: boolean }) => (a.ok ? "+" : "f");

test("office-wide actions: each permission's roles, in their own office, and nobody else", () => {
  // Roles in order: drafter reviewer approver admin reader.
  const TABLE = { "user.manage": "fff+f", "report.create": "f+f+f", "office.manage": "fff+f" } as const;
  assert.deepEqual(ROLES, ["drafter", "reviewer", "approver", "admin", "reader"]);
  for (const [permission, expected] of Object.entries(TABLE)) {
    const got = ROLES.map((r) => allowed(officeWidePolicy(actor(r), permission as keyof typeof TABLE))).join("");
    assert.equal(got, expected, permission);
  }
});

test("an office-wide action names the office it is allowed in; a refusal is 403 with the policy's reason", () => {
  const admin = actor("admin");
  assert.deepEqual(officeWidePolicy(admin, "user.manage"), { ok: true, officeId: "town" });
  const refusal = officeWidePolicy(actor("drafter"), "user.manage");
  assert.ok(!refusal.ok && refusal.status === 403 && refusal.reason === "refusal.forbidden");
  assert.equal(explain(refusal, "en"), "You may not do this.");
  // An actor of no office is refused too (and the service records it against no office).
  assert.equal(officeWidePolicy({ ...admin, memberships: [] }, "user.manage").ok, false);
  // A role in an office above gives no office-wide permission below it.
  assert.equal(officeWith(actor("admin", "district"), "user.manage", "town"), null);
  assert.equal(officeWith(actor("admin", "district"), "user.manage"), "district");
});

test("the district: its administrators and readers oversee it once towns sit below it; nobody else, and no town", () => {
  const district = { id: "district", code: "baoshan", hasTowns: true };
  const town = { id: "town", code: "dachang", hasTowns: false };
  const expected: Record<Role, string> = { drafter: "f", reviewer: "f", approver: "f", admin: "+", reader: "+" };
  for (const role of ROLES) assert.equal(allowed(districtPolicy(actor(role, "district"), [district, town])), expected[role], role);
  // The town's own administrator oversees nothing: no towns sit below it.
  const townAdmin = actor("admin", "town");
  assert.deepEqual(overseen(townAdmin, [town]), []);
  const refusal = districtPolicy(townAdmin, [town]);
  assert.ok(!refusal.ok && refusal.status === 403 && refusal.reason === "refusal.notDistrict");
  assert.equal(explain(refusal), "只有区级单位的管理员和查阅人员可以查看和督办所辖各镇的报告。");
  assert.doesNotMatch(explain(refusal, "en"), /[\u3400-\u9fff]/u);
});

test("the district named by its code must be one the actor oversees; without a code, the first", () => {
  const a = { id: "a", code: "a-district", hasTowns: true };
  const b = { id: "b", code: "b-district", hasTowns: true };
  const reader: Actor = { ...actor("reader", "a"), memberships: [...actor("reader", "a").memberships, ...actor("reader", "b").memberships] };
  assert.deepEqual(districtPolicy(reader, [a, b]), { ok: true, district: a });
  assert.deepEqual(districtPolicy(reader, [a, b], "b-district"), { ok: true, district: b });
  assert.equal(districtPolicy(reader, [a, b], "elsewhere").ok, false);
  assert.equal(districtPolicy(actor("reader", "a"), [a, b], "b-district").ok, false, "an office the actor holds no role in");
});

test("a new section goes to the owner of the section above it, else to its creator when they write sections", () => {
  const ctx = (a: Actor) => ({ actor: a, ancestors: new Map<string, string[]>() });
  assert.equal(newSectionOwner(ctx(actor("reviewer")), "town", "someone"), "someone");
  assert.equal(newSectionOwner(ctx(actor("admin")), "town", null), null, "an administrator writes no sections");
  assert.equal(newSectionOwner(ctx(actor("reviewer", "town", ["drafter"])), "town", null), "reviewer-town");
  assert.equal(newSectionOwner(ctx(actor("drafter")), "town"), "drafter-town");
  assert.equal(newSectionOwner(ctx(actor("drafter", "other")), "town"), null, "not in another office");
});
