// Suggestions from an edit: what changed between the text a reviewer started from and
// the text they ended with, as insertions and deletions anchored in the starting text.
// Used for a Word file edited with 修订 off and for the editor's suggestion mode. The
// diff is bounded (lib/core/text-diff.ts): texts too different for a character diff
// come out as whole replaced sentences or paragraphs, which are still exact.
import { boundedDiff } from "../text-diff";
import { deletionOf, insertionAt, type SuggestionAnchor } from "./anchor";

type Part = ReturnType<typeof boundedDiff>["parts"][number];

const isSurrogate = (c: string) => c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;

/**
 * A change between equal text can often sit one character further on (deleting
 * "。\n依法…提升" or "\n依法…提升。" is the same edit): slide each as far right as it goes, so a
 * removed paragraph takes its line end before it and a sentence keeps its own 。, as Word shows them.
 */
function slideRight(parts: Part[]): Part[] {
  const out = parts.map((p) => ({ ...p }));
  for (let i = 1; i < out.length - 1; i++) {
    const [prev, change, next] = [out[i - 1], out[i], out[i + 1]];
    if (change.type === "equal" || prev.type !== "equal" || next.type !== "equal") continue;
    while (next.text && change.text && next.text[0] === change.text[0] && !isSurrogate(next.text[0])) {
      prev.text += change.text[0];
      change.text = change.text.slice(1) + next.text[0];
      next.text = next.text.slice(1);
    }
  }
  return out;
}

export function suggestionsFromEdit(before: string, after: string): SuggestionAnchor[] {
  if (before === after) return [];
  const out: SuggestionAnchor[] = [];
  let at = 0;
  for (const part of slideRight(boundedDiff(before, after).parts)) {
    if (part.type === "equal") at += part.text.length;
    else if (part.type === "delete") {
      out.push(deletionOf(before, at, at + part.text.length));
      at += part.text.length;
    } else out.push(insertionAt(before, at, part.text));
  }
  return out;
}
