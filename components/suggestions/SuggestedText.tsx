import { suggestedParagraphs } from "@/lib/core/suggestions/segments";
import type { SuggestionView } from "@/lib/core/suggestions/view";
import { chinaDateTime } from "@/lib/core/dates";

/** The section's text with pending suggestions drawn in, each in its author's colour, author and time on hover. */
export function SuggestedText({ text, suggestions, colours }: { text: string; suggestions: SuggestionView[]; colours: Map<string, string> }) {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  return (
    <div data-testid="suggested-text" className="doc-text text-[1.05rem] leading-8">
      {suggestedParagraphs(text, suggestions).map((segments, i) => (
        <p key={i} className="indent-[2em]">
          {segments.map((seg, k) => {
            if (!seg.suggestion) return <span key={k}>{seg.text}</span>;
            const s = byId.get(seg.suggestion.id)!;
            const style = { color: colours.get(s.author) };
            const title = `${s.author} · ${chinaDateTime(s.createdAt)}`;
            return seg.suggestion.kind === "insert" ? (
              <ins key={k} title={title} style={style} className="underline decoration-2" data-suggestion={s.id}>{seg.text}</ins>
            ) : (
              <del key={k} title={title} style={style} className="line-through decoration-2" data-suggestion={s.id}>{seg.text}</del>
            );
          })}
        </p>
      ))}
    </div>
  );
}
