// What the policy answers for an action: allowed, or refused with the HTTP status the
// refusal means and a reason from the catalogue (so a page can show it in the reader's
// language and a service can throw it in Chinese). Pure, so client components may
// import it; services act on answers with enforce() (enforce.ts).
import { translate, type Locale, type MessageKey } from "../i18n/messages";

export type RefusalReason = Extract<MessageKey, `refusal.${string}`>;

export interface Refusal {
  ok: false;
  status: 403 | 404 | 409;
  reason: RefusalReason;
  /** values for the reason's parameters; statuses and actions are given as catalogue keys, names of things as a quoted list */
  params?: Record<string, string | number | { key: MessageKey } | QuotedList>;
  /**
   * The actor may take this step in this state, but a condition stands in the way
   * (sections not passed, an empty text, four eyes): a page shows the button
   * disabled with the reason, where other refusals hide it.
   */
  blocked?: true;
}
/** “A”、“B”、“C”… in the reader's language (its list separator; names given by key are translated). */
export interface QuotedList {
  quoted: readonly (string | { key: MessageKey })[];
  more?: boolean;
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
  if (answer.ok) return "";
  const word = (v: string | { key: MessageKey }) => (typeof v === "object" ? translate(locale, v.key) : v);
  const params = Object.fromEntries(
    Object.entries(answer.params ?? {}).map(([k, v]) => [
      k,
      typeof v !== "object" ? v : "quoted" in v ? v.quoted.map((n) => `“${word(n)}”`).join(translate(locale, "shell.listSeparator")) + (v.more ? "…" : "") : word(v),
    ]),
  );
  return translate(locale, answer.reason, params);
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
