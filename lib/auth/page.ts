// For server components: the actor, or off to /login. Layouts do not re-run on
// every navigation, so each page asks again rather than trusting its layout.
import { redirect } from "next/navigation";
import { currentActor } from "./session";
import type { Actor } from "./actor";

export async function pageActor(options: { passwordPage?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  // A password set by an administrator must be replaced before anything else.
  if (actor.mustChangePassword && !options.passwordPage) redirect("/account/password");
  return actor;
}
