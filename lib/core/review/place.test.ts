import { test } from "node:test";
import assert from "node:assert/strict";
import { placeReview } from "./place";
import { reviewSections, sectionText } from "./sections";
import { acceptSuggestions } from "../suggestions/apply";
import type { ReviewedDocument, ReviewParagraph, ReviewSection, ReviewSegment, Revision } from "./types";
import type { Paragraph } from "../text/paragraphs";

const A = { author: "张核稿", date: "2025-03-01T09:00:00Z" };
const B = { author: "李领导", date: "2025-03-02T10:00:00Z" };
const ins = (who: typeof A): Revision => ({ kind: "insert", ...who });
const del = (who: typeof A): Revision => ({ kind: "delete", ...who });
const uploader = { name: "王起草", at: "2025-03-03T08:00:00Z" };
const plain = (text: string): ReviewParagraph => ({ segments: [{ text, change: null }], mark: null });
const joined = (ps: readonly Paragraph[]) => ps.map((p) => p.text).join("\n");
const row = (id: string, parentId: string | null, position: number, heading: string, content: Paragraph[], extra: { kind?: string; runIn?: boolean } = {}) => ({ id, parentId, position, heading, content, ...extra });

/** Each section's text after accepting every draft, and the drafts that did not apply. */
function acceptAll(sections: readonly ReviewSection[], placement: ReturnType<typeof placeReview>) {
  return sections.map((s, i) => {
    const r = acceptSuggestions(s.paragraphs, placement.sections[i].suggestions);
    return { text: joined(r.paragraphs), stale: r.stale.length };
  });
}

test("Word's replacement (4次 → 5次) and a struck phrase become suggestions with Word's author and date", () => {
  const sections = reviewSections([
    row("s1", null, 0, "主要举措", [{ text: "全年召开党委会4次，专题学法2次，效果良好。" }]),
  ]);
  const doc: ReviewedDocument = {
    paragraphs: [
      plain("一、主要举措"),
      {
        segments: [
          { text: "全年召开党委会", change: null },
          { text: "4", change: del(A) },
          { text: "5", change: ins(A) },
          { text: "次，专题学法2次", change: null },
          { text: "，效果良好", change: del(B) },
          { text: "。", change: null },
        ],
        mark: null,
      },
    ],
    comments: [],
    formatRevisions: [],
  };
  const placement = placeReview(sections, doc, uploader);
  const drafts = placement.sections[0].suggestions;
  assert.deepEqual(drafts.map((d) => [d.kind, d.text, d.author, d.date, d.tracked]), [
    ["delete", "4", A.author, A.date, true],
    ["insert", "5", A.author, A.date, true],
    ["delete", "，效果良好", B.author, B.date, true],
  ]);
  assert.deepEqual(acceptAll(sections, placement), [{ text: "全年召开党委会5次，专题学法2次。", stale: 0 }]);
  assert.deepEqual(placement.unplaced, []);
});

test("comments: anchored to their words, replies under their parent, a resolved thread, one on a heading", () => {
  const sections = reviewSections([row("s1", null, 0, "主要举措", [{ text: "坚持依法行政，提升行政效能。" }])]);
  const c = (id: string, paragraph: number, from: number, to: number, parentId: string | null = null, done = false) => ({ id, author: A.author, date: A.date, text: `意见${id}`, paragraph, from, endParagraph: paragraph, to, parentId, done });
  const doc: ReviewedDocument = {
    paragraphs: [plain("区人民政府："), plain("一、主要举措"), plain("　　坚持依法行政，提升行政效能。")],
    comments: [c("1", 2, 4, 8), c("2", 2, 4, 8, "1"), c("3", 2, 11, 15, null, true), c("4", 1, 0, 2), c("5", 0, 0, 3)],
    formatRevisions: [],
  };
  const placement = placeReview(sections, doc, uploader);
  const threads = placement.sections[0].threads;
  assert.equal(threads.length, 3);
  // the paragraph's leading full-width spaces are layout: the offsets still land on the words
  assert.equal(threads[0].anchor?.quote, "依法行政");
  assert.deepEqual(threads[0].comments.map((x) => x.text), ["意见1", "意见2"]);
  assert.equal(threads[0].resolved, false);
  assert.equal(threads[1].anchor?.quote, "行政效能");
  assert.equal(threads[1].resolved, true);
  assert.equal(threads[2].anchor, null);
  assert.deepEqual(placement.unplaced, [{ paragraph: 0, text: "区人民政府：", reason: "noSection" }]);
  assert.deepEqual(placement.sections[0].suggestions, []);
});

