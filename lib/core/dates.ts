// China time for every date the system shows, exports or compares. Offices work in
// Asia/Shanghai (UTC+8 all year: China has had no daylight saving since 1991), so a
// fixed offset is exact and needs no time-zone database on the client.
//
// Two kinds of value:
// - a calendar day (成文日期, 印发日期, 报送截止): stored as midnight UTC of that day, and
//   written and read as YYYY-MM-DD without any shifting;
// - an instant (签发, 报送, 公开, an audit entry): its day and time are read in China time.
import type { Translate } from "./i18n/messages";

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD → the stored calendar day. */
export function calendarDay(iso: string): Date {
  if (!ISO_DAY.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new RangeError(`calendarDay: ${iso}`);
  return new Date(`${iso}T00:00:00.000Z`);
}

/** A stored calendar day → YYYY-MM-DD. */
export function isoOfCalendarDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** For a nullable calendar-day column. */
export const isoOfCalendarDayOrNull = (day: Date | null | undefined) => (day ? isoOfCalendarDay(day) : null);

/** The day an instant falls on in China, as YYYY-MM-DD (an action at 00:40 Beijing time is that day, not the day before). */
export function chinaDateOf(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDateOf(now);
}

/** This year in China (the year rolls over at midnight Beijing time, not UTC). */
export function chinaYear(now: Date = new Date()): number {
  return Number(todayInChina(now).slice(0, 4));
}

/** An instant as offices read it, in either language: "2026-12-07 09:30" (China time, 24-hour). */
export function chinaDateTime(instant: Date | string | null | undefined, withSeconds = false): string {
  if (!instant) return "—";
  const shifted = new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}

/** The time of day of an instant in China: "09:30". */
export function chinaClock(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** Whole days from `today` to `due` (both YYYY-MM-DD): positive = days left, 0 = due today, negative = overdue. */
export function daysUntil(due: string, today: string): number {
  const ms = Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`daysUntil: bad date ${due} or ${today}`);
  return Math.round(ms / DAY_MS);
}

export function deadlineLabel(due: string, today: string, t: Translate): { text: string; overdue: boolean } {
  const days = daysUntil(due, today);
  if (days > 0) return { text: t("deadline.left", { days }), overdue: false };
  if (days === 0) return { text: t("deadline.today"), overdue: false };
  // Past a month, a count of days says nothing a date does not say better.
  if (-days > 30) return { text: t("deadline.overdueSince", { date: due }), overdue: true };
  return { text: t("deadline.overdue", { days: -days }), overdue: true };
}
