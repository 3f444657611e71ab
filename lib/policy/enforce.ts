// A service acting on the policy's answer.
import "server-only";
import type { DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { NotFound, errorFor } from "../core/errors";
import { explain, type Answer } from "../core/policy/answer";

/**
 * Acts on an answer in a service: nothing when allowed; else the refusal is thrown
 * (403s are written to the audit record first, in one shape for every denial).
 */
export async function enforce(db: DbOrTx, actor: Actor, answer: Answer, object: { type: string; id: string; officeId: string | null }): Promise<void> {
  if (answer.ok) return;
  if (answer.status === 403) {
    await recordAudit(db, {
      actorId: actor.userId, actorName: actor.username, action: "permission.denied", objectType: object.type,
      objectId: object.id, officeId: object.officeId, detail: { reason: answer.reason },
    });
  }
  // Not visible is answered exactly as not there (code and words), so that nothing tells the two apart.
  if (answer.status === 404) throw new NotFound();
  // The reason is the refusal's code; the words follow the reader's language at the boundary (lib/http/action.ts).
  const refusal = errorFor(answer.status, explain(answer, "zh"));
  refusal.code = answer.reason;
  refusal.inLocale = (locale) => ({ message: explain(answer, locale) });
  throw refusal;
}
