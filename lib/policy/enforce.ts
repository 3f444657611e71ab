// A service acting on the policy's answer.
import "server-only";
import type { DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { refusalError, type Answer } from "../core/policy/answer";

/** What a refusal is recorded against: the object acted on (none for an actor of no office), and more detail. */
export interface Enforced {
  type: string;
  id: string | null;
  officeId: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Acts on an answer in a service: the answer when allowed (with what the policy found,
 * e.g. the office); else the refusal is thrown in the reader's language (lib/core/policy/answer.ts),
 * a 403 written to the audit record first, in one shape for every denial.
 */
export async function enforce<A extends Answer>(db: DbOrTx, actor: Actor, answer: A, object: Enforced): Promise<Extract<A, { ok: true }>> {
  if (answer.ok) return answer as Extract<A, { ok: true }>;
  if (answer.status === 403) {
    await recordAudit(db, {
      actorId: actor.userId, actorName: actor.username, action: "permission.denied", objectType: object.type,
      objectId: object.id, officeId: object.officeId, detail: { reason: answer.reason, ...object.detail },
    });
  }
  throw refusalError(answer);
}