test("a revision in a heading is reported, not suggested; a paragraph outside the body with a revision is unplaced", () => {
  const sections = reviewSections([row("i", null, 0, "", [{ text: "导语一段。" }], { kind: "intro" }), row("s1", null, 1, "主要举措", [{ text: "正文。" }])]);
  const doc: ReviewedDocument = {
    paragraphs: [
      { segments: [{ text: "关于", change: null }, { text: "某镇", change: ins(B) }, { text: "2024年的报告", change: null }], mark: null },
      plain("导语一段。"),
      { segments: [{ text: "一、主要", change: null }, { text: "工作", change: ins(A) }, { text: "举措", change: null }], mark: null },
      plain("正文。"),
      plain("某镇人民政府"),
    ],
    comments: [],
    formatRevisions: [],
  };
  const placement = placeReview(sections, doc, uploader);
  assert.deepEqual(placement.unplaced.map((u) => [u.paragraph, u.reason, u.text]), [[0, "noSection", "关于某镇2024年的报告"], [2, "heading", "一、主要工作举措"]]);
  assert.deepEqual(placement.outside, [{ paragraph: 4, text: "某镇人民政府" }]);
  assert.deepEqual(placement.sections.map((s) => s.suggestions.length), [0, 0]);
  assert.deepEqual(placement.missing, []);
});

test("a heading renamed with 修订 off is reported, and its body still placed (a heading on its own line, a run-in one)", () => {
  const sections = reviewSections([
    row("a", null, 0, "主要举措", [{ text: "第一段。" }, { text: "第二段。" }]),
    row("b", null, 1, "深化宣传。", [{ text: "开展宣传12次。" }, { text: "培训2场。" }], { runIn: true }),
    row("c", null, 2, "存在不足", [{ text: "力量薄弱。" }]),
  ]);
  const doc: ReviewedDocument = {
    paragraphs: [
      plain("区人民政府："),
      plain("一、主要工作举措"),
      { segments: [{ text: "第一段", change: null }, { text: "，有补充", change: ins(A) }, { text: "。", change: null }], mark: null },
      plain("第二段。"),
      plain("二、加强法治宣传。开展宣传12次。"),
      { segments: [{ text: "培训", change: null }, { text: "2", change: del(B) }, { text: "3", change: ins(B) }, { text: "场。", change: null }], mark: null },
      plain("三、存在不足"),
      plain("力量薄弱。"),
      plain("某镇人民政府"),
    ],
    comments: [],
    formatRevisions: [],
  };
  const placement = placeReview(sections, doc, uploader, ["区人民政府：", "某镇人民政府"]);
  assert.deepEqual(placement.unplaced.map((u) => [u.paragraph, u.reason]), [[1, "heading"], [4, "heading"]]);
  assert.deepEqual(acceptAll(sections, placement), [
    { text: "第一段，有补充。\n第二段。", stale: 0 },
    { text: "开展宣传12次。\n培训3场。", stale: 0 },
    { text: "力量薄弱。", stale: 0 },
  ]);
  assert.ok(placement.sections.flatMap((s) => s.suggestions).every((d) => d.tracked));
});

test("new paragraphs typed in Word just after a heading (its mark inserted) or just before one start that section or end the one before", () => {
  const sections = reviewSections([row("a", null, 0, "主要举措", [{ text: "第一段。" }]), row("b", null, 1, "存在不足", [{ text: "力量薄弱。" }])]);
  const doc: ReviewedDocument = {
    paragraphs: [
      { segments: [{ text: "一、主要举措", change: null }], mark: ins(A) },
      { segments: [{ text: "新的首段。", change: ins(A) }], mark: null },
      plain("第一段。"),
      { segments: [{ text: "补在末尾的一段。", change: ins(B) }], mark: ins(B) },
      plain("二、存在不足"),
      plain("力量薄弱。"),
    ],
    comments: [],
    formatRevisions: [],
  };
  const placement = placeReview(sections, doc, uploader);
  assert.deepEqual(placement.unplaced, []);
  assert.deepEqual(acceptAll(sections, placement), [{ text: "新的首段。\n第一段。\n补在末尾的一段。", stale: 0 }, { text: "力量薄弱。", stale: 0 }]);
  assert.deepEqual(placement.sections[0].suggestions.map((d) => [d.text, d.author]), [["新的首段。\n", A.author], ["\n补在末尾的一段。", B.author]]);
});

// ——— random reviews: accepting every draft gives the file's text with every revision accepted ———

