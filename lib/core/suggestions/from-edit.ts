// Suggestions from an edit: what changed between the text a reviewer started from and
// the text they ended with, as insertions and deletions anchored in the starting text.
// Used for a Word file edited with 修订 off and for the editor's suggestion mode. The
// diff is bounded (lib/core/text-diff.ts): texts too different for a character diff
// come out as whole replaced sentences or paragraphs, which are still exact.
import { boundedDiff } from "../text-diff";
import { deletionOf, insertionAt, type SuggestionAnchor } from "./anchor";

export function suggestionsFromEdit(before: string, after: string): SuggestionAnchor[] {
  if (before === after) return [];
  const out: SuggestionAnchor[] = [];
  let at = 0;
  for (const part of boundedDiff(before, after).parts) {
    if (part.type === "equal") at += part.text.length;
    else if (part.type === "delete") {
      out.push(deletionOf(before, at, at + part.text.length));
      at += part.text.length;
    } else out.push(insertionAt(before, at, part.text));
  }
  return out;
}
