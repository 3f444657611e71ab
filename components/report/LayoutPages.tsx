// Pages of the layout engine as SVG: the same positions the PDF is written from,
// drawn with the faces of lib/export/layout/faces.ts.
import type { LaidOutPage } from "@/lib/export/layout/engine";
import { PAGE } from "@/lib/export/layout/geometry";
import { CSS_FAMILIES } from "@/lib/export/layout/faces";

/** A server component: the pages are drawn once, not shipped to the browser as data. */
export function LayoutPages({ pages, pageLabel }: { pages: LaidOutPage[]; pageLabel: (n: number) => string }) {
  return (
    <div className="flex flex-col items-center gap-6">
      {pages.map((p) => (
        <svg key={p.number} role="img" aria-label={pageLabel(p.number)} viewBox={`0 0 ${PAGE.width} ${PAGE.height}`}
          className="w-full max-w-[840px] bg-white shadow-md" xmlns="http://www.w3.org/2000/svg">
          {p.items.map((item, i) =>
            item.kind === "rule" ? (
              <line key={i} x1={item.x1} x2={item.x2} y1={item.y} y2={item.y} stroke={item.color} strokeWidth={item.width} />
            ) : (
              <text key={i} x={item.x} y={item.y} fontSize={item.size} fill={item.color} letterSpacing={item.charSpacing}
                style={{ fontFamily: CSS_FAMILIES[item.font], fontWeight: item.font === "title" || item.bold ? 700 : 400, whiteSpace: "pre" }} data-role={item.role}>
                {item.text}
              </text>
            ),
          )}
        </svg>
      ))}
    </div>
  );
}
