// A laid-out page as SVG markup, built once per text version and kept with the
// layout (lib/export/service.ts previewEntry): the preview then sends a string per
// page instead of rendering thousands of React elements for every reader.
import type { LaidOutPage } from "./engine";
import { PAGE } from "./geometry";
import { CSS_FAMILIES } from "./faces";
import { esc as escape } from "../escape";

/** The page's drawing, without its <svg> element (which carries the reader's language). */
export function pageSvgBody(page: LaidOutPage): string {
  return page.items
    .map((item) =>
      item.kind === "rule"
        ? `<line x1="${item.x1}" x2="${item.x2}" y1="${item.y}" y2="${item.y}" stroke="${item.color}" stroke-width="${item.width}"></line>`
        : `<text x="${item.x}" y="${item.y}" font-size="${item.size}" fill="${item.color}" letter-spacing="${item.charSpacing}" ` +
          `style="font-family:${escape(CSS_FAMILIES[item.font])};font-weight:${item.font === "title" || item.bold ? 700 : 400};white-space:pre" data-role="${item.role}">${escape(item.text)}</text>`,
    )
    .join("");
}

/** The whole <svg> of a page, labelled for screen readers. */
export function pageSvg(body: string, label: string): string {
  return `<svg role="img" aria-label="${escape(label)}" viewBox="0 0 ${PAGE.width} ${PAGE.height}" class="w-full max-w-[840px] bg-white shadow-md" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}
