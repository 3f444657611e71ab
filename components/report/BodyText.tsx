// A section's paragraphs as the reader sees them: the number each takes from its
// position, a run-in heading's lead-in set off, the rest of the text as written.
import type { ParagraphView } from "@/lib/core/text/paragraphs";

export function BodyParagraph({ p, bold, className = "" }: { p: ParagraphView; bold: boolean; className?: string }) {
  return (
    <p className={`doc-text indent-[2em] text-[1.05rem] ${className}`}>
      {p.number || p.lead ? <span className={p.lead && bold ? "font-bold" : ""} data-testid={p.lead ? "run-in-lead" : undefined}>{p.number}{p.lead}</span> : null}
      {p.text}
    </p>
  );
}

export function BodyText({ paragraphs, bold, className }: { paragraphs: readonly ParagraphView[]; bold: boolean; className?: string }) {
  return (
    <>
      {paragraphs.map((p, i) => <BodyParagraph key={i} p={p} bold={bold} className={className} />)}
    </>
  );
}
