// The signed-in actor for server components, server actions and route handlers.
// The JWT only names a session; the session, the user's roles and activity are read
// from the database on every request (lib/auth/sessions.ts), so a logout, reset or
// deactivation ends sessions at once.
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import { authOptions } from "./options";
import { loadActor } from "./sessions";
import type { Actor } from "./actor";

export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return loadActor(getDb(), session.sid);
}
