// Server-side parsing of any input with its zod schema; a failure answers 400
// with the first message (Chinese) and the message per field for the form.
import type { z } from "zod";
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
