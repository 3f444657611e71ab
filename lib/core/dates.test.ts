import { test } from "node:test";
import assert from "node:assert/strict";
import { calendarDay, chinaClock, chinaDateOf, chinaDateTime, chinaYear, daysUntil, deadlineLabel, isoOfCalendarDay, todayInChina } from "./dates";
import { translate, type MessageKey, type Params } from "./i18n/messages";

const zh = (key: MessageKey, params?: Params) => translate("zh", key, params);

test("days to the deadline", () => {
  assert.equal(daysUntil("2024-03-01", "2024-02-01"), 29); // a leap year
  assert.equal(daysUntil("2024-03-01", "2024-03-01"), 0);
  assert.equal(daysUntil("2024-03-01", "2024-03-04"), -3);
  assert.deepEqual(deadlineLabel("2024-03-01", "2024-02-20", zh), { text: "距报送截止还有 10 天", overdue: false });
  assert.deepEqual(deadlineLabel("2024-03-01", "2024-03-02", zh), { text: "已逾期 1 天", overdue: true });
  assert.deepEqual(deadlineLabel("2024-03-01", "2026-11-30", zh), { text: "已逾期（报送截止日为 2024-03-01）", overdue: true }, "long overdue: the date, not 1004 days");
});

test("an instant is dated by the China calendar, whatever the server's zone", () => {
  // 00:40 Beijing time on 1 March is 16:40 UTC on 29 February.
  const earlyMorning = new Date("2024-02-29T16:40:00Z");
  assert.equal(chinaDateOf(earlyMorning), "2024-03-01");
  assert.equal(todayInChina(earlyMorning), "2024-03-01");
  assert.equal(chinaDateTime(earlyMorning), "2024-03-01 00:40");
  assert.equal(chinaDateTime("2024-02-29T16:40:05.000Z", true), "2024-03-01 00:40:05");
  assert.equal(chinaClock(earlyMorning), "00:40");
  assert.equal(chinaDateTime(null), "—");
  // 23:59 Beijing time is still the same day; 16:00 UTC is already the next.
  assert.equal(chinaDateOf(new Date("2024-03-01T15:59:59Z")), "2024-03-01");
  assert.equal(chinaDateOf(new Date("2024-03-01T16:00:00Z")), "2024-03-02");
  // The new year starts at midnight Beijing time.
  assert.equal(chinaYear(new Date("2023-12-31T16:30:00Z")), 2024);
});

test("a calendar day is stored and read back without shifting", () => {
  for (const iso of ["2023-02-16", "2024-02-29", "2024-12-31"]) assert.equal(isoOfCalendarDay(calendarDay(iso)), iso);
  assert.throws(() => calendarDay("2024-2-3"), RangeError);
  assert.throws(() => calendarDay("2024-13-45"), RangeError);
});
