// Server-side parsing of any input with its zod schema; a failure answers 400
// with the first message (Chinese) and the message per field for the form.
import { z } from "zod";
import { Invalid } from "./errors";

/** A 400 with a message per field, for the form. */
export class ValidationError extends Invalid {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message, fieldErrors);
    this.name = "ValidationError";
  }
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] ??= chineseMessage(issue);
  }
  throw new ValidationError(Object.values(fieldErrors)[0] ?? "输入有误。", fieldErrors);
}

/** zod's own messages are English; our schemas give Chinese ones, and this covers the rest. */
function chineseMessage(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "unrecognized_keys":
      return `不认识的字段：${issue.keys.join("、")}。`;
    case "invalid_type":
      return `字段“${issue.path.join(".") || "输入"}”的类型不正确。`;
    case "too_big":
      return `字段“${issue.path.join(".")}”过长或过大。`;
    case "too_small":
      return `字段“${issue.path.join(".")}”过短或过小。`;
    default:
      return `字段“${issue.path.join(".") || "输入"}”不正确。`;
  }
}

/** Lone UTF-16 surrogates: half a character, which a database would turn into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Invisible controls that reorder what follows (a title, a file name) when shown. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Why a text cannot be saved as it is, or null. Refused, never silently changed: the user sees what and where. */
export function unsafeText(value: string): string | null {
  const half = LONE_SURROGATE.exec(value);
  if (half) return `文字中第 ${[...value.slice(0, half.index)].length + 1} 个字符是不完整的字符（孤立的代理项 U+${half[0].charCodeAt(0).toString(16).toUpperCase()}），无法保存，请删除后重新输入。`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `文字中第 ${[...value.slice(0, bidi.index)].length + 1} 个字符是看不见的文字方向控制符（U+${bidi[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}），会让文字或文件名显示成另一个样子，无法保存，请删除后重新输入。`;
  return null;
}

/** A string of text a person writes: no lone surrogates, no direction controls. */
export const text = () =>
  z.string().check((ctx) => {
    const problem = unsafeText(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
