// Reading an OFD back with readers we did not write: ofd.js (npm, Apache-2.0, the pure
// JavaScript renderer of DLTech21) draws each page in headless Chromium; poppler's
// pdftoppm draws our PDF at the same resolution; the two are compared by their ink.
// The XML parts are read with @xmldom/xmldom for the structural and text checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser } from "@playwright/test";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";

/** Pixels per millimetre both renderers draw at (101.6 dpi). */
export const PX_PER_MM = 4;
const DPI = PX_PER_MM * 25.4;

/** A page as an ink mask: 1 where a pixel is drawn (darker than light grey in any channel), else 0. */
export interface InkPage {
  w: number;
  h: number;
  ink: Uint8Array;
}

const OFD_JS = createRequire(join(process.cwd(), "package.json")).resolve("ofd.js/lib/ofd.umd.min.js");

export async function launchReader(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // The fonts a reader's machine has under the official names: the same stand-ins LibreOffice gets.
    env: { ...process.env, FONTCONFIG_FILE: join(process.cwd(), "scripts/fontconfig/fonts.conf") },
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--font-render-hinting=none"],
  });
}

/** Decodes PNGs in the page (Chromium's own decoder) into ink masks. */
async function inkOf(browser: Browser, pngs: Buffer[]): Promise<InkPage[]> {
  const page = await browser.newPage();
  try {
    const out: InkPage[] = [];
    for (const png of pngs) {
      const r = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        let s = "";
        for (let i = 0; i < data.length; i += 4) s += Math.min(data[i], data[i + 1], data[i + 2]) < 160 ? "1" : "0";
        return { w: img.width, h: img.height, s };
      }, png.toString("base64"));
      out.push({ w: r.w, h: r.h, ink: Uint8Array.from(r.s, (c) => (c === "1" ? 1 : 0)) });
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Every page of an OFD as ofd.js draws it, PX_PER_MM pixels a millimetre. */
export async function ofdJsPages(browser: Browser, ofd: Buffer): Promise<{ pngs: Buffer[]; ink: InkPage[] }> {
  const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 1000, height: 1300 } });
  try {
    await page.setContent("<!doctype html><meta charset=utf-8><body style='margin:0;background:#fff'><div id=pages></div></body>");
    await page.addScriptTag({ path: OFD_JS });
    const count = await page.evaluate(
      async ({ b64, scale }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        // ofd.js's UMD bundle: window.ofd.{parseOfdDocument, renderOfdByScale, setPageScale}
        const ofd = (window as unknown as { ofd: Record<string, (...a: unknown[]) => unknown> }).ofd;
        ofd.setPageScale(scale);
        const res = await new Promise<unknown[]>((resolve, reject) =>
          ofd.parseOfdDocument({ ofd: bytes.buffer, success: resolve, fail: reject }),
        );
        const divs = ofd.renderOfdByScale(res[0]) as HTMLElement[];
        const host = document.getElementById("pages")!;
        divs.forEach((d, i) => {
          d.setAttribute("data-page", String(i + 1));
          d.style.marginBottom = "0";
          host.appendChild(d);
        });
        await document.fonts.ready;
        return divs.length;
      },
      { b64: ofd.toString("base64"), scale: PX_PER_MM },
    );
    const pngs: Buffer[] = [];
    for (let i = 1; i <= count; i++) pngs.push(await page.locator(`[data-page="${i}"]`).screenshot());
    return { pngs, ink: await inkOf(browser, pngs) };
  } finally {
    await page.close();
  }
}

/** Every page of a PDF file as pdftoppm draws it, at the same resolution. */
export async function popplerPages(browser: Browser, pdf: string): Promise<{ pngs: Buffer[]; ink: InkPage[] }> {
  const dir = mkdtempSync(join(tmpdir(), "rs-ofd-pdf-"));
  // Exactly the page in whole pixels, as ofd.js sizes it (pdftoppm would round 840.0x up to 841).
  execFileSync("pdftoppm", ["-r", String(DPI), "-scale-to-x", String(210 * PX_PER_MM), "-scale-to-y", String(297 * PX_PER_MM), "-png", pdf, join(dir, "p")]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith(".png")).sort().map((f) => readFileSync(join(dir, f)));
  return { pngs, ink: await inkOf(browser, pngs) };
}

/** Marks every pixel within `r` pixels (a square) of ink. */
function dilate(p: InkPage, r: number): Uint8Array {
  const { w, h, ink } = p;
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      for (let dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r); dx++) rows[y * w + dx] = 1;
    }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!rows[y * w + x]) continue;
      for (let dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r); dy++) out[dy * w + x] = 1;
    }
  return out;
}

/**
 * How closely two drawings of a page agree: the share of each one's ink that lies within
 * `r` pixels of the other's ink (the smaller of the two shares), and the ink amounts.
 */
export function inkOverlap(a: InkPage, b: InkPage, r = 1) {
  if (a.w !== b.w || Math.abs(a.h - b.h) > 1) return { score: 0, a: 0, b: 0 };
  const h = Math.min(a.h, b.h);
  const da = dilate(a, r);
  const db = dilate(b, r);
  let inA = 0, inB = 0, aNearB = 0, bNearA = 0;
  for (let i = 0; i < a.w * h; i++) {
    if (a.ink[i]) {
      inA++;
      if (db[i]) aNearB++;
    }
    if (b.ink[i]) {
      inB++;
      if (da[i]) bNearA++;
    }
  }
  const score = Math.min(inA ? aNearB / inA : 1, inB ? bNearA / inB : 1);
  return { score, a: inA, b: inB };
}

export async function unzipOfd(ofd: Buffer) {
  const zip = await JSZip.loadAsync(ofd);
  const files = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async("nodebuffer"));
  return files;
}

/** Parses XML; errors and fatal errors (not warnings) go into `errors` when given. */
export const parseXml = (xml: string, errors?: string[]) =>
  new DOMParser({ onError: (level, message) => void (level !== "warning" && errors?.push(message)) }).parseFromString(xml, "text/xml");

/** The text of each page, its TextCodes read in document order. */
export function ofdPageTexts(files: Map<string, Buffer>): string[] {
  const doc = parseXml(files.get("Doc_0/Document.xml")!.toString("utf8"));
  const pages = Array.from(doc.getElementsByTagName("ofd:Page"));
  return pages.map((p) => {
    const content = parseXml(files.get(`Doc_0/${p.getAttribute("BaseLoc")}`)!.toString("utf8"));
    return Array.from(content.getElementsByTagName("ofd:TextCode")).map((t) => t.textContent ?? "").join("");
  });
}

/** The text of one page of a PDF as poppler reads it, in the order the page draws it (-raw), as an OFD page is read. */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"], { maxBuffer: 64 << 20 }).toString();
}
