// OFD checked three ways, none by our own writer's code: the package's structure as
// GB/T 33190 sets it out (read with xmldom and fontkit), each page as ofd.js draws it
// in Chromium against our PDF as poppler draws it (ink overlap), and each page's text
// from its TextCodes against poppler's text of the same PDF page. Documents: the demo
// report, a 上行文 issued jointly, and the Word corpus of the fidelity checks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import type { Browser } from "@playwright/test";
import type { Document, Element } from "@xmldom/xmldom";
import { renderPdf } from "../../lib/export/pdf";
import { layoutFor } from "../../lib/export/layout";
import { renderOfd } from "../../lib/export/ofd";
import { OFFICIAL_NAMES } from "../../lib/core/export/layout/faces";
import type { DocumentModel } from "../../lib/core/export/model";
import { exportDocuments } from "./documents";
import { inkOverlap, launchReader, ofdJsPages, ofdPageTexts, parseXml, pdfPageText, popplerPages, unzipOfd, PX_PER_MM } from "./ofd-inspect";

const NS = "http://www.ofdspec.org/2016";
const ARTIFACTS = join(process.cwd(), "artifacts/export");
/** Each drawing's ink within 0.25 mm (1 px at 4 px/mm) of the other's, for at least this share of it. */
const MIN_OVERLAP = 0.97;

interface Doc {
  name: string;
  model: DocumentModel;
  pdf: string;
  ofd: Buffer;
  files: Map<string, Buffer>;
}
const docs: Doc[] = [];
let browser: Browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const models = await exportDocuments();
  for (const [name, model] of models) {
    const pages = layoutFor(model);
    const pdf = join(ARTIFACTS, `${name}.pdf`);
    writeFileSync(pdf, await renderPdf(model, pages));
    const ofd = await renderOfd(model, { author: "上海市宝山区大场镇人民政府", createdOn: "2026-11-30", contentHash: "sha256-test" }, pages);
    writeFileSync(join(ARTIFACTS, `${name}.ofd`), ofd);
    docs.push({ name, model, pdf, ofd, files: await unzipOfd(ofd) });
  }
  browser = await launchReader();
});
after(async () => browser?.close());

const children = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const local = (el: Element) => el.localName ?? "";

/** The child elements' names appear in the order the schema's sequence gives (each optional). */
function inSchemaOrder(where: string, el: Element, sequence: string[], problems: string[]) {
  let at = 0;
  for (const c of children(el)) {
    const i = sequence.indexOf(local(c), at);
    if (i < 0) problems.push(`${where}: ${local(c)} out of order or not allowed in ${local(el)}`);
    else at = i;
  }
}

function parseStrict(name: string, xml: string, problems: string[]) {
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = parseXml(xml, errors);
  } catch (err) {
    problems.push(`${name}: ${err instanceof Error ? err.message : err}`);
    return parseXml("<broken/>");
  }
  if (errors.length) problems.push(`${name}: ${errors.join(", ")}`);
  return doc;
}