let seed = 11;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const ALPHABET = "法治政府建设依法行政推进执法监督复议诉讼普法宣传培训会议制度";
const words = (n: number) => Array.from({ length: n }, () => ALPHABET[rand(ALPHABET.length)]).join("");
const sentence = () => `${words(6 + rand(20))}${rand(3) ? "，" + words(4 + rand(8)) : ""}${rand(4) ? "。" : "；"}`;

/** Light untracked edits: a character or two typed or removed. */
function untracked(text: string): string {
  const chars = [...text];
  for (let k = rand(3); k > 0; k--) {
    const at = rand(chars.length);
    if (rand(2)) chars.splice(at, 1);
    else chars.splice(at, 0, words(1 + rand(2)));
  }
  return chars.join("") || "补";
}

/** Tracked edits over a text: the segments, and the text with them accepted. */
function tracked(text: string): { segments: ReviewSegment[]; accepted: string } {
  const segments: ReviewSegment[] = [];
  let accepted = "";
  const push = (t: string, change: Revision | null) => {
    const last = segments.at(-1);
    if (last && last.change === change) last.text += t;
    else segments.push({ text: t, change });
    if (change?.kind !== "delete") accepted += t;
  };
  const chars = [...text];
  const who = [ins(A), del(A), ins(B), del(B)];
  for (let i = 0; i < chars.length; i++) {
    const r = rand(20);
    if (r === 0) push(words(1 + rand(4)), rand(2) ? who[0] : who[2]);
    if (r === 1 || r === 2) {
      const n = 1 + rand(4);
      push(chars.slice(i, i + n).join(""), r === 1 ? who[1] : who[3]);
      i += n - 1;
    } else push(chars[i], null);
  }
  if (!rand(8)) push(words(2), who[0]);
  return { segments, accepted };
}

const FRAME = ["关于某镇2024年法治政府建设情况的报告", "区人民政府：", "某镇人民政府", "2025年2月20日"];
type Op = "none" | "deleteWhole" | "split" | "merge" | "insertAfter";

function randomReview(): { sections: ReviewSection[]; doc: ReviewedDocument; expected: string[] } {
  const para = (): Paragraph => (rand(4) ? { text: sentence() + (rand(2) ? sentence() : "") } : { text: sentence(), level: 3 });
  const body = (n: number) => Array.from({ length: n }, para);
  const rows = [
    row("intro", null, 0, "", body(1 + rand(2)), { kind: "intro" }),
    row("a", null, 1, "主要举措和成效", body(rand(2))),
    row("a1", "a", 0, "坚持党的领导", body(1 + rand(3))),
    row("a2", "a", 1, "深化法治宣传。", body(1 + rand(3)), { runIn: true }),
    row("b", null, 2, "存在的不足", body(1 + rand(3))),
    row("c", null, 3, "下一年度工作安排", body(1 + rand(3))),
  ];
  const sections = reviewSections(rows);
  const paragraphs: ReviewParagraph[] = [plain(FRAME[0]), plain(FRAME[1])];
  const expected: string[] = [];
  sections.forEach((s, si) => {
    const last = si === sections.length - 1;
    const out: string[] = [];
    let joinNext = false;
    const accept = (text: string) => {
      if (joinNext) out[out.length - 1] += text;
      else out.push(text);
    };
    // untracked: a paragraph dropped or one added
    const texts = s.paragraphs.map((p, k) => ({ label: s.labels[k], text: !s.numberedHeading && k === 0 ? p.text : untracked(p.text) }));
    if (texts.length > 2 && !rand(4)) texts.splice(1 + rand(texts.length - 2), 1);
    if (texts.length > 1 && !rand(4)) texts.splice(1 + rand(texts.length), 0, { label: "", text: sentence() });
    let start = 0;
    if (s.numberedHeading && s.runIn) {
      const t = tracked(texts[0].text);
      paragraphs.push({ segments: [{ text: s.numberedHeading, change: null }, ...t.segments], mark: null });
      accept(t.accepted);
      start = 1;
    } else if (s.numberedHeading) paragraphs.push(plain(s.numberedHeading));
    if (!s.runIn && s.numberedHeading && texts.length && !rand(5)) {
      const added = sentence();
      paragraphs.push({ segments: [{ text: added, change: ins(B) }], mark: ins(B) });
      accept(added);
    }
    for (let k = start; k < texts.length; k++) {
      const { label, text } = texts[k];
      const isLast = k === texts.length - 1;
      const prevMerged = joinNext;
      let op: Op = (["none", "none", "none", "deleteWhole", "split", "merge", "insertAfter"] as Op[])[rand(7)];
      if ((op === "merge" && (isLast || (last && isLast))) || (op === "deleteWhole" && (prevMerged || (isLast && k === start)))) op = "none";
      const labelSegment = label ? [{ text: label, change: null }] : [];
      if (op === "deleteWhole") {
        paragraphs.push({ segments: [{ text: label + text, change: del(A) }], mark: del(A) });
        joinNext = false;
        continue;
      }
      if (op === "split" && text.length > 2) {
        const cut = 1 + rand(text.length - 1);
        const left = tracked(text.slice(0, cut));
        const right = tracked(text.slice(cut));
        paragraphs.push({ segments: [...labelSegment, ...left.segments], mark: ins(A) }, { segments: right.segments, mark: null });
        accept(left.accepted);
        joinNext = false;
        accept(right.accepted);
        continue;
      }
      const t = tracked(text);
      paragraphs.push({ segments: [...labelSegment, ...t.segments], mark: op === "merge" ? del(B) : op === "insertAfter" ? ins(A) : null });
      accept(t.accepted);
      joinNext = op === "merge";
      if (op === "insertAfter") {
        const added = sentence();
        paragraphs.push({ segments: [{ text: added, change: ins(A) }], mark: null });
        out.push(added);
      }
    }
    expected.push(out.join("\n"));
  });
  paragraphs.push(plain(FRAME[2]), plain(FRAME[3]));
  return { sections, doc: { paragraphs, comments: [], formatRevisions: [] }, expected };
}

