// How much of a report was carried over from the year before: the share of this year's
// sentences that last year's report has unchanged. Sentences end at 。！？； or a line;
// spaces are ignored, and so is a year written as digits (2023年 → 2024年 is the same
// sentence carried over: assessments count those as copied). Pure.

const SENTENCE_END = /[。！？；!?;\n]+/u;

export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.replace(/\s+/gu, "").replace(/\d{4}(?=年)/gu, "YYYY"))
    .filter((s) => s.length >= 4);
}

/** The share (0–1) of this year's sentences found unchanged in last year's text; 0 for an empty text. */
export function carriedOverShare(thisYear: string, lastYear: string): number {
  const mine = sentencesOf(thisYear);
  if (!mine.length) return 0;
  const before = new Set(sentencesOf(lastYear));
  return mine.filter((s) => before.has(s)).length / mine.length;
}
