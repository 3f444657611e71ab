// The public page for 政务公开: semantic headings and paragraphs, the 发文字号 and
// date, readable on a phone and printable, with nothing but the issued text.
// Everything user-written is escaped; the one stylesheet is inline and named by
// its hash in the page's Content-Security-Policy.
import { createHash } from "node:crypto";
import { xmlSafeModel, type BodyRun, type DocumentModel } from "../core/export/model";

import { esc } from "../core/export/escape";

export const PUBLIC_CSS = `
:root{color-scheme:light}
body{margin:0;background:#f5f5f4;color:#1c1917;font-family:"FangSong","STFangsong","FandolFang","Noto Serif CJK SC",serif;line-height:1.9}
article{max-width:46rem;margin:0 auto;background:#fff;padding:2.5rem 1.25rem 3rem}
.mark{color:#d00;text-align:center;font-size:clamp(1.6rem,6vw,2.6rem);font-weight:700;letter-spacing:.08em;margin:0}
.docno{text-align:center;margin:.8rem 0 0}
hr.red{border:0;border-top:2px solid #d00;margin:.6rem 0 1.6rem}
h1{text-align:center;font-size:clamp(1.3rem,4.5vw,1.75rem);line-height:1.5;font-family:"Noto Serif CJK SC","Songti SC",serif;margin:0 0 1.5rem}
h2,h3,h4,h5{font-size:1.05rem;margin:.4rem 0;text-indent:2em}
h2,.heading1{font-family:"Noto Sans CJK SC","Heiti SC",sans-serif}
h3,.heading2{font-family:"KaiTi","STKaiti","FandolKai",serif;font-weight:400}
h4,h5{font-weight:400}
.bold{font-weight:700}
.mark.joint{display:flex;justify-content:center;align-items:center;gap:.4em;color:#d00;font-size:clamp(1.3rem,5vw,2.2rem);font-weight:700;letter-spacing:.08em}
.mark.joint .names{display:flex;flex-direction:column;text-align:justify;text-align-last:justify}
p{margin:.4rem 0;text-indent:2em;font-size:1.05rem}
p.addressee,p.signatory,p.date{text-indent:0}
.signature{margin-top:2rem;text-align:right}
.signature p{text-indent:0;margin:0}
footer.colophon{margin-top:3rem;border-top:2px solid #000;border-bottom:2px solid #000;font-size:.95rem}
footer.colophon p{text-indent:0;margin:.3rem .8rem;display:flex;justify-content:space-between;gap:1rem}
footer.colophon p+p{border-top:1px solid #000}
section.office h2{text-indent:0;margin:1.6rem 0 .4rem;padding-left:.6rem;border-left:4px solid #d00}
ul.reports{list-style:none;padding:0;margin:0}
ul.reports li{padding:.6rem 0;border-bottom:1px solid #e7e5e4;font-size:1.05rem}
ul.reports a{color:#1c1917;text-decoration:none}
ul.reports a:hover{text-decoration:underline}
ul.reports .meta{display:block;color:#57534e;font-size:.9rem}
p.empty{text-indent:0;color:#57534e}
@media print{body{background:#fff}article{max-width:none;padding:0}a{color:inherit}}
`.trim();

const PUBLIC_CSS_HASH = `'sha256-${createHash("sha256").update(PUBLIC_CSS).digest("base64")}'`;

/** The CSP of a public page: its one stylesheet and nothing else; framed by nobody, or by this origin (the 公开 preview). */
export const publicPageCsp = (frameAncestors: "'none'" | "'self'" = "'none'") =>
  `default-src 'none'; style-src ${PUBLIC_CSS_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`;

const runHtml = (r: BodyRun, runInBold: boolean) => {
  if (r.style === "body") return esc(r.text);
  const cls = r.style === "lead" ? (runInBold ? "lead bold" : "lead") : r.style;
  return `<span class="${cls}">${esc(r.text)}</span>`;
};

/** What the public page adds below the text: how it was published, so a reader can check it. */
export interface Publication {
  publishedOn: string;
  contentHash: string | null;
}

export function renderHtml(stored: DocumentModel, publication?: Publication): string {
  const model = xmlSafeModel(stored); // the public record: no control character from an old row (a parse error in HTML too)
  const body = model.body
    .map((b) => {
      const inner = b.runs.map((r) => runHtml(r, model.style.runInBold)).join("");
      return b.kind === "heading" ? `<h${b.level + 1}>${inner}</h${b.level + 1}>` : `<p>${inner}</p>`;
    })
    .join("\n");
  const mark = model.header.mark;
  const markHtml = mark.names.length > 1
    ? `<div class="mark joint"><span class="names">${mark.names.map((n) => `<span>${esc(n)}</span>`).join("")}</span>${mark.suffix ? `<span class="suffix">${esc(mark.suffix)}</span>` : ""}</div>`
    : `<p class="mark">${esc(mark.names[0] + mark.suffix)}</p>`;
  const c = model.colophon;
  const colophon = c
    ? `<footer class="colophon" aria-label="版记">
${c.copyTo ? `<p>抄送：${esc(c.copyTo)}。</p>` : ""}
<p><span>${esc(c.issuer)}</span><span>${esc(c.issueDate)}印发</span></p>
${c.copies ? `<p><span></span><span>（共印${c.copies}份）</span></p>` : ""}
</footer>`
    : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title>
${model.header.docNumber ? `<meta name="description" content="${esc(model.header.docNumber)} ${esc(model.title)}">` : ""}
${model.draft ? '<meta name="robots" content="noindex"><meta name="keywords" content="草稿">' : ""}
<style>${PUBLIC_CSS}</style>
</head>
<body>
<article>
<header>
${markHtml}
${model.header.docNumber ? `<p class="docno">${esc(model.header.docNumber)}</p>` : ""}
<hr class="red">
<h1>${esc(model.title)}</h1>
</header>
${model.addressee ? `<p class="addressee">${esc(model.addressee)}：</p>` : ""}
${body}
${model.signature ? `<div class="signature">${model.signature.signatories.map((s) => `<p class="signatory">${esc(s)}</p>`).join("")}<p class="date">${esc(model.signature.date)}</p></div>` : ""}
${model.note ? `<p>（${esc(model.note)}）</p>` : ""}
${colophon}
</article>
${publication ? `<aside aria-label="发布信息">
${model.header.docNumber ? `<p>发文字号：${esc(model.header.docNumber)}</p>` : ""}
${model.signature ? `<p>成文日期：${esc(model.signature.date)}</p>` : ""}
<p>发布日期：${esc(publication.publishedOn)}</p>
${publication.contentHash ? `<p>内容指纹（SHA-256）：${esc(publication.contentHash)}</p>` : ""}
</aside>` : ""}
</body>
</html>
`;
}
