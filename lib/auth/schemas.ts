import { z } from "zod";
import { line, secret } from "../core/validation";

/** The login form; the same schema checks the credentials on the server. */
export const loginSchema = z.object({
  username: line().trim().min(1, "input.usernameRequired").max(64, "input.usernameTooLong"),
  password: secret().min(1, "input.passwordRequired").max(256, "input.passwordTooLong"),
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
