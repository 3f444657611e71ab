// Pages of the layout engine as SVG: the same positions the PDF is written from.
// The browser draws with the office's own fonts when the PC has them (仿宋_GB2312 …),
// else the stand-ins or the closest system face.
import type { LaidOutPage } from "@/lib/export/layout/engine";
import { PAGE } from "@/lib/export/layout/geometry";

const FAMILY: Record<string, string> = {
  fang: "仿宋_GB2312, FangSong, STFangsong, FandolFang, 'Noto Serif CJK SC', serif",
  kai: "楷体_GB2312, KaiTi, STKaiti, FandolKai, 'Noto Serif CJK SC', serif",
  hei: "黑体, SimHei, 'Heiti SC', FandolHei, 'Noto Sans CJK SC', sans-serif",
  title: "方正小标宋简体, 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'Songti SC', serif",
  song: "宋体, SimSun, 'Noto Serif CJK SC', serif",
};

export function LayoutPages({ pages }: { pages: LaidOutPage[] }) {
  return (
    <div className="flex flex-col items-center gap-6">
      {pages.map((p) => (
        <svg key={p.number} role="img" aria-label={`第 ${p.number} 页`} viewBox={`0 0 ${PAGE.width} ${PAGE.height}`}
          className="w-full max-w-[840px] bg-white shadow-md" xmlns="http://www.w3.org/2000/svg">
          {p.items.map((item, i) =>
            item.kind === "rule" ? (
              <line key={i} x1={item.x1} x2={item.x2} y1={item.y} y2={item.y} stroke={item.color} strokeWidth={item.width} />
            ) : (
              <text key={i} x={item.x} y={item.y} fontSize={item.size} fill={item.color} letterSpacing={item.charSpacing}
                style={{ fontFamily: FAMILY[item.font], fontWeight: item.font === "title" || item.bold ? 700 : 400, whiteSpace: "pre" }} data-role={item.role}>
                {item.text}
              </text>
            ),
          )}
        </svg>
      ))}
    </div>
  );
}
