// The five faces of a 公文 by role, as each output names them: the official names
// a DOCX asks Word/WPS for (never embedded), and the CSS stacks the preview and the
// web page draw with (the office's fonts when the PC has them, else the stand-ins).
// Pure data, so the browser's preview can import it; the font files are in ../fonts.ts.
import type { FontKey } from "./engine";

export const OFFICIAL_NAMES: Record<FontKey, string> = {
  fang: "仿宋_GB2312",
  kai: "楷体_GB2312",
  hei: "黑体",
  title: "方正小标宋简体",
  song: "宋体",
};

export const CSS_FAMILIES: Record<FontKey, string> = {
  fang: "仿宋_GB2312, FangSong, STFangsong, FandolFang, 'Noto Serif CJK SC', serif",
  kai: "楷体_GB2312, KaiTi, STKaiti, FandolKai, 'Noto Serif CJK SC', serif",
  hei: "黑体, SimHei, 'Heiti SC', FandolHei, 'Noto Sans CJK SC', sans-serif",
  title: "方正小标宋简体, 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'Songti SC', serif",
  song: "宋体, SimSun, 'Noto Serif CJK SC', serif",
};
