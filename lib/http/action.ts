// The wrapper every server action uses: who is asking (401 when nobody), from
// where, and errors turned into a result the form can show.
import { headers } from "next/headers";
import { getDb, type Db } from "../db/client";
import { AccessError } from "../auth/guard";
import { currentActor } from "../auth/session";
import { clientIp } from "../auth/client-ip";
import { ValidationError } from "../validation";
import { databaseFailure } from "../db/errors";
import type { Actor } from "../auth/actor";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | ActionFailure;

export interface ActionFailure {
  ok: false;
  status: number;
  error: string;
  fieldErrors?: Record<string, string>;
  /** e.g. the id of the report that already exists */
  existingId?: string;
}

export interface ActionContext {
  db: Db;
  actor: Actor;
  ip: string;
}

export const MUST_CHANGE_PASSWORD = "请先修改管理员为您设置的初始密码。";

export async function runAction<T>(fn: (ctx: ActionContext) => Promise<T>, options: { passwordChange?: boolean } = {}): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor();
    if (!actor) throw new AccessError(401, "登录已失效，请重新登录。");
    if (actor.mustChangePassword && !options.passwordChange) throw new AccessError(403, MUST_CHANGE_PASSWORD);
    const ip = clientIp(await headers());
    return { ok: true, data: await fn({ db: getDb(), actor, ip }) };
  } catch (err) {
    return toFailure(err);
  }
}

export function toFailure(err: unknown): ActionFailure {
  if (err instanceof ValidationError) return { ok: false, status: 400, error: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof AccessError) {
    const existingId = (err as { existingId?: unknown }).existingId;
    return { ok: false, status: err.status, error: err.message, ...(typeof existingId === "string" ? { existingId } : {}) };
  }
  const db = databaseFailure(err);
  if (db) {
    console.error("[db] unavailable", db.log);
    return { ok: false, status: 503, error: db.message };
  }
  console.error("[action] unexpected error", err);
  return { ok: false, status: 500, error: "服务器出错，操作未完成，请稍后重试。" };
}