/** Everything GB/T 33190 asks of the parts we write; the problems found, none for a sound package. */
function structureProblems(files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const xml = new Map<string, Document>();
  for (const [name, bytes] of files) {
    if (!name.endsWith(".xml")) continue;
    const doc = parseStrict(name, bytes.toString("utf8"), problems);
    if (doc.documentElement?.namespaceURI !== NS) problems.push(`${name}: root not in the OFD namespace`);
    xml.set(name, doc);
  }
  const ofd = xml.get("OFD.xml");
  if (!ofd) return [...problems, "OFD.xml missing"];
  const root = ofd.documentElement!;
  if (root.getAttribute("DocType") !== "OFD" || !root.getAttribute("Version")) problems.push("OFD.xml: DocType/Version");
  const body = children(root).find((c) => local(c) === "DocBody");
  if (!body) return [...problems, "OFD.xml: no DocBody"];
  inSchemaOrder("DocBody", body, ["DocInfo", "DocRoot", "Versions", "Signatures"], problems);
  const info = children(body).find((c) => local(c) === "DocInfo")!;
  inSchemaOrder("DocInfo", info, ["DocID", "Title", "Author", "Subject", "Abstract", "CreationDate", "ModDate", "DocUsage", "Cover", "Keywords", "Creator", "CreatorVersion", "CustomDatas"], problems);
  if (!/^[0-9a-f]{32}$/.test(children(info).find((c) => local(c) === "DocID")?.textContent ?? "")) problems.push("DocID is not a 32-digit UUID");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(children(info).find((c) => local(c) === "CreationDate")?.textContent ?? "")) problems.push("CreationDate is not xs:date");
  const rootPath = children(body).find((c) => local(c) === "DocRoot")?.textContent ?? "";
  const document = xml.get(rootPath);
  if (!document) return [...problems, `DocRoot ${rootPath} missing`];
  const base = rootPath.slice(0, rootPath.lastIndexOf("/") + 1);
  const docEl = document.documentElement!;
  inSchemaOrder("Document", docEl, ["CommonData", "Pages", "Outlines", "Permissions", "Actions", "VPreferences", "Bookmarks", "Annotations", "CustomTags", "Attachments", "Extensions"], problems);
  const common = children(docEl).find((c) => local(c) === "CommonData")!;
  inSchemaOrder("CommonData", common, ["MaxUnitID", "PageArea", "PublicRes", "DocumentRes", "TemplatePage", "DefaultCS"], problems);
  const maxUnitId = Number(children(common).find((c) => local(c) === "MaxUnitID")?.textContent);
  const box = document.getElementsByTagNameNS(NS, "PhysicalBox")[0]?.textContent;
  if (box !== "0 0 210 297") problems.push(`PhysicalBox ${box}`);

  // IDs: unique positive integers, none above MaxUnitID.
  const ids = new Set<number>();
  for (const [name, doc] of xml) {
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      if (!el.hasAttribute("ID")) continue;
      const id = Number(el.getAttribute("ID"));
      if (!Number.isInteger(id) || id < 1) problems.push(`${name}: ID ${el.getAttribute("ID")}`);
      if (ids.has(id)) problems.push(`${name}: ID ${id} used twice`);
      if (id > maxUnitId) problems.push(`${name}: ID ${id} above MaxUnitID ${maxUnitId}`);
      ids.add(id);
    }
  }

  // Fonts: each named as Word and WPS name it, its file present, a subset holding every character drawn in it.
  const fonts = new Map<string, { name: string; font: fontkit.Font }>();
  for (const resEl of children(common).filter((c) => local(c) === "PublicRes" || local(c) === "DocumentRes")) {
    const resPath = base + resEl.textContent;
    const res = xml.get(resPath);
    if (!res) {
      problems.push(`${resPath} missing`);
      continue;
    }
    const resBase = base + (res.documentElement!.getAttribute("BaseLoc") ?? "") + "/";
    for (const f of Array.from(res.getElementsByTagNameNS(NS, "Font"))) {
      const name = f.getAttribute("FontName") ?? "";
      if (!Object.values(OFFICIAL_NAMES).includes(name)) problems.push(`font name ${name} is not an official one`);
      const fileName = resBase + (f.getElementsByTagNameNS(NS, "FontFile")[0]?.textContent ?? "");
      const bytes = files.get(fileName);
      if (!bytes) {
        problems.push(`font file ${fileName} missing`);
        continue;
      }
      const font = fontkit.create(bytes) as fontkit.Font;
      if (font.numGlyphs > 2000) problems.push(`${fileName}: ${font.numGlyphs} glyphs, not a subset`);
      fonts.set(f.getAttribute("ID")!, { name, font });
    }
  }

  const pages = Array.from(docEl.getElementsByTagNameNS(NS, "Page"));
  if (!pages.length) problems.push("no pages");
  for (const p of pages) {
    const path = base + p.getAttribute("BaseLoc");
    const page = xml.get(path);
    if (!page) {
      problems.push(`page ${path} missing`);
      continue;
    }
    inSchemaOrder(path, page.documentElement!, ["Template", "PageRes", "Area", "Content", "Actions"], problems);
    for (const t of Array.from(page.getElementsByTagNameNS(NS, "TextObject"))) {
      inSchemaOrder(`${path} TextObject`, t, ["Actions", "Clips", "FillColor", "StrokeColor", "CGTransform", "TextCode"], problems);
      if (!t.getAttribute("Boundary") || !t.getAttribute("Size")) problems.push(`${path}: TextObject ${t.getAttribute("ID")} without Boundary or Size`);
      const font = fonts.get(t.getAttribute("Font") ?? "");
      if (!font) {
        problems.push(`${path}: TextObject ${t.getAttribute("ID")} refers to no font`);
        continue;
      }
      for (const code of Array.from(t.getElementsByTagNameNS(NS, "TextCode"))) {
        const chars = [...(code.textContent ?? "")];
        const deltas = (code.getAttribute("DeltaX") ?? "").split(" ").filter(Boolean);
        if (chars.length > 1 && deltas.length !== chars.length - 1) problems.push(`${path}: DeltaX has ${deltas.length} steps for ${chars.length} characters`);
        if (code.getAttribute("X") === null || code.getAttribute("Y") === null) problems.push(`${path}: TextCode without X/Y`);
        for (const ch of chars) if (ch.trim() && !font.font.characterSet.includes(ch.codePointAt(0)!)) problems.push(`${path}: ${ch} not in the embedded ${font.name}`);
      }
    }
    for (const pth of Array.from(page.getElementsByTagNameNS(NS, "PathObject"))) {
      inSchemaOrder(`${path} PathObject`, pth, ["Actions", "Clips", "StrokeColor", "FillColor", "AbbreviatedData"], problems);
      if (!pth.getAttribute("Boundary")) problems.push(`${path}: PathObject without Boundary`);
    }
  }
  return problems;
}

