// The wrapper every server action uses: who is asking (401 when nobody), from
// where, the input parsed with its zod schema, and errors turned into a result the
// form can show.
//
// Our own rather than next-safe-action: its result shape ({ data, serverError,
// validationErrors }) differs from the { ok, status, error, fieldErrors } our forms,
// route handlers and tests already share, and what we need of it (a schema bound to a
// service, typed input and result) is the dozen lines of defineAction below.
import "server-only";
import type { z } from "zod";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb, type Db } from "../db/client";
import { currentActor } from "../auth/current-actor";
import { clientIp } from "../auth/client-ip";
import { databaseFailure } from "../db/errors";
import { AppError, Forbidden, Unauthenticated, Unavailable, fromPrisma } from "../core/errors";
import type { Actor } from "../core/policy/actor";
import { parseInput } from "../core/validation";
import { translate, type Locale } from "../core/i18n/messages";
import { getLocale } from "../i18n/server";
import { asWrite } from "../db/writes-first";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | ActionFailure;

export interface ActionFailure {
  ok: false;
  status: number;
  /** stable: the catalogue key of the refusal (e.g. a policy reason), else its kind (conflict, invalid …) */
  code: string;
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

/** Everything but the password change waits for an account's own password. */
export const mustChangePassword = () => new Forbidden("error.mustChangePassword");

export async function runAction<T>(fn: (ctx: ActionContext) => Promise<T>, options: { passwordChange?: boolean } = {}): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor();
    if (!actor) throw new Unauthenticated("error.sessionEnded");
    if (actor.mustChangePassword && !options.passwordChange) throw mustChangePassword();
    const ip = clientIp(await headers());
    return { ok: true, data: await asWrite(() => fn({ db: getDb(), actor, ip })) };
  } catch (err) {
    return toFailure(err, await readerLocale());
  }
}

/** The reader's language for a refusal; Chinese when there is no request to ask (tests, CLI). */
export async function readerLocale(): Promise<Locale> {
  try {
    return await getLocale();
  } catch {
    return "zh";
  }
}

/**
 * A server action bound to its schema: callers pass the schema's input type and get
 * the service's result type; the server parses before the service runs. `refresh`
 * names the pages to revalidate after a success.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options: { passwordChange?: boolean; refresh?: string } = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const result = await runAction((ctx) => run(parseInput(schema, input), ctx), options);
    if (result.ok && options.refresh) revalidatePath(options.refresh, "layout");
    return result;
  };
}

/** Any error as what the caller is told: an AppError by its meaning, Prisma's races as conflicts, the database's absence as 503. */
export function toFailure(err: unknown, locale: Locale = "zh"): ActionFailure {
  const known = err instanceof AppError ? err : fromPrisma(err) ?? databaseUnavailable(err);
  if (known) {
    const existingId = (known as { existingId?: unknown }).existingId;
    const said = known.localized(locale);
    return {
      ok: false, status: known.status, code: known.code, error: said.message,
      ...(said.fields ? { fieldErrors: said.fields } : {}),
      ...(typeof existingId === "string" ? { existingId } : {}),
    };
  }
  console.error("[action] unexpected error", err);
  return { ok: false, status: 500, code: "error.server", error: translate(locale, "error.server") };
}

/** The database's absence as a 503 (nothing was written), logged for the operator. */
function databaseUnavailable(err: unknown): AppError | null {
  const failure = databaseFailure(err);
  if (!failure) return null;
  console.error("[db] unavailable", failure.log);
  return new Unavailable(failure.key);
}
