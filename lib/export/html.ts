import type { DocumentModel } from "./model";
export function renderHtml(model: DocumentModel): string {
  return model.title;
}
