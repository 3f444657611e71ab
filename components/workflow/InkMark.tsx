import { INK_ASPECT, inkPath } from "@/lib/core/workflow/ink";
import type { InkStroke } from "@/lib/core/export/issue-form";

/** A step's handwritten mark, inline: the strokes as one SVG path (no image, no script). */
export function InkMark({ ink, label }: { ink: InkStroke[]; label: string }) {
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${100 * INK_ASPECT} 100`} className="block h-12 w-36 rounded border border-stone-200 bg-amber-50" data-testid="ink-mark">
      <path d={inkPath(ink)} fill="none" stroke="#1a1a1a" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
