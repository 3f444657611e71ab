import { test } from "node:test";
import assert from "node:assert/strict";
import { can, type Actor } from "./actor";
import { canReadReport } from "./read";
import { PERMISSIONS, ROLES, type Permission, type Role } from "../permissions";

// The expected matrix, written out independently of lib/core/permissions.ts so that a
// change there that nobody meant shows up here. Columns: drafter reviewer approver admin reader.
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean, boolean]> = {
  "report.read": [true, true, true, true, true],
  "report.create": [false, true, false, true, false],
  "report.editMetadata": [false, false, false, true, false],
  "report.structure": [false, true, false, true, false],
  "section.structureOwn": [true, false, false, false, false],
  "section.editOwn": [true, false, false, false, false],
  "section.editAny": [false, true, false, false, false],
  "section.assign": [false, true, false, true, false],
  "section.submit": [true, false, false, false, false],
  "section.review": [false, true, false, false, false],
  "comment.write": [true, true, true, false, false],
  "suggestion.write": [false, true, true, false, false],
  "report.submitForCheck": [false, true, false, false, false],
  "report.signOff": [false, false, true, false, false],
  "report.issue": [false, true, false, true, false],
  "report.publish": [false, false, false, true, false],
  "report.send": [false, false, false, true, false],
  "district.oversee": [false, false, false, true, true],
  "report.export": [true, true, true, true, true],
  "audit.read": [false, true, true, true, false],
  "user.manage": [false, false, false, true, false],
  "office.manage": [false, false, false, true, false],
};

const town = "town";
const district = "district";
const otherTown = "other-town";
const ancestors = new Map<string, string[]>([
  [district, []],
  [town, [district]],
  [otherTown, [district]],
]);

function actorWith(role: Role, officeId: string): Actor {
  return {
    userId: "u",
    username: "u",
    displayName: "u",
    mustChangePassword: false,
    memberships: [{ officeId, officeCode: officeId, officeName: officeId, role }],
  };
}

test("the matrix covers every permission", () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...PERMISSIONS].sort());
});

for (const [i, role] of ROLES.entries()) {
  test(`${role}: every permission in its own office, none in a sibling office`, () => {
    const actor = actorWith(role, town);
    for (const permission of PERMISSIONS) {
      assert.equal(can(actor, town, permission, ancestors), EXPECTED[permission][i], `${role} ${permission} in own office`);
      assert.equal(can(actor, otherTown, permission, ancestors), false, `${role} ${permission} in another town`);
    }
  });

  test(`${role} at the district: only read and export in its towns`, () => {
    const actor = actorWith(role, district);
    for (const permission of PERMISSIONS) {
      const expected = EXPECTED[permission][i] && (permission === "report.read" || permission === "report.export");
      assert.equal(can(actor, town, permission, ancestors), expected, `${role} ${permission} below`);
    }
  });
}

test("a district reader reads a town's report only once it was sent up", () => {
  const reader = actorWith("reader", district);
  for (const [status, visible] of [
    ["drafting", false], ["checking", false], ["awaiting_signoff", false], ["signed", true], ["issued", true], ["published", true],
  ] as const) {
    assert.equal(canReadReport(reader, { officeId: town, status }, ancestors), visible, status);
  }
  // A town's own drafter reads its drafts; a town never reads its district's or a sibling's.
  assert.equal(canReadReport(actorWith("drafter", town), { officeId: town, status: "drafting" }, ancestors), true);
  assert.equal(canReadReport(actorWith("drafter", town), { officeId: otherTown, status: "published" }, ancestors), false);
  assert.equal(canReadReport(actorWith("reader", town), { officeId: district, status: "published" }, ancestors), false);
});
