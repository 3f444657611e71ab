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
      const words = [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1].replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", "#39": "'" })[e]!));
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

function soffice(dir: string, format: string, files: string[]) {
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", format, "--outdir", dir, ...files], {
    env: { ...process.env, FONTCONFIG_FILE: join(process.cwd(), "scripts/fontconfig/fonts.conf") },
    stdio: "ignore",
    timeout: 300_000,
  });
}

/**
 * Where LibreOffice 7.4 reads a paragraph property of our DOCX other than the file says, the
 * copy it converts is corrected for it, property by property, nothing else (the measurements
 * below stay as strict as for our own PDF). Evidence, in LibreOffice's DOCX import
 * (writerfilter/source/dmapper/DomainMapper.cxx):
 *  - w:overflowPunct is read the opposite way from Word and the standard:
 *      case NS_ooxml::LN_CT_PPrBase_overflowPunct:
 *          rContext->Insert(PROP_PARA_IS_HANGING_PUNCTUATION, uno::Any(nIntValue == 0));
 *    Our paragraphs say 0 (no punctuation past the margin), so LibreOffice hangs a closing
 *    mark past the 版心 (29 characters on a line, 5 mm over the edge).
 *  - w:autoSpaceDE and w:autoSpaceDN are ignored (`case NS_ooxml::LN_CT_PPrBase_autoSpaceDE: break;`),
 *    so LibreOffice adds space between Chinese and digits that our paragraphs turn off, and a
 *    line with a year in it holds a character less.
 * The document is read into LibreOffice's own format (.fodt), where these two are
 * style:punctuation-wrap and style:text-autospace; they are set to what our paragraphs
 * say (every one of them says both), and that is converted to PDF.
 */
export function libreOfficePdfs(docxs: Buffer[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "rs-lo-"));
  const names = docxs.map((d, i) => {
    writeFileSync(join(dir, `doc${i}.docx`), d);
    return `doc${i}`;
  });
  soffice(dir, "fodt", names.map((n) => join(dir, `${n}.docx`)));
  for (const n of names) {
    const fodt = readFileSync(join(dir, `${n}.fodt`), "utf8")
      .replace(/style:punctuation-wrap="hanging"/g, 'style:punctuation-wrap="simple"')
      .replace(/style:text-autospace="[^"]*"/g, 'style:text-autospace="none"')
      .replace(/<style:paragraph-properties(?![^>]*style:text-autospace)/g, '<style:paragraph-properties style:text-autospace="none"');
    writeFileSync(join(dir, `${n}.corrected.fodt`), fodt);
  }
  soffice(dir, "pdf", names.map((n) => join(dir, `${n}.corrected.fodt`)));
  return names.map((n) => join(dir, `${n}.corrected.pdf`));
}

/** DOCX → PDF with LibreOffice, the free stand-ins standing in for the official fonts. */
export function libreOfficePdf(docx: Buffer): string {
  return libreOfficePdfs([docx])[0];
}

/** Full-width characters count 1, half-width ones ½: a line's length on the 28-character grid. */
export function gridLength(text: string): number {
  return [...text.replace(/\s/g, "")].reduce((n, c) => n + (/[\x21-\x7e]/.test(c) ? 0.5 : 1), 0);
}