test("random reviews of a report: every section, all drafts accepted, is the file's text with every revision accepted", () => {
  for (let round = 0; round < 500; round++) {
    const { sections, doc, expected } = randomReview();
    const placement = placeReview(sections, doc, uploader, FRAME);
    assert.deepEqual(placement.missing, [], `round ${round}`);
    const got = acceptAll(sections, placement);
    sections.forEach((s, i) => {
      assert.equal(got[i].stale, 0, `round ${round}, ${s.id}`);
      assert.equal(got[i].text, expected[i], `round ${round}, ${s.id}: ${JSON.stringify(sectionText(s))}`);
    });
  }
});

test("a 500-section report: every paragraph retyped, every paragraph written anew, an unrelated file: placed within the step budgets, exactly", () => {
  seed = 23;
  const rows = Array.from({ length: 500 }, (_, i) => row(`s${i}`, null, i, `第${i}项工作${words(6)}`, Array.from({ length: 3 }, () => ({ text: Array.from({ length: 12 }, sentence).join("") }))));
  const sections = reviewSections(rows);
  const expected: string[] = [];
  const paragraphs: ReviewParagraph[] = [plain(FRAME[1])];
  for (const s of sections) {
    paragraphs.push(plain(s.numberedHeading));
    const edited = s.paragraphs.map((p) => untracked(p.text));
    paragraphs.push(...edited.map(plain));
    expected.push(edited.join("\n"));
  }
  paragraphs.push(plain(FRAME[2]));
  const placement = placeReview(sections, { paragraphs, comments: [], formatRevisions: [] }, uploader, FRAME);
  acceptAll(sections, placement).forEach((r, i) => assert.deepEqual(r, { text: expected[i], stale: 0 }));
  // The headings kept, every paragraph written anew: the diffs run out of steps and fall back to whole sentences and paragraphs, still exact.
  const rewritten: ReviewParagraph[] = [plain(FRAME[1])];
  const after: string[] = [];
  for (const s of sections) {
    const texts = s.paragraphs.map(() => Array.from({ length: 12 }, sentence).join(""));
    rewritten.push(plain(s.numberedHeading), ...texts.map(plain));
    after.push(texts.join("\n"));
  }
  rewritten.push(plain(FRAME[2]));
  const anew = placeReview(sections, { paragraphs: rewritten, comments: [], formatRevisions: [] }, uploader, FRAME);
  acceptAll(sections, anew).forEach((r, i) => assert.deepEqual(r, { text: after[i], stale: 0 }));
  // Another text altogether: none of its characters is in the report.
  const other = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏";
  const unrelated = Array.from({ length: 3000 }, () => plain(Array.from({ length: 300 }, () => other[rand(other.length)]).join("")));
  const none = placeReview(sections, { paragraphs: unrelated, comments: [], formatRevisions: [] }, uploader, FRAME);
  assert.equal(none.missing.length, 500);
  assert.equal(none.outside.length, 3000);
});
