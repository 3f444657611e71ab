// The password rule: at least 10 characters, not the username, not a known weak one.
// The list holds the commonest passwords of 10 characters or more (from public breach
// lists, with the Chinese favourites); short ones are already refused by length.
// Pure: the forms check it as they are filled in, the server again.
import { AppError } from "../core/errors";
import { sentences, type Locale, type MessageKey } from "../core/i18n/messages";

const WEAK = new Set([
  "1234567890", "0123456789", "12345678910", "123456789a", "a123456789", "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc",
  "password12", "password123", "password1234", "passw0rd123", "admin12345", "admin123456", "administrator",
  "abc1234567", "abcd123456", "iloveyou12", "woaini1314", "woaini520", "5201314520", "1314520520", "qwerty1234",
  "zaq12wsxcde", "asdfghjkl1", "11111111111", "1111111111", "0000000000", "8888888888", "6666666666", "9876543210",
  "12345qwert", "qwert12345", "changeme123", "welcome123", "demo-2026!",
]);

export type PasswordProblem = Extract<MessageKey, `password.${"tooShort" | "isUsername" | "hasUsername" | "weak" | "oneCharacter"}`>;

/** Every rule the password breaks, all at once (not one per try). */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < 10) problems.push("password.tooShort");
  const lower = password.toLowerCase();
  if (username && lower === username.toLowerCase()) problems.push("password.isUsername");
  else if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push("password.hasUsername");
  if (WEAK.has(lower)) problems.push("password.weak");
  if (password && /^(.)\1+$/.test(password)) problems.push("password.oneCharacter");
  return problems;
}

/** Why the password will not do, in words (Chinese unless asked), or null. */
export function passwordProblem(password: string, username?: string, locale: Locale = "zh"): string | null {
  const problems = passwordProblems(password, username);
  return problems.length ? sentences(locale, problems) : null;
}

/** A 400 on the password `field` for every rule it breaks (the first rule is its code), or null when it will do. */
export function passwordRefusal(password: string, username: string, field: string): AppError | null {
  const problems = passwordProblems(password, username);
  if (!problems.length) return null;
  return new AppError("invalid", problems[0], (locale) => {
    const message = sentences(locale, problems);
    return { message, fields: { [field]: message } };
  });
}
