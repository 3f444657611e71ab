// What the policy answers for an action: allowed, or refused with the HTTP status the
// refusal means and a reason from the catalogue (so a page can show it in the reader's
// language and a service can throw it in Chinese). Pure, so client components may
// import it; services act on answers with enforce() (enforce.ts).
import { translate, type Locale, type MessageKey, type Param } from "../i18n/messages";
import { AppError, NotFound, type ErrorKind } from "../errors";

export type RefusalReason = Extract<MessageKey, `refusal.${string}`>;

export interface Refusal {
  ok: false;
  status: 403 | 404 | 409;
  reason: RefusalReason;
  /** values for the reason's parameters; statuses and actions are given as catalogue keys, names of things as a quoted list */
  params?: Record<string, Param>;
  /**
   * The actor may take this step in this state, but a condition stands in the way
   * (sections not passed, an empty text, four eyes): a page shows the button
   * disabled with the reason, where other refusals hide it.
   */
  blocked?: true;
}
export type Answer = { ok: true } | Refusal;

export const ALLOWED: Answer = { ok: true };
export const refused = (status: Refusal["status"], reason: RefusalReason, params?: Refusal["params"]): Refusal => ({ ok: false, status, reason, params });
export const blocked = (reason: RefusalReason, params?: Refusal["params"]): Refusal => ({ ok: false, status: 409, reason, params, blocked: true });

/** The first refusal among answers checked in order, else allowed. */
export function firstRefusal(...checks: (() => Answer)[]): Answer {
  for (const check of checks) {
    const a = check();
    if (!a.ok) return a;
  }
  return ALLOWED;
}

/** A refusal in words. */
export function explain(answer: Answer, locale: Locale = "zh"): string {
  return answer.ok ? "" : translate(locale, answer.reason, answer.params);
}

const KIND: Record<Refusal["status"], ErrorKind> = { 403: "forbidden", 404: "notFound", 409: "conflict" };

/**
 * A refusal as a service throws it: its reason is its code, its words follow the reader's
 * language. Not visible is answered exactly as not there (code and words), so that nothing
 * tells the two apart.
 */
export function refusalError(refusal: Refusal): AppError {
  if (refusal.status === 404) return new NotFound();
  return new AppError(KIND[refusal.status], refusal.reason, (locale) => ({ message: explain(refusal, locale) }));
}

/** A page's view of an answer: allowed, or the reason in the reader's language. */
export type AnswerView = { ok: true } | { ok: false; reason: string; blocked: boolean };
export const viewAnswer = (a: Answer, locale: Locale): AnswerView => (a.ok ? { ok: true } : { ok: false, reason: explain(a, locale), blocked: !!a.blocked });
export function viewAnswers<A extends string>(answers: Record<A, Answer>, locale: Locale): Record<A, AnswerView> {
  return Object.fromEntries(Object.entries<Answer>(answers).map(([k, a]) => [k, viewAnswer(a, locale)])) as Record<A, AnswerView>;
}

/** The actions a page shows a button for: allowed ones, and blocked ones (disabled, with the reason). */
export function shownActions<A extends string>(answers: Partial<Record<A, AnswerView>>, order: readonly A[]): A[] {
  return order.filter((a) => answers[a] && (answers[a].ok || answers[a].blocked));
}
