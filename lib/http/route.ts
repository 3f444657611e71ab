// The wrapper every route handler uses: the signed-in actor (401 when nobody)
// and AppErrors (lib/core/errors.ts) answered as JSON with their status, code and message in the reader's language.
import "server-only";
import { NextResponse } from "next/server";
import { getDb, type Db } from "../db/client";
import { currentActor } from "../auth/current-actor";
import { clientIp } from "../auth/client-ip";
import type { Actor } from "../core/policy/actor";
import { mustChangePassword, readerLocale, toFailure } from "./action";
import { Unauthenticated } from "../core/errors";
import { asWrite } from "../db/writes-first";

export interface RouteContext {
  db: Db;
  actor: Actor;
  ip: string;
}

export async function handleRoute(req: Request, fn: (ctx: RouteContext) => Promise<unknown>): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) throw new Unauthenticated();
    if (actor.mustChangePassword) throw mustChangePassword();
    const run = () => fn({ db: getDb(), actor, ip: clientIp(req.headers) });
    const body = await (req.method === "GET" || req.method === "HEAD" ? run() : asWrite(run));
    return body instanceof Response ? body : NextResponse.json(body);
  } catch (err) {
    const failure = toFailure(err, await readerLocale());
    return NextResponse.json({ code: failure.code, error: failure.error, fieldErrors: failure.fieldErrors }, { status: failure.status });
  }
}
