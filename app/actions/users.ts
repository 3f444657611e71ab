"use server";

// Each action is a service bound to its schema (lib/http/action.ts).
import { defineAction } from "@/lib/http/action";
import { changeOwnPassword, createUser, resetPassword, setActive, setRoles } from "@/lib/users/service";
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setActiveSchema, setRolesSchema } from "@/lib/users/schemas";

const users = { refresh: "/admin/users" };

export const createUserAction = defineAction(createUserSchema, (input, { db, actor, ip }) => createUser(db, actor, input, ip), users);
export const setRolesAction = defineAction(setRolesSchema, (input, { db, actor, ip }) => setRoles(db, actor, input, ip), users);
export const resetPasswordAction = defineAction(resetPasswordSchema, (input, { db, actor, ip }) => resetPassword(db, actor, input, ip));
export const setActiveAction = defineAction(setActiveSchema, (input, { db, actor, ip }) => setActive(db, actor, input, ip), users);
export const changeOwnPasswordAction = defineAction(changeOwnPasswordSchema, (input, { db, actor, ip }) => changeOwnPassword(db, actor, input, ip), { passwordChange: true });
