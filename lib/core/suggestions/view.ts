// A pending suggestion as pages and the API show it. Pure.
import type { Span } from "./anchor";

export interface SuggestionView {
  id: string;
  sectionId: string;
  kind: "insert" | "delete";
  text: string;
  prefix: string;
  suffix: string;
  author: string;
  authorId: string | null;
  source: string;
  createdAt: string;
  /** where it applies in the section's current text; null when stale */
  at: Span | null;
  stale: boolean;
}
