// Word's automatic numbering (word/numbering.xml), so that a heading or paragraph
// numbered by a multilevel list comes in with its number, as Word shows it.
// Hand-written: mammoth (a common .docx-to-text reader) drops these numbers,
// and no npm package renders numFmt/lvlText. Pure over the parsed XML elements.
import "server-only";
import { chineseNumeral } from "../../core/outline/outline-numbers";
import { attr, childrenNamed, firstChild, type XmlElement } from "./xml";

export interface ListLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  /** what follows the number: a tab (Word's default), a space, or nothing */
  suffix: string;
  isLgl: boolean;
}

export interface NumberingDefinitions {
  /** numId → abstractNumId */
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, ListLevel>>;
}

const SUFFIX: Record<string, string> = { tab: "\t", space: " ", nothing: "" };

export function readNumbering(root: XmlElement | null): NumberingDefinitions {
  const defs: NumberingDefinitions = { nums: new Map(), abstracts: new Map() };
  if (!root) return defs;
  for (const a of childrenNamed(root, "abstractNum")) {
    const levels = new Map<number, ListLevel>();
    for (const lvl of childrenNamed(a, "lvl")) {
      levels.set(Number(attr(lvl, "ilvl") ?? 0), {
        start: Number(attr(firstChild(lvl, "start"), "val") ?? 1),
        numFmt: attr(firstChild(lvl, "numFmt"), "val") ?? "decimal",
        lvlText: attr(firstChild(lvl, "lvlText"), "val") ?? "",
        suffix: SUFFIX[attr(firstChild(lvl, "suff"), "val") ?? "tab"] ?? "\t",
        isLgl: !!firstChild(lvl, "isLgl"),
      });
    }
    defs.abstracts.set(attr(a, "abstractNumId") ?? "", levels);
  }
  for (const n of childrenNamed(root, "num")) {
    const startOverrides = new Map<number, number>();
    for (const o of childrenNamed(n, "lvlOverride")) {
      const start = attr(firstChild(o, "startOverride"), "val");
      if (start !== null) startOverrides.set(Number(attr(o, "ilvl") ?? 0), Number(start));
    }
    defs.nums.set(attr(n, "numId") ?? "", { abstractId: attr(firstChild(n, "abstractNumId"), "val") ?? "", startOverrides });
  }
  return defs;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const IDEOGRAPH_DIGITS = "〇一二三四五六七八九";

function roman(n: number): string {
  const table: [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A counter value in a numFmt, as Word draws it (the formats these reports use, and the common others). */
function formatNumber(n: number, numFmt: string): string | null {
  switch (numFmt) {
    case "decimal":
    case "decimalHalfWidth":
      return String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2473 + n) : `(${n})`;
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
      return n >= 1 && n <= 9999 ? chineseNumeral(n) : String(n);
    case "ideographDigital":
      return String(n).replace(/\d/g, (d) => IDEOGRAPH_DIGITS[Number(d)]);
    case "upperLetter":
      return LETTERS[(n - 1) % 26].toUpperCase().repeat(Math.floor((n - 1) / 26) + 1);
    case "lowerLetter":
      return LETTERS[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "none":
      return "";
    default:
      // bullets and exotic formats carry no number the text could keep
      return null;
  }
}

/** Word's counters while reading the document in order: one set per abstract list. */
export class ListCounters {
  private readonly counts = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly defs: NumberingDefinitions) {}

  /** The number text (with its suffix) of the next paragraph in list numId at level ilvl; null = not a number. */
  next(numId: string, ilvl: number): { text: string; suffix: string; numFmt: string } | null {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return null;
    const counts = this.counts.get(num.abstractId) ?? [];
    // A w:num with a start override restarts its list where it is first used.
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.startOverrides) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1; // deeper levels start again
    this.counts.set(num.abstractId, counts);
    if (formatNumber(1, level.numFmt) === null) return null;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const def = levels.get(l);
      const value = counts[l] ?? def?.start ?? 1;
      return formatNumber(value, level.isLgl && l < ilvl ? "decimal" : def?.numFmt ?? "decimal") ?? "";
    });
    return { text, suffix: level.suffix, numFmt: level.numFmt };
  }
}
