// The one place that says which role may do what. Every server action and
// route handler asks `can`/`requirePermission` (lib/auth/guard.ts) with one of
// these permissions; tests/integration/permissions.test.ts walks the whole table.

export const ROLES = ["drafter", "reviewer", "approver", "admin", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "report.read",
  "report.create",
  "report.editMetadata",
  "report.structure",
  "section.structureOwn",
  "section.editOwn",
  "section.editAny",
  "section.assign",
  "section.submit",
  "section.review",
  "comment.write",
  "suggestion.write",
  "report.submitForCheck",
  "report.signOff",
  "report.issue",
  "report.publish",
  "report.export",
  "report.send",
  "district.oversee",
  "audit.read",
  "user.manage",
  "office.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // A drafter writes the sections given to them and may divide them into sub-sections;
  // the report's outline (its first-level parts, other people's sections) is the reviewer's and the administrator's.
  drafter: ["report.read", "section.structureOwn", "section.editOwn", "section.submit", "comment.write", "report.export"],
  reviewer: [
    "report.read",
    "report.create",
    "report.structure",
    "section.editAny",
    "section.assign",
    "section.review",
    "comment.write",
    "suggestion.write",
    "report.submitForCheck",
    "report.issue",
    "report.export",
    "audit.read",
  ],
  approver: ["report.read", "comment.write", "suggestion.write", "report.signOff", "report.export", "audit.read"],
  admin: [
    "report.read",
    "report.create",
    "report.editMetadata",
    "report.structure",
    "section.assign",
    "report.issue",
    "report.publish",
    "report.export",
    "report.send",
    "district.oversee",
    "audit.read",
    "user.manage",
    "office.manage",
  ],
  // At a district, its readers (区依法治区办) follow the towns: overview, 催办, 收文.
  reader: ["report.read", "report.export", "district.oversee"],
};

/**
 * What a role held at a district (an office above towns) grants in the towns
 * below it: reading and exporting the reports a town has sent up (签发 or later).
 * Nothing else crosses office boundaries.
 */
export const SUBORDINATE_PERMISSIONS: readonly Permission[] = ["report.read", "report.export"];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => roleAllows(role, permission));
}
