// The body of the 修订稿: the report's body as the export writes it, with every pending
// suggestion as a Word revision (inserted and deleted runs; a "\n" in a suggestion is an
// inserted or deleted paragraph mark) and every open comment thread as Word comments on
// its words, replies under the first. Accepting every revision in Word gives the text our
// acceptSuggestions gives; rejecting them all gives the report as it is. Paragraph numbers
// are typed text, as in the official file: a paragraph whose start is deleted with the
// mark before it loses its number with it; numbers after a removed or added numbered
// paragraph are not renumbered in Word (the next export is). Pure.
import { flattenTree, MAX_DEPTH, numberTree } from "../outline/outline-numbers";
import { splitRunIn, type Paragraph } from "../text/paragraphs";
import { locateAnchor, type Anchor } from "../text/comment-anchor";
import { placeAll } from "../suggestions/apply";
import type { SuggestionAnchor } from "../suggestions/anchor";
import type { ModelInput, RunStyle } from "../export/model";

export interface MarkRevision {
  kind: "insert" | "delete";
  author: string;
  /** ISO 8601 to the second, as Word writes w:date */
  date: string;
}

export type MarkedItem = { text: string; style: RunStyle; change: MarkRevision | null } | { comment: number; edge: "start" | "end" };

export interface MarkedBlock {
  kind: "heading" | "paragraph";
  level: 0 | 1 | 2 | 3 | 4;
  items: MarkedItem[];
  /** the paragraph mark inserted or deleted */
  mark: MarkRevision | null;
}

export interface MarkedComment {
  id: number;
  /** the thread's first comment, for a reply */
  parentId?: number;
  author: string;
  date: string;
  text: string;
}

export interface ReviewMarks {
  /** each section's version the file was made from, so that a file read back is compared with the text it was made from */
  versions?: Record<string, number>;
  body: MarkedBlock[];
  comments: MarkedComment[];
  /** suggestions written as revisions */
  written: number;
  /** pending suggestions whose words are gone (stale): not written */
  stale: number;
}

export interface PendingSuggestion extends SuggestionAnchor {
  author: string;
  date: Date | string;
}

export interface OpenThread {
  /** null: on the section as a whole (written at its start) */
  anchor: Anchor | null;
  /** the first comment, then the replies */
  comments: readonly { author: string; date: Date | string; text: string }[];
}

export interface SectionMarks {
  suggestions?: readonly PendingSuggestion[];
  threads?: readonly OpenThread[];
}

/** A date as Word writes it: to the second, in UTC. */
export const wordDate = (d: Date | string): string => new Date(d).toISOString().replace(/\.\d{3}Z$/, "Z");

const headingStyle = (depth: number): RunStyle => `heading${Math.min(depth, MAX_DEPTH) as 1 | 2 | 3 | 4}`;

export function markedBody(sections: ModelInput["sections"], marks: Readonly<Record<string, SectionMarks>>): ReviewMarks {
  const out: ReviewMarks = { body: [], comments: [], written: 0, stale: 0 };
  for (const n of flattenTree(numberTree(sections))) {
    const level = Math.min(n.depth, MAX_DEPTH) as 1 | 2 | 3 | 4;
    const heading = n.node.kind === "intro" ? null : { text: n.label + n.node.heading, style: headingStyle(n.depth) };
    const runIn = !!heading && !!n.node.runIn && n.node.content.length > 0;
    const m = marks[n.node.id] ?? {};
    const { blocks, loose } = sectionBlocks(n.node.content, n.paragraphLabels, runIn ? heading : null, m, out);
    if (heading && !runIn) blocks.unshift({ kind: "heading", level, items: [{ ...heading, change: null }], mark: null });
    if (runIn) blocks[0] = { ...blocks[0], kind: "paragraph", level };
    // Threads whose words are not found, or on the whole section: at the section's start.
    if (loose.length) {
      if (!blocks.length) blocks.push({ kind: "paragraph", level: 0, items: [], mark: null });
      blocks[0].items.unshift(...loose.flatMap((id) => [{ comment: id, edge: "start" as const }, { comment: id, edge: "end" as const }]));
    }
    out.body.push(...blocks);
  }
  return out;
}

/** The comments of a thread, numbered; the edges of their ranges. */
function threadIds(thread: OpenThread, out: ReviewMarks): number[] {
  const ids: number[] = [];
  thread.comments.forEach((c, i) => {
    const id = out.comments.length;
    out.comments.push({ id, ...(i > 0 ? { parentId: ids[0] } : {}), author: c.author, date: wordDate(c.date), text: c.text });
    ids.push(id);
  });
  return ids;
}

