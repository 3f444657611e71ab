// Pages of the layout engine as SVG: the same positions the PDF is written from,
// drawn with the faces of lib/core/export/layout/faces.ts. The markup of each page is
// built once per text version (lib/core/export/layout/svg.ts) and kept with the layout.
import { pageSvg } from "@/lib/core/export/layout/svg";

/** A server component: the pages are drawn once, not shipped to the browser as data. */
export function LayoutPages({ pages, pageLabel }: { pages: { number: number; svg: string }[]; pageLabel: (n: number) => string }) {
  return (
    <div className="flex flex-col items-center gap-6">
      {pages.map((p) => (
        // The markup is ours, built from escaped text (lib/core/export/layout/svg.ts).
        <div key={p.number} className="contents" dangerouslySetInnerHTML={{ __html: pageSvg(p.svg, pageLabel(p.number)) }} />
      ))}
    </div>
  );
}
