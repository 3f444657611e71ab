// Export speed: our PDF, DOCX and OFD of the demo report warm, against LibreOffice's
// DOCX → PDF of the same report in the same run, and how export time grows with length.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoDocumentModel } from "../../lib/demo/demo-model";
import { renderPdf } from "../../lib/export/pdf";
import { layoutFor } from "../../lib/export/layout";
import { renderDocx } from "../../lib/export/docx";
import { renderOfd } from "../../lib/export/ofd";

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
  const model = demoDocumentModel();
  await renderPdf(model); // load fonts once: the server keeps them
  await renderDocx(model);
  const meta = { author: "上海市宝山区大场镇人民政府", createdOn: "2026-01-01" };
  await renderOfd(model, meta);
  const pdf = await time(() => renderPdf(model), 7);
  const docx = await time(() => renderDocx(model), 7);
  const ofd = await time(() => renderOfd(model, meta), 7);
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
    const m = demoDocumentModel({ repeat });
    const pages = layoutFor(m).length;
    growth.push({ pages, ms: (await time(() => renderPdf(m), 3)).median });
  }
  return { pdf, docx, ofd, libreoffice: lo, ratio: lo.median / pdf.median, growth, pages: layoutFor(model).length };
}
