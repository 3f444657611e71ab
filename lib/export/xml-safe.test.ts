// Property: whatever an old row holds, every XML part of the DOCX and the OFD parses
// with a strict XML 1.0 parser (saxes), and every allowed character comes across.
// Random strings from a seeded PRNG, mixing ordinary text with each forbidden class.
import { test } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { toDocumentModel, type ModelInput } from "../core/export/model";
import { renderDocx } from "./docx";
import { renderOfd } from "./ofd";
import { renderHtml } from "./html";

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALLOWED = [..."法治政府建设年度报告关于情况一二三四，。、；：“”（）《》—…abcXYZ019", "𠀀", "𠮷", "\u3000"];
const FORBIDDEN = [
  ...Array.from({ length: 9 }, (_, i) => String.fromCharCode(i)), "\u000b", "\u000c",
  ...Array.from({ length: 18 }, (_, i) => String.fromCharCode(0x0e + i)), "\ufffe", "\uffff", "\ud800", "\udbff", "\udc00", "\udfff",
];

function randomText(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = "";
  for (let i = 0; i < n; i++) {
    const pool = rand() < 0.25 ? FORBIDDEN : ALLOWED;
    s += pool[Math.floor(rand() * pool.length)];
  }
  return s;
}

/** A model of random text in every place a person writes into: the 标志, title, 主送, headings, paragraphs, 署名, 版记. */
function randomModel(rand: () => number): { model: ReturnType<typeof toDocumentModel>; written: string[] } {
  const t = (min: number, max: number) => randomText(rand, min, max);
  const report: ModelInput["report"] = {
    title: t(4, 30), status: "issued", docNumber: `宝大府〔2024〕${t(1, 3)}号`, addressee: t(2, 10), signatory: t(3, 12),
    writtenDate: new Date("2024-02-16T00:00:00Z"), copyTo: t(2, 20), issuer: t(3, 15), issueDate: new Date("2024-02-18T00:00:00Z"), copies: 5,
  };
  const office = { headerMark: `${t(2, 8)}文件`, fullName: t(4, 20) };
  const sections: ModelInput["sections"] = [
    { id: "i", parentId: null, position: 0, kind: "intro", heading: "", content: [{ text: t(5, 60) }] },
    { id: "a", parentId: null, position: 1, kind: "heading", heading: t(2, 20), content: [{ text: t(5, 120) }, { text: t(5, 60), level: 3 }] },
  ];
  const model = toDocumentModel({ report, office, sections });
  const written = [report.title, report.docNumber!, report.addressee!, report.signatory!, report.copyTo!, report.issuer!, office.headerMark,
    ...sections.flatMap((s) => [s.heading, ...s.content.map((p) => p.text)])];
  return { model, written };
}

/** Every part that is XML, parsed strictly; the text of all of them. */
async function xmlParts(zipBytes: Buffer): Promise<{ text: string; parts: number }> {
  const zip = await JSZip.loadAsync(zipBytes);
  let text = "";
  let parts = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    parts += 1;
    const xml = new TextDecoder("utf-8", { fatal: true }).decode(await entry.async("uint8array"));
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.on("text", (s) => (text += s));
    parser.write(xml).close();
  }
  return { text, parts };
}

/** Each allowed character written is in the output at least as often (the layout adds its own words, never fewer). */
function allCameAcross(written: string[], out: string, what: string) {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const ch of s) if (ALLOWED.includes(ch) && ch !== "\u3000") m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const have = count(out);
  for (const [ch, n] of count(written.join(""))) assert.ok((have.get(ch) ?? 0) >= n, `${what}: ${ch} ×${n} written, ×${have.get(ch) ?? 0} out`);
  assert.ok(!out.includes("\ufffd"), `${what}: a lone surrogate became U+FFFD`);
}

test("random text with every forbidden class: each DOCX and OFD part parses as XML 1.0, the HTML holds none, and all allowed characters come across", async () => {
  const rand = mulberry32(20_2024);
  for (let i = 0; i < 25; i++) {
    const { model, written } = randomModel(rand);
    assert.ok(written.join("").split("").some((c) => FORBIDDEN.includes(c)), "the case holds forbidden characters");
    const docx = await xmlParts(await renderDocx(model));
    assert.ok(docx.parts > 3);
    allCameAcross(written, docx.text, `docx #${i}`);
    const ofd = await xmlParts(await renderOfd(model, { author: randomText(rand, 3, 10), createdOn: "2024-02-18", contentHash: null }));
    assert.ok(ofd.parts > 3);
    allCameAcross(written, ofd.text, `ofd #${i}`);
    const html = renderHtml(model);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(html), `html #${i}`);
  }
});
