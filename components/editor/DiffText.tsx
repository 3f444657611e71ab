import type { DiffSegment } from "@/lib/sections/diff";

/** A character diff for reading: insertions green, deletions struck through in red. */
export function DiffText({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.type === "equal" ? <span key={i}>{s.text}</span> :
        s.type === "insert" ? <ins key={i} className="bg-green-100 no-underline" title="新增">{s.text}</ins> :
        <del key={i} className="bg-red-100" title="删除">{s.text}</del>,
      )}
    </>
  );
}
