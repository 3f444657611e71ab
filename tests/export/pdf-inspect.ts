// Reading PDFs back the way a checker would: poppler's pdftotext -bbox-layout for
// text lines and positions, pdftoppm for pixels (red ink), LibreOffice for DOCX → PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PdfLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPages {
  width: number;
  height: number;
  lines: PdfLine[];
  pages: number;
}

export function readLines(pdf: string): PdfPages {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { maxBuffer: 64 << 20 }).toString();
  const lines: PdfLine[] = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const chunk of xml.split(/<page /).slice(1)) {
    page += 1;
    width = Number(/width="([\d.]+)"/.exec(chunk)![1]);
    height = Number(/height="([\d.]+)"/.exec(chunk)![1]);
    for (const m of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      lines.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: words.join("") });
    }
  }
  return { width, height, lines, pages: page };
}

export function plainText(pdf: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 << 20 }).toString();
}

/** One page as RGB pixels (PPM) at `dpi`. */
export function pagePixels(pdf: string, page: number, dpi = 100) {
  const dir = mkdtempSync(join(tmpdir(), "rs-ppm-"));
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), pdf, join(dir, "p")]);
  const file = readdirSync(dir).find((f) => f.endsWith(".ppm"))!;
  const buf = readFileSync(join(dir, file));
  // P6 header: "P6\n<w> <h>\n255\n"
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 50).toString("latin1"))!;
  const w = Number(header[1]);
  const h = Number(header[2]);
  const data = buf.subarray(header[0].length);
  return { w, h, dpi, at: (x: number, y: number) => [data[(y * w + x) * 3], data[(y * w + x) * 3 + 1], data[(y * w + x) * 3 + 2]] as const };
}

const isRed = ([r, g, b]: readonly number[]) => r > 180 && g < 110 && b < 110;

/** Rows (in mm from the page top) holding red ink, with how wide the red run is. */
export function redRows(pdf: string, page = 1) {
  const px = pagePixels(pdf, page);
  const rows: { mm: number; width: number }[] = [];
  for (let y = 0; y < px.h; y++) {
    let count = 0;
    for (let x = 0; x < px.w; x++) if (isRed(px.at(x, y))) count++;
    if (count) rows.push({ mm: (y * 25.4) / px.dpi, width: (count * 25.4) / px.dpi });
  }
  return rows;
}

export function toPng(pdf: string, page: number, out: string, dpi = 60) {
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-png", "-singlefile", pdf, out.replace(/\.png$/, "")]);
}

/** DOCX → PDF with LibreOffice, the free stand-ins standing in for the official fonts. */
export function libreOfficePdf(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "rs-lo-"));
  writeFileSync(join(dir, "report.docx"), docx);
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, join(dir, "report.docx")], {
    env: { ...process.env, FONTCONFIG_FILE: join(process.cwd(), "scripts/fontconfig/fonts.conf") },
    stdio: "ignore",
    timeout: 120_000,
  });
  return join(dir, "report.pdf");
}

/** Full-width characters count 1, half-width ones ½: a line's length on the 28-character grid. */
export function gridLength(text: string): number {
  return [...text.replace(/\s/g, "")].reduce((n, c) => n + (/[\x21-\x7e]/.test(c) ? 0.5 : 1), 0);
}
