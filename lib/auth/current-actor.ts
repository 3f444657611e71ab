// The signed-in actor for server components, server actions and route handlers.
// The JWT only names a session; the session, the user's roles and activity are read
// from the database on every request (lib/auth/session-store.ts), so a logout, reset or
// deactivation ends sessions at once.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import { authOptions } from "./options";
import { loadActor } from "./session-store";
import type { Actor } from "../core/policy/actor";

/**
 * Read once per request: the layout and the page both ask (each must, see
 * lib/auth/page.ts), and React's cache makes the second ask free within one
 * render. Outside a render (route handlers, tests) it reads every time.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return loadActor(getDb(), session.sid);
});
