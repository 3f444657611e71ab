import { z } from "zod";
import { line, secret } from "../core/validation";

/** The login form; the same schema checks the credentials on the server. */
export const loginSchema = z.object({
  username: line().trim().min(1, "请输入用户名。").max(64, "用户名过长。"),
  password: secret().min(1, "请输入密码。").max(256, "密码过长。"),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Only same-site paths are followed after login: never another origin. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/reports";
  try {
    const url = new URL(value, "http://same-origin.invalid");
    if (url.origin !== "http://same-origin.invalid") return "/reports";
    return url.pathname + url.search;
  } catch {
    return "/reports";
  }
}