test("structure: every part parses in the OFD namespace, elements in the standard's order, IDs unique and within MaxUnitID, references resolve, fonts embedded as subsets", () => {
  assert.ok(docs.length >= 11, `${docs.length} documents`);
  for (const d of docs) assert.deepEqual(structureProblems(d.files), [], d.name);
  const demo = docs[0];
  const info = parseXml(demo.files.get("OFD.xml")!.toString("utf8"));
  assert.equal(info.getElementsByTagNameNS(NS, "Title")[0].textContent, demo.model.title);
  assert.equal(info.getElementsByTagNameNS(NS, "Author")[0].textContent, "上海市宝山区大场镇人民政府");
  const custom = Object.fromEntries(Array.from(info.getElementsByTagNameNS(NS, "CustomData")).map((c) => [c.getAttribute("Name"), c.textContent]));
  assert.deepEqual(custom, { 发文字号: "宝大府〔2023〕8号", 内容指纹: "sha256-test" });
  const fontNames = Array.from(parseXml(demo.files.get("Doc_0/PublicRes.xml")!.toString("utf8")).getElementsByTagNameNS(NS, "Font")).map((f) => f.getAttribute("FamilyName"));
  for (const name of ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"]) assert.ok(fontNames.includes(name), `${name} among ${fontNames.join("、")}`);
});

test("the structural check fails a broken package (an ID past MaxUnitID, a missing font file)", () => {
  const files = new Map(docs[0].files);
  files.set("Doc_0/Document.xml", Buffer.from(files.get("Doc_0/Document.xml")!.toString("utf8").replace(/<ofd:MaxUnitID>\d+/, "<ofd:MaxUnitID>3")));
  const font = [...files.keys()].find((k) => k.startsWith("Doc_0/Res/"))!;
  files.delete(font);
  const problems = structureProblems(files);
  assert.ok(problems.some((p) => /above MaxUnitID 3/.test(p)), problems.slice(0, 3).join("; "));
  assert.ok(problems.some((p) => p.includes(`font file ${font} missing`)), problems.slice(0, 3).join("; "));
});

test("ofd.js draws every page where poppler draws our PDF: the same page count, and each page's ink within 0.25 mm of the other's", async () => {
  for (const d of docs) {
    const ours = await popplerPages(browser, d.pdf);
    const read = await ofdJsPages(browser, d.ofd);
    assert.equal(read.ink.length, ours.ink.length, `${d.name}: ${read.ink.length} pages in ofd.js, ${ours.ink.length} in our PDF`);
    for (let i = 0; i < read.ink.length; i++) {
      const { score, a, b } = inkOverlap(read.ink[i], ours.ink[i], 1);
      assert.ok(a > 0 && b > 0, `${d.name} p${i + 1}: a blank page`);
      assert.ok(score >= MIN_OVERLAP, `${d.name} p${i + 1}: ink overlap ${score.toFixed(4)} < ${MIN_OVERLAP}`);
    }
    if (d.name === "demo" || d.name === "upward-joint") {
      for (const [i, which] of [[0, "first"], [read.pngs.length - 1, "last"]] as const) {
        writeFileSync(join(ARTIFACTS, `${d.name}-ofdjs-${which}.png`), read.pngs[i]);
        writeFileSync(join(ARTIFACTS, `${d.name}-poppler-${which}.png`), ours.pngs[i]);
      }
    }
  }
});

test("the measure can fail: a page against the next page, and a page moved 0.5 mm, fall below the threshold", async () => {
  const d = docs[0];
  const ours = await popplerPages(browser, d.pdf);
  const read = await ofdJsPages(browser, d.ofd);
  assert.ok(inkOverlap(read.ink[1], ours.ink[2], 1).score < MIN_OVERLAP);
  const moved = { ...read.ink[1], ink: new Uint8Array(read.ink[1].ink.length) };
  const dy = 0.5 * PX_PER_MM;
  moved.ink.set(read.ink[1].ink.subarray(0, moved.ink.length - dy * moved.w), dy * moved.w);
  assert.ok(inkOverlap(moved, ours.ink[1], 1).score < MIN_OVERLAP);
});

test("each page's text, its TextCodes in order, is the PDF's text of that page", () => {
  for (const d of docs) {
    const texts = ofdPageTexts(d.files);
    texts.forEach((text, i) => {
      const pdf = pdfPageText(d.pdf, i + 1).replace(/\s/g, "");
      assert.equal(text.replace(/\s/g, ""), pdf, `${d.name} p${i + 1}`);
    });
  }
});
