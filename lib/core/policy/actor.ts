// Who is asking, and what they may do where. Pure: the data comes from
// lib/auth/current-actor.ts, the rules from lib/core/permissions.ts.
import {
  SUBORDINATE_PERMISSIONS,
  rolesAllow,
  type Permission,
  type Role,
} from "../permissions";

export interface ActorMembership {
  officeId: string;
  officeCode: string;
  officeName: string;
  role: Role;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  memberships: ActorMembership[];
}

/** Office id → its ancestors (parent first). */
export type AncestorMap = ReadonlyMap<string, readonly string[]>;

export function rolesIn(actor: Actor, officeId: string): Role[] {
  return actor.memberships.filter((m) => m.officeId === officeId).map((m) => m.role);
}

/** The offices where the actor holds any role directly. */
export function memberOfficeIds(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.officeId))];
}

/** A permission in an office: held directly, or (read/export only) through a role at an office above it. */
export function can(actor: Actor, officeId: string, permission: Permission, ancestors: AncestorMap): boolean {
  if (rolesAllow(rolesIn(actor, officeId), permission)) return true;
  if (!SUBORDINATE_PERMISSIONS.includes(permission)) return false;
  return (ancestors.get(officeId) ?? []).some((above) => rolesAllow(rolesIn(actor, above), permission));
}

/** Every permission the actor holds anywhere (to show or hide navigation). */
export function anywhere(actor: Actor, permission: Permission): boolean {
  return rolesAllow(actor.memberships.map((m) => m.role), permission);
}
