// The fonts an export draws with. By default the free stand-ins installed by
// scripts/ensure-fonts.sh; FONTS_DIR points at an office's licensed fonts
// (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) instead. Loaded once per process.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import type { FontKey, Fonts } from "../core/export/layout/engine";

export interface FontFile {
  path: string;
  /** face inside a .ttc collection */
  postscriptName?: string;
}

const FANDOL = process.env.FANDOL_DIR || "/usr/local/share/fonts/report-studio";
const NOTO = "/usr/share/fonts/opentype/noto";

const STAND_INS: Record<FontKey, FontFile> = {
  fang: { path: join(FANDOL, "FandolFang-Regular.otf") },
  kai: { path: join(FANDOL, "FandolKai-Regular.otf") },
  hei: { path: join(FANDOL, "FandolHei-Regular.otf") },
  title: { path: join(NOTO, "NotoSerifCJK-Bold.ttc"), postscriptName: "NotoSerifCJKsc-Bold" },
  song: { path: join(NOTO, "NotoSerifCJK-Regular.ttc"), postscriptName: "NotoSerifCJKsc-Regular" },
};

/** File names looked for in FONTS_DIR, per role (any of .ttf/.otf). */
const LICENSED: Record<FontKey, string[]> = {
  fang: ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "simfang"],
  kai: ["楷体_GB2312", "KaiTi_GB2312", "楷体", "simkai"],
  hei: ["黑体", "SimHei", "simhei"],
  title: ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXBSJW"],
  song: ["宋体", "SimSun", "simsun"],
};

export { OFFICIAL_NAMES } from "../core/export/layout/faces";

export function fontFiles(env: NodeJS.ProcessEnv = process.env): Record<FontKey, FontFile> {
  const dir = env.FONTS_DIR;
  if (!dir) return STAND_INS;
  const present = existsSync(dir) ? readdirSync(dir) : [];
  const out = { ...STAND_INS };
  for (const key of Object.keys(LICENSED) as FontKey[]) {
    const hit = present.find((f) => LICENSED[key].some((n) => f.toLowerCase().startsWith(n.toLowerCase()) && /\.(ttf|otf)$/i.test(f)));
    if (hit) out[key] = { path: join(dir, hit) };
  }
  return out;
}

function missingFonts(files = fontFiles()): string[] {
  return Object.values(files).filter((f) => !existsSync(f.path)).map((f) => f.path);
}

interface Loaded {
  font: fontkit.Font;
  widths: Map<number, number>;
}

const cache = new Map<string, Loaded>();

function load(file: FontFile): Loaded {
  const key = `${file.path}#${file.postscriptName ?? ""}`;
  let hit = cache.get(key);
  if (!hit) {
    const opened = fontkit.openSync(file.path, file.postscriptName);
    const font = "fonts" in opened ? (opened.getFont(file.postscriptName ?? "") ?? opened.fonts[0]) : opened;
    hit = { font, widths: new Map() };
    cache.set(key, hit);
  }
  return hit;
}

export function loadedFont(key: FontKey, files = fontFiles()) {
  return load(files[key]);
}

const metricsCache = new Map<string, Fonts>();

/** Real advance widths from the font files (per code point, cached); one object per set of files, so layouts can cache by it. */
export function fontMetrics(files = fontFiles()): Fonts {
  const key = JSON.stringify(files);
  const known = metricsCache.get(key);
  if (known) return known;
  const missing = missingFonts(files);
  if (missing.length) {
    throw new Error(`导出所需字体缺失：${missing.join("、")}。请以 root 运行 bash scripts/ensure-fonts.sh，或设置 FONTS_DIR。`);
  }
  const metrics: Fonts = {
    measure(key, text, size) {
      const { font, widths } = load(files[key]);
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        let w = widths.get(cp);
        if (w === undefined) {
          w = font.glyphForCodePoint(cp).advanceWidth;
          widths.set(cp, w);
        }
        units += w;
      }
      return (units / font.unitsPerEm) * size;
    },
  };
  metricsCache.set(key, metrics);
  return metrics;
}
