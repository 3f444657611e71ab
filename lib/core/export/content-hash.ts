// The fingerprint of a signed-off text: title and every numbered section and
// paragraph, in reading order, as the reader sees them. Recorded at 签发; anything
// that changes the text changes it.
import { createHash } from "node:crypto";
import { blockText, bodyBlocks, type ModelInput } from "./model";

function canonicalText(title: string, sections: ModelInput["sections"]): string {
  return [title, ...bodyBlocks(sections).map(blockText)].join("\n");
}

export function contentHash(title: string, sections: ModelInput["sections"]): string {
  return createHash("sha256").update(canonicalText(title, sections)).digest("hex");
}
