// Server-side parsing of any input with its zod schema; a failure answers 400
// with the first message and the message per field for the form. Every string a
// schema takes is built here (text, line, id, secret), so that one rule
// (lib/core/text/sanitise.ts) guards all of them: lib/core/validation.test.ts fails on a
// `z.string()` anywhere else.
import { z } from "zod";
import { AppError, type Said } from "./errors";
import { codePointLabel, firstForbidden, visibleText, type ForbiddenKind } from "./text/sanitise";
import { isMessageKey, sentences, translate, type Locale, type MessageKey, type Saying } from "./i18n/messages";

/** A 400 with a message per field, for the form; said in the reader's language. */
export class ValidationError extends AppError {
  readonly fieldErrors: Record<string, string>;
  constructor(code: string, words: (locale: Locale) => Said) {
    super("invalid", code, words);
    this.name = "ValidationError";
    this.fieldErrors = this.fields ?? {};
  }
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  // The input on each issue lets zod's own locale say what it got (无效输入：期望 数字，实际接收 string).
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const said = (l: Locale) => {
    const fields: Record<string, string> = {};
    for (const issue of issues) fields[issue.path.join(".") || "_"] ??= issueMessage(issue, l);
    return { message: Object.values(fields)[0] ?? translate(l, "text.invalidInput"), fields };
  };
  // The code: the text rule broken, else the schema's own message where it is a catalogue key, else the kind.
  const rule = issues.map((i) => (i.code === "custom" ? (i.params as RuleParams | undefined)?.textRule : undefined)).find(Boolean);
  const own = issues.map((i) => i.message).find(isMessageKey);
  throw new ValidationError(rule ? `text.${rule}` : own ?? "invalid", said);
}

const ZOD_LOCALES = { zh: z.locales.zhCN(), en: z.locales.en() };
const HAN = /[\u3400-\u9fff]/u;
type TextRule = ForbiddenKind | "invisible";
interface RuleParams { textRule: TextRule; position?: number; code?: string }
/** What a schema's own custom issue may carry: several messages to say at once, a bound its message names. */
interface OwnParams { sentences?: MessageKey[]; maximum?: number }

/**
 * One issue as a person reads it: the text rule from the catalogue, a schema's own
 * message (a catalogue key) in the reader's language, anything else in zod's own locale;
 * a field is named by its label (印数), never by its key (`copies`).
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale = "zh"): string {
  const rule = issue.code === "custom" ? (issue.params as (RuleParams & OwnParams) | undefined) : undefined;
  if (rule?.textRule) return inField(issue.path, translate(locale, `text.${rule.textRule}`, { position: rule.position ?? 0, code: rule.code ?? "" }), locale);
  if (rule?.sentences?.length) return sentences(locale, rule.sentences);
  if (isMessageKey(issue.message)) return translate(locale, issue.message, boundsOf(issue));
  // Written out in Chinese: the operator's CLI, which speaks Chinese (lib/cli).
  if (HAN.test(issue.message)) return issue.message;
  const own = ZOD_LOCALES[locale].localeError(issue as Parameters<typeof ZOD_LOCALES.zh.localeError>[0]);
  return inField(issue.path, (typeof own === "string" ? own : own?.message) ?? issue.message, locale);
}

/**
 * The bound a length or size rule names, for a message that says it ({maximum}, {minimum}):
 * four digits as they are (2000), more with the thousands marked (600,000).
 */
function boundsOf(issue: z.core.$ZodIssue): Record<string, string> {
  const n = (v: number | bigint) => (v >= 10_000 ? v.toLocaleString("en") : String(v));
  if (issue.code === "too_big") return { maximum: n(issue.maximum) };
  if (issue.code === "too_small") return { minimum: n(issue.minimum) };
  const own = issue.code === "custom" ? (issue.params as OwnParams | undefined) : undefined;
  return own?.maximum !== undefined ? { maximum: n(own.maximum) } : {};
}

function inField(path: readonly PropertyKey[], message: string, locale: Locale): string {
  const name = [...path].reverse().find((p): p is string => typeof p === "string");
  const key = `field.${name}`;
  return name && isMessageKey(key) ? translate(locale, "text.inField", { field: translate(locale, key), message }) : message;
}

function refuse(ctx: z.core.ParsePayload<string>, params: RuleParams) {
  const message = translate("zh", `text.${params.textRule}`, { position: params.position ?? 0, code: params.code ?? "" });
  ctx.issues.push({ code: "custom", message, input: ctx.value, params });
}

const rule = (multiline: boolean) => (ctx: z.core.ParsePayload<string>) => {
  const bad = firstForbidden(ctx.value, { multiline });
  if (bad) refuse(ctx, { textRule: bad.kind, position: bad.position, code: codePointLabel(bad.codePoint) });
};

/** Text of several lines a person writes (a paragraph, a comment, a reason): tab, LF and CR allowed. */
export const text = () => z.string().check(rule(true));

/** One line a person writes (a title, a name, a 主送机关): tab and line breaks refused too. */
export const line = () => z.string().check(rule(false));

/** A record's id as the client sends it back. */
export const id = () => line().min(1).max(64);

/** A password: never shown nor written to a file, so any character typed is the person's own. */
export const secret = () => z.string();

/**
 * Text read back from the database, not from a person: never refused, so that a row
 * stored before the rule (a lone surrogate, U+FFFF) is still shown and exported
 * rather than vanishing; the export writers drop what XML cannot hold.
 */
export const stored = () => z.string();

/** After `.trim()`: something a reader can see (U+200B alone is not a name). Empty passes: "required" is the schema's own rule. */
export const visible = (ctx: z.core.ParsePayload<string>) => {
  if (ctx.value && !visibleText(ctx.value)) refuse(ctx, { textRule: "invisible" });
};

/** Why a text cannot be saved as it is, or null. Refused, never silently changed: the user sees what and where. */
export function unsafeText(value: string, options: { multiline?: boolean } = { multiline: true }): Saying | null {
  const bad = firstForbidden(value, options);
  return bad ? { key: `text.${bad.kind}`, params: { position: bad.position, code: codePointLabel(bad.codePoint) } } : null;
}
