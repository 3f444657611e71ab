// OFD (GB/T 33190-2016), the third renderer of the laid-out pages beside the PDF
// writer and the preview. No npm package writes OFD; the format is a zip of small
// XML parts, written in ./package.ts, with font subsets cut by ./subset.ts.
import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { xmlSafeModel, type DocumentModel } from "../../core/export/model";
import type { FontKey, LaidOutPage } from "../../core/export/layout/engine";
import { fontFiles, fontMetrics } from "../fonts";
import { layoutFor } from "../layout";
import { documentXml, Ids, ofdXml, pageXml, publicResXml, type OfdFont, type OfdInfo } from "./package";
import { subsetFont } from "./subset";

export interface OfdMeta {
  /** the issuing office's full name (DocInfo Author) */
  author: string;
  /** YYYY-MM-DD */
  createdOn: string;
  /** the text's content hash, when the report has one */
  contentHash?: string | null;
}

export async function renderOfd(stored: DocumentModel, storedMeta: OfdMeta, laidOut?: LaidOutPage[]): Promise<Buffer> {
  // Old rows may hold what XML cannot (U+FFFF, U+0008): dropped here, so the parts still parse.
  const model = xmlSafeModel(stored);
  const meta = xmlSafeModel(storedMeta);
  const pages = laidOut ? xmlSafeModel(laidOut) : layoutFor(model);
  const files = fontFiles();
  const metrics = fontMetrics(files);
  const ids = new Ids();

  // Each face the pages use, with every character drawn in it.
  const used = new Map<FontKey, string>();
  for (const page of pages) for (const item of page.items) if (item.kind === "text") used.set(item.font, (used.get(item.font) ?? "") + item.text);
  const fontIds = new Map<FontKey, number>();
  const fonts: OfdFont[] = [];
  const zip = new JSZip();
  // OFD.xml first in the zip, where readers look for it.
  const info: OfdInfo = {
    docId: randomUUID().replace(/-/g, ""),
    title: model.draft ? `草稿 - ${model.title}` : model.title,
    author: meta.author,
    createdOn: meta.createdOn,
    creator: "年度报告编审系统 Report Studio",
    custom: [
      ["发文字号", model.header.docNumber ?? "草稿"],
      ...(meta.contentHash ? ([["内容指纹", meta.contentHash]] as [string, string][]) : []),
    ],
  };
  zip.file("OFD.xml", ofdXml(info));
  for (const [key, text] of used) {
    const id = ids.next();
    const bytes = subsetFont(files[key], text);
    const file = `font_${id}.${bytes.subarray(0, 4).toString("latin1") === "OTTO" ? "otf" : "ttf"}`;
    fontIds.set(key, id);
    fonts.push({ key, file });
    zip.file(`Doc_0/Res/${file}`, bytes);
  }

  const pageIds = pages.map(() => ids.next());
  pages.forEach((page, i) => zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, pageXml(page, fontIds, metrics, ids)));
  zip.file("Doc_0/PublicRes.xml", publicResXml(fonts, fontIds));
  zip.file("Doc_0/Document.xml", documentXml(pageIds, ids.max));

  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
