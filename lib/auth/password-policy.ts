// The password rule: at least 10 characters, not the username, not a known weak one.
// The list holds the commonest passwords of 10 characters or more (from public breach
// lists, with the Chinese favourites); short ones are already refused by length.
const WEAK = new Set([
  "1234567890", "0123456789", "12345678910", "123456789a", "a123456789", "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc",
  "password12", "password123", "password1234", "passw0rd123", "admin12345", "admin123456", "administrator",
  "abc1234567", "abcd123456", "iloveyou12", "woaini1314", "woaini520", "5201314520", "1314520520", "qwerty1234",
  "zaq12wsxcde", "asdfghjkl1", "11111111111", "1111111111", "0000000000", "8888888888", "6666666666", "9876543210",
  "12345qwert", "qwert12345", "changeme123", "welcome123", "demo-2026!",
]);

/** Every rule the password breaks, all at once (not one per try). */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 10) problems.push("密码至少 10 个字符。");
  const lower = password.toLowerCase();
  if (username && lower === username.toLowerCase()) problems.push("密码不能与用户名相同。");
  else if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push("密码不能包含用户名。");
  if (WEAK.has(lower)) problems.push("这是常见的弱密码，请换一个。");
  if (password && /^(.)\1+$/.test(password)) problems.push("密码不能由同一个字符重复组成。");
  return problems;
}

export function passwordProblem(password: string, username?: string): string | null {
  const problems = passwordProblems(password, username);
  return problems.length ? problems.join("") : null;
}
