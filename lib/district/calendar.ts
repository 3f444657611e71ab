// The two dates of a report year, set by the district: 报送 (default 1 March) and 公开
// (by 1 April, 第二十四条). Dates are China's calendar days as YYYY-MM-DD. A deadline
// that falls on a weekend stands: the rule says "4月1日之前", and districts set their
// 报送 date knowing the calendar. Pure.
import "server-only";
import { daysUntil } from "../core/dates";

export const defaultSubmitDue = (year: number) => `${year + 1}-03-01`;
export const defaultPublishDue = (year: number) => `${year + 1}-04-01`;

/**
 * Days late: done after the due date (done late), or not done and today past it;
 * 0 when on time or not yet due.
 */
export function daysLate(due: string, done: string | null, today: string): number {
  const end = done ?? today;
  return Math.max(0, -daysUntil(due, end));
}
