import { test } from "node:test";
import assert from "node:assert/strict";
import type { Fonts, LaidOutPage } from "../../core/export/layout/engine";
import { Ids, mm, ofdXml, pageXml } from "./package";

/** Every character 16 pt wide at size 16 (full width), half that for ASCII. */
const fonts: Fonts = { measure: (_f, text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? size / 2 : size), 0) };

const page: LaidOutPage = {
  number: 1,
  items: [
    { kind: "text", role: "body", text: "甲 <乙>", x: 72, y: 144, font: "fang", size: 16, charSpacing: -0.25, color: "#000000" },
    { kind: "text", role: "body", text: "要点。", x: 72, y: 173, font: "fang", size: 16, charSpacing: 0, color: "#000000", bold: true },
    { kind: "rule", role: "redLine", x1: 72, x2: 144, y: 100, width: 1, color: "#FF0000" },
  ],
};

test("points become millimetres to the micrometre", () => {
  assert.equal(mm(72), "25.4");
  assert.equal(mm(16), "5.644");
  assert.equal(mm(0), "0");
});

test("a page: one TextObject per run with DeltaX per character from the layout, spaces and markup escaped, a PathObject per rule, IDs in sequence", () => {
  const ids = new Ids();
  const xml = pageXml(page, new Map([["fang", 1]]), fonts, ids);
  ids.next();
  // Layer, two text objects, one path object: IDs 1–4; the next one handed out is 5.
  assert.equal(ids.max, 5);
  const first = /<ofd:TextCode X="[\d.]+" Y="[\d.]+" DeltaX="([^"]+)">([^<]*)<\/ofd:TextCode>/.exec(xml)!;
  // 甲 (16 − 0.25), space (8 − 0.25), < (8 − 0.25), 乙 (16 − 0.25): four steps for five characters.
  assert.deepEqual(first[1].split(" "), [mm(15.75), mm(7.75), mm(7.75), mm(15.75)]);
  assert.equal(first[2], "甲&#x20;&lt;乙&gt;");
  assert.match(xml, /Stroke="true" LineWidth="0\.169"><ofd:FillColor Value="0 0 0"\/><ofd:StrokeColor Value="0 0 0"\/><ofd:TextCode/);
  assert.match(xml, /<ofd:PathObject ID="\d+" Boundary="25\.4 34\.925 25\.4 0\.706" LineWidth="0\.353" Stroke="true" Fill="false"><ofd:StrokeColor Value="255 0 0"\/>/);
  assert.deepEqual([...xml.matchAll(/ ID="(\d+)"/g)].map((m) => Number(m[1])), [1, 2, 3, 4]);
});

test("DocInfo carries the title, author, date and custom data, escaped", () => {
  const xml = ofdXml({ docId: "a".repeat(32), title: "关于A&B的报告", author: "某镇人民政府", createdOn: "2026-11-30", creator: "x", custom: [["发文字号", "宝大府〔2023〕8号"]] });
  assert.match(xml, /<ofd:Title>关于A&amp;B的报告<\/ofd:Title><ofd:Author>某镇人民政府<\/ofd:Author><ofd:CreationDate>2026-11-30<\/ofd:CreationDate>/);
  assert.match(xml, /<ofd:CustomData Name="发文字号">宝大府〔2023〕8号<\/ofd:CustomData>/);
});
