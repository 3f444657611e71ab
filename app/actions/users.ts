"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { changeOwnPassword, createUser, resetPassword, setActive, setRoles } from "@/lib/users/service";

// Thin: each action is the service function behind the session, IP and error wrapper.
export async function createUserAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => createUser(db, actor, raw, ip));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setRolesAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => setRoles(db, actor, raw, ip));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function resetPasswordAction(raw: unknown) {
  return runAction(({ db, actor, ip }) => resetPassword(db, actor, raw, ip));
}

export async function setActiveAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => setActive(db, actor, raw, ip));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function changeOwnPasswordAction(raw: unknown) {
  return runAction(({ db, actor, ip }) => changeOwnPassword(db, actor, raw, ip), { passwordChange: true });
}
