// The signed-in actor for server components, server actions and route handlers.
// The JWT only says who; roles, activity and the session version are read
// from the database on every request, so a reset or deactivation ends sessions at once.
import { getServerSession } from "next-auth";
import { getDb, type DbOrTx } from "../db/client";
import { isRole } from "../permissions";
import { authOptions } from "./options";
import type { Actor } from "./actor";

export async function loadActor(db: DbOrTx, userId: string, sessionVersion: number | null): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { office: { select: { code: true, name: true } } } } },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    memberships: user.memberships
      .filter((m) => isRole(m.role))
      .map((m) => ({ officeId: m.officeId, officeCode: m.office.code, officeName: m.office.name, role: m.role as Actor["memberships"][number]["role"] })),
  };
}

export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.uid) return null;
  return loadActor(getDb(), session.uid, session.sv ?? 0);
}
