// The document laid out with the installed fonts' metrics: the pure layout (lib/core/export/layout) bound to
// lib/export/fonts. Every renderer (PDF, OFD, the page previews) takes its pages from here.
import type { DocumentModel } from "../core/export/model";
import { layoutDocument } from "../core/export/layout/engine";
import { fontMetrics } from "./fonts";

export function layoutFor(model: DocumentModel) {
  return layoutDocument(model, fontMetrics());
}
