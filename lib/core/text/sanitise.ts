// The one rule for text a person sends in: which characters cannot be stored. Pure
// (no server imports) so the forms, the server and the export writers share it.
// Refused, never silently changed: the caller names the character and where it is.

/** Why a character is refused. */
export type ForbiddenKind =
  /** half of a UTF-16 pair: a database turns it into U+FFFD, JSON and XML cannot hold it */
  | "loneSurrogate"
  /** invisible controls that reorder what follows when shown (a title, a file name) */
  | "bidiControl"
  /** C0 controls XML 1.0 cannot hold (a DOCX or OFD part with one is not well-formed), and DEL with the C1 controls (U+007F–U+009F, U+0085 a line break to some readers) */
  | "control"
  /** the 66 noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane): not text; XML 1.0 refuses some */
  | "nonCharacter"
  /** tag characters (U+E0000–U+E007F) and interlinear annotation marks (U+FFF9–U+FFFB): they hide text from the reader */
  | "hidden"
  /** tab, line feed or carriage return in a field that is one line */
  | "lineBreak";

export interface Forbidden {
  kind: ForbiddenKind;
  /** 1-based, in characters as a person counts them (code points: 𠀀 is one) */
  position: number;
  codePoint: number;
}

const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]);
const TAB = 0x09, LF = 0x0a, CR = 0x0d;

// The classes both rules are made of: what may be stored (kindOf) and what an XML part may hold (xmlSafe).
/** half of a UTF-16 pair (iterating by code points, a whole pair is one code point above U+FFFF) */
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const isTabOrLineBreak = (cp: number) => cp === TAB || cp === LF || cp === CR;
const isC0Control = (cp: number) => cp < 0x20;

function kindOf(cp: number, multiline: boolean): ForbiddenKind | null {
  if (isSurrogate(cp)) return "loneSurrogate";
  if (isTabOrLineBreak(cp)) return multiline ? null : "lineBreak";
  if (isC0Control(cp) || (cp >= 0x7f && cp <= 0x9f)) return "control";
  if ((cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return "nonCharacter"; // U+FFFE and U+FFFF of every plane
  if ((cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xfff9 && cp <= 0xfffb)) return "hidden";
  if (BIDI.has(cp)) return "bidiControl";
  return null;
}

/** The first character `value` may not hold, or null. Tab, LF and CR pass only when the field is `multiline`. */
export function firstForbidden(value: string, options: { multiline?: boolean } = {}): Forbidden | null {
  const multiline = options.multiline ?? false;
  let position = 0;
  for (const ch of value) {
    position += 1;
    const codePoint = ch.codePointAt(0)!;
    const kind = kindOf(codePoint, multiline);
    if (kind) return { kind, position, codePoint };
  }
  return null;
}

/** U+0008 → "U+0008", 𠀀 → "U+20000". */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Whitespace, zero-width and format characters (U+200B, U+200C, U+200D, U+2060, U+FEFF,
 * U+3000, soft hyphen…), the blank fillers (Hangul fillers, the blank Braille cell) and
 * combining marks with nothing to sit on: a string of only these shows nothing, so it is
 * not a name, a heading, a comment or an opinion.
 */
const INVISIBLE = /^[\s\p{Z}\p{Cc}\p{Cf}\p{M}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** Whether a person reading `value` sees anything at all. */
export function visibleText(value: string): boolean {
  return !INVISIBLE.test(value);
}

/** What XML 1.0 cannot hold: C0 controls but tab, LF and CR; U+FFFE and U+FFFF; lone surrogates. All are refused above. */
const outsideXml = (cp: number) => isSurrogate(cp) || (isC0Control(cp) && !isTabOrLineBreak(cp)) || cp === 0xfffe || cp === 0xffff;

/**
 * What an XML writer may put in a part: `value` without the characters XML 1.0 cannot
 * hold. For text already stored before the rule above: the export drops them rather than
 * write a broken file.
 */
export function xmlSafe(value: string): string {
  let kept = "";
  let dropped = false;
  for (const ch of value) {
    if (outsideXml(ch.codePointAt(0)!)) dropped = true;
    else kept += ch;
  }
  return dropped ? kept : value;
}
