// For server components: the actor, or off to /login. Layouts do not re-run on
// every navigation, so each page asks again rather than trusting its layout.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb, type Db } from "../db/client";
import { AppError } from "../core/errors";
import { getT } from "../i18n/server";
import type { Locale, Translate } from "../core/i18n/messages";
import { currentActor } from "./current-actor";
import { writesSettled } from "../db/writes-first";
import type { Actor } from "../core/policy/actor";

export async function pageActor(options: { passwordPage?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  // A password set by an administrator must be replaced before anything else.
  if (actor.mustChangePassword && !options.passwordPage) redirect("/account/password");
  return actor;
}

export interface PageContext {
  db: Db;
  actor: Actor;
  locale: Locale;
  t: Translate;
}

/**
 * What a page shows, loaded by lib/ (pages make no database calls of their own):
 * the signed-in actor and the reader's language go in; a refusal to see the thing
 * (404 or 403) becomes the not-found page.
 */
export async function pageData<T>(load: (ctx: PageContext) => Promise<T>, options: { passwordPage?: boolean } = {}): Promise<T & { ctx: PageContext }> {
  const actor = await pageActor(options);
  const { locale, t } = await getT();
  const ctx = { db: getDb(), actor, locale, t };
  try {
    const data = await load(ctx);
    // Rendering comes next, and a save in this process goes first (lib/db/writes-first.ts).
    await writesSettled();
    return { ...data, ctx };
  } catch (err) {
    if (err instanceof AppError && (err.kind === "notFound" || err.kind === "forbidden")) notFound();
    throw err;
  }
}