/** The section's paragraphs with their revisions and comment ranges, and the comments that have no place in its text. */
function sectionBlocks(paragraphs: readonly Paragraph[], labels: readonly string[], runInHeading: { text: string; style: RunStyle } | null, m: SectionMarks, out: ReviewMarks) {
  const text = paragraphs.map((p) => p.text).join("\n");
  const { placed, stale } = placeAll(text, m.suggestions ?? []);
  out.written += placed.length;
  out.stale += stale.length;
  const deleted: (MarkRevision | null)[] = new Array(text.length).fill(null);
  const inserted = new Map<number, { text: string; change: MarkRevision }[]>();
  for (const { suggestion: s, span } of placed) {
    const change: MarkRevision = { kind: s.kind, author: s.author, date: wordDate(s.date) };
    if (s.kind === "delete") deleted.fill(change, span.from, span.to);
    else inserted.set(span.from, [...(inserted.get(span.from) ?? []), { text: s.text, change }]);
  }
  const edges = new Map<number, { comment: number; edge: "start" | "end" }[]>();
  const loose: number[] = [];
  const addEdge = (at: number, comment: number, edge: "start" | "end") => edges.set(at, [...(edges.get(at) ?? []), { comment, edge }]);
  for (const thread of m.threads ?? []) {
    if (!thread.comments.length) continue;
    const ids = threadIds(thread, out);
    const at = thread.anchor ? locateAnchor(text, thread.anchor) : null;
    if (!at) loose.push(...ids);
    else for (const id of ids) {
      addEdge(at.start, id, "start");
      addEdge(at.end, id, "end");
    }
  }
  return { blocks: new BlockWriter(paragraphs, labels, runInHeading, text, deleted, inserted, edges).write(), loose };
}

/** Walks the section's text once, cutting Word paragraphs at every mark, with runs of one change and one style. */
class BlockWriter {
  private readonly blocks: MarkedBlock[] = [];
  private current: MarkedBlock | null = null;
  private readonly starts: number[] = [0];
  private readonly leadEnds: number[];

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    private readonly labels: readonly string[],
    private readonly runInHeading: { text: string; style: RunStyle } | null,
    private readonly text: string,
    private readonly deleted: (MarkRevision | null)[],
    private readonly inserted: Map<number, { text: string; change: MarkRevision }[]>,
    private readonly edges: Map<number, { comment: number; edge: "start" | "end" }[]>,
  ) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
    // A run-in paragraph's lead-in is set in its own style (the run-in section's first paragraph is not).
    this.leadEnds = paragraphs.map((p, k) => this.starts[k] + (k === 0 && runInHeading ? 0 : splitRunIn(p).lead.length));
  }

  private push(item: MarkedItem) {
    const items = this.current!.items;
    const last = items.at(-1);
    if ("text" in item && last && "text" in last && last.style === item.style && last.change === item.change) last.text += item.text;
    else items.push(item);
  }

  /** Paragraph `k` of the text starts (with its number, deleted when the mark before it is), or a new one (k = -1). */
  private open(k: number, markBefore: MarkRevision | null) {
    const p = this.paragraphs[k];
    this.current = { kind: "paragraph", level: p?.level ?? 0, items: [], mark: null };
    if (k === 0 && this.runInHeading) this.push({ ...this.runInHeading, change: null });
    // An empty paragraph is not written (as in the official file), nor its number.
    const label = p?.text ? (this.labels[k] ?? "") : "";
    if (label && !(k === 0 && this.runInHeading)) this.push({ text: label, style: this.styleAt(this.starts[k], k), change: markBefore });
  }

  private close(mark: MarkRevision | null) {
    const c = this.current!;
    c.mark = mark;
    if (c.items.length || mark) this.blocks.push(c);
    this.current = null;
  }

  private styleAt(at: number, k: number): RunStyle {
    return at < this.leadEnds[k] ? "lead" : "body";
  }

  write(): MarkedBlock[] {
    const { text, deleted, inserted, edges } = this;
    let k = 0;
    this.open(0, null);
    for (let at = 0; at <= text.length; at++) {
      const here = edges.get(at) ?? [];
      for (const e of [...here.filter((x) => x.edge === "end"), ...here.filter((x) => x.edge === "start")]) this.push(e);
      for (const ins of inserted.get(at) ?? []) {
        // Inserted text inside a lead-in takes its style; at its edges, the body's.
        const style = at > this.starts[k] && at < this.leadEnds[k] ? "lead" : "body";
        ins.text.split("\n").forEach((piece, i) => {
          if (i > 0) {
            this.close(ins.change);
            this.open(-1, null);
          }
          if (piece) this.push({ text: piece, style, change: ins.change });
        });
      }
      if (at === text.length) break;
      if (text[at] === "\n") {
        this.close(deleted[at]);
        this.open(++k, deleted[at]);
      } else this.push({ text: text[at], style: this.styleAt(at, k), change: deleted[at] });
    }
    // An empty section's paragraphs are all new: their marks are inserted too, so rejecting leaves nothing.
    if (!text) {
      const change = [...inserted.values()][0]?.[0]?.change ?? null;
      this.close(change);
      this.blocks.forEach((b) => (b.mark = change));
    } else this.close(null);
    return this.blocks;
  }
}
