import type { DocumentModel } from "./model";
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  void model;
  throw new Error("not yet");
}
