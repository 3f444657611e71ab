// Tiptap's paragraph with the report's numbering attributes: a paragraph may be
// numbered at level 3 (1．) or 4 (（1）), and open with a run-in heading. The
// numbers are not text: a decoration draws each one from the paragraph's position
// (the same pure function as every export), so they renumber as paragraphs move.
import Paragraph from "@tiptap/extension-paragraph";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";
import { paragraphLabels } from "@/lib/core/outline/outline-numbers";
import type { Paragraph as BodyParagraph } from "@/lib/core/text/paragraphs";
import { splitRunIn } from "@/lib/core/text/paragraphs";

export interface NumberingOptions {
  /** the last numbers used at levels 3 and 4 before this section's text */
  start: { 3: number; 4: number };
}

const key = new PluginKey("report-numbering");

function decorations(doc: PmNode, start: NumberingOptions["start"]): DecorationSet {
  const paragraphs: { pos: number; p: BodyParagraph }[] = [];
  doc.forEach((node, pos) => {
    const level = node.attrs.level === 3 || node.attrs.level === 4 ? node.attrs.level : undefined;
    paragraphs.push({ pos, p: { text: node.textContent, ...(level ? { level } : {}), ...(node.attrs.runIn ? { runIn: true } : {}) } });
  });
  const labels = paragraphLabels(paragraphs.map((x) => x.p), start);
  const out: Decoration[] = [];
  paragraphs.forEach(({ pos, p }, i) => {
    if (!labels[i]) return;
    out.push(
      Decoration.widget(pos + 1, () => {
        const span = document.createElement("span");
        span.className = "paragraph-number";
        span.contentEditable = "false";
        span.textContent = labels[i];
        return span;
      }, { side: -1, key: `n${labels[i]}`, ignoreSelection: true }),
    );
    const { lead } = splitRunIn(p);
    if (lead) out.push(Decoration.inline(pos + 1, pos + 1 + lead.length, { class: "run-in-lead" }));
  });
  return DecorationSet.create(doc, out);
}

export const NumberedParagraph = Paragraph.extend<NumberingOptions & { HTMLAttributes: Record<string, unknown> }>({
  addOptions() {
    return { HTMLAttributes: {}, start: { 3: 0, 4: 0 } };
  },
  addAttributes() {
    return {
      level: {
        default: null,
        parseHTML: (el) => (["3", "4"].includes(el.getAttribute("data-level") ?? "") ? Number(el.getAttribute("data-level")) : null),
        renderHTML: (attrs) => (attrs.level ? { "data-level": String(attrs.level) } : {}),
      },
      runIn: {
        default: false,
        // Enter in a run-in paragraph starts an ordinary numbered one (the number carries on, the lead-in does not).
        keepOnSplit: false,
        parseHTML: (el) => el.hasAttribute("data-run-in"),
        renderHTML: (attrs) => (attrs.runIn ? { "data-run-in": "" } : {}),
      },
    };
  },
  addKeyboardShortcuts() {
    return {
      // Enter on an empty numbered paragraph ends the numbering, as in Word.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        const node = $from.parent;
        if (!empty || node.type.name !== this.name || node.textContent !== "" || !node.attrs.level) return false;
        return editor.commands.updateAttributes(this.name, { level: null, runIn: false });
      },
    };
  },
  addProseMirrorPlugins() {
    const start = this.options.start;
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => decorations(state.doc, start),
          apply: (tr, old) => (tr.docChanged ? decorations(tr.doc, start) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
