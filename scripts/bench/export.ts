// Export speed: our PDF and DOCX of the demo report warm, against LibreOffice's
// DOCX → PDF of the same report in the same run, and how export time grows with length.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseReportText } from "../../lib/import/parse-text";
import { toDocumentModel, type DocumentModel } from "../../lib/export/model";
import { renderPdf, layoutFor } from "../../lib/export/pdf";
import { renderDocx } from "../../lib/export/docx";

function demoModel(repeat = 1): DocumentModel {
  const parsed = parseReportText(readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8"));
  const rows: { id: string; parentId: string | null; position: number; kind: string; heading: string; content: string }[] = [];
  const walk = (list: typeof parsed.sections, parentId: string | null) =>
    list.forEach((s, i) => {
      const id = `${parentId ?? "r"}-${i}`;
      rows.push({ id, parentId, position: i, kind: s.kind, heading: s.heading, content: Array(repeat).fill(s.paragraphs.join("\n")).join("\n") });
      walk(s.children, id);
    });
  walk(parsed.sections, null);
  const m = parsed.metadata;
  return toDocumentModel({
    report: { title: m.title!, status: "published", docNumber: m.docNumber!, addressee: null, signatory: "上海市宝山区大场镇人民政府", writtenDate: "2023-02-16", copyTo: null, issuer: m.issuer!, issueDate: m.issueDate!, copies: 9 },
    office: { headerMark: m.headerMark!, fullName: "上海市宝山区大场镇人民政府" },
    sections: rows,
  });
}

async function time(fn: () => Promise<unknown> | unknown, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms.at(-1)! };
}

export async function benchExport() {
  const model = demoModel();
  await renderPdf(model); // load fonts once: the server keeps them
  await renderDocx(model);
  const pdf = await time(() => renderPdf(model), 7);
  const docx = await time(() => renderDocx(model), 7);
  const dir = mkdtempSync(join(tmpdir(), "rs-bench-"));
  writeFileSync(join(dir, "r.docx"), await renderDocx(model));
  const lo = await time(() => {
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, join(dir, "r.docx")], {
      stdio: "ignore",
      env: { ...process.env, FONTCONFIG_FILE: join(process.cwd(), "scripts/fontconfig/fonts.conf") },
    });
  }, 3);
  const growth: { pages: number; ms: number }[] = [];
  for (const repeat of [1, 4, 12]) {
    const m = demoModel(repeat);
    const pages = layoutFor(m).length;
    growth.push({ pages, ms: (await time(() => renderPdf(m), 3)).median });
  }
  return { pdf, docx, libreoffice: lo, ratio: lo.median / pdf.median, growth, pages: layoutFor(model).length };
}
