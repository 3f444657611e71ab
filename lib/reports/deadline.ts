// Dates of the calendar (成文日期, 印发日期, 报送截止) and days to a deadline, counted in the
// office's calendar (China Standard Time). A date is stored as midnight UTC of that day.
import type { Translate } from "../i18n/messages";

/** YYYY-MM-DD → the stored date. */
export function dateOf(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`dateOf: ${iso}`);
  return new Date(`${iso}T00:00:00.000Z`);
}

/** The stored date → YYYY-MM-DD. */
export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** For a nullable column. */
export const isoOrNull = (date: Date | null | undefined) => (date ? isoOf(date) : null);

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `due` (both YYYY-MM-DD): positive = days left, 0 = due today, negative = overdue. */
export function daysUntil(due: string, today: string): number {
  const ms = Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`daysUntil: bad date ${due} or ${today}`);
  return Math.round(ms / 86_400_000);
}

export function deadlineLabel(due: string, today: string, t: Translate): { text: string; overdue: boolean } {
  const days = daysUntil(due, today);
  if (days > 0) return { text: t("deadline.left", { days }), overdue: false };
  if (days === 0) return { text: t("deadline.today"), overdue: false };
  // Past a month, a count of days says nothing a date does not say better.
  if (-days > 30) return { text: t("deadline.overdueSince", { date: due }), overdue: true };
  return { text: t("deadline.overdue", { days: -days }), overdue: true };
}
