// A reviewed Word file (our 修订稿 edited in Word or WPS, or a town's own file of the same
// report) read for the review import: the body's paragraphs with Word's revisions kept
// apart (not accepted, as the importer and mammoth do), the comments with their ranges,
// replies and resolved state, and the formatting-only revisions. The same bounded
// reading as the importer (lib/import/docx/: entry and byte caps on the package, element,
// paragraph and depth caps on each part, document.xml read a block at a time), and only
// the parts the main part's relationships name.
import "server-only";
import { openPackage, type Package } from "../docx/zip";
import { attr, descendantsNamed, elementChildren, firstChild, parseXml, XmlReader } from "../docx/xml";
import { z } from "zod";
import { id } from "../../core/validation";
import { SECTION_VERSIONS_PROPERTY } from "../../core/review/types";
import { relsOf } from "../docx/rels";
import { hasMacros } from "../docx/read";
import { UnsafeDocxError } from "../docx/unsafe";
import { ReviewBodyReader } from "./body";
import { COMMENT_RELS, readComments, type WordComment } from "./comments";
import type { ReviewComment, ReviewedDocument } from "../../core/review/types";

export async function readReviewedDocx(buffer: Buffer): Promise<ReviewedDocument> {
  let pkg: Package | null = null;
  try {
    pkg = await openPackage(buffer);
    return await readPackage(pkg);
  } finally {
    pkg?.close();
  }
}

async function readPackage(pkg: Package): Promise<ReviewedDocument> {
  if (hasMacros(pkg)) throw new UnsafeDocxError("import.macros");
  const main = (await relsOf(pkg, "")).find((r) => /\/officeDocument$/.test(r.type))?.target ?? "word/document.xml";
  const rels = await relsOf(pkg, main);
  const part = async (re: RegExp) => {
    const target = rels.find((r) => re.test(r.type))?.target;
    const xml = target ? await pkg.read(target) : null;
    return xml ? parseXml(xml) : null;
  };
  const body = new ReviewBodyReader();
  // The body is read one block at a time as the part inflates (document › body › block).
  const xml = new XmlReader({ blockDepth: 2, onBlock: (block, parent) => parent.localName === "body" && body.block(block) });
  const missing = () => new UnsafeDocxError("import.noBody");
  if (!(await pkg.stream(main, (text) => xml.write(text)))) throw missing();
  if (!firstChild(xml.close(), "body")) throw missing();
  body.finish();
  const comments = readComments(await part(COMMENT_RELS.comments), await part(COMMENT_RELS.extended));
  const sectionVersions = await sectionVersionsOf(pkg);
  return { ...(sectionVersions ? { sectionVersions } : {}), paragraphs: body.paragraphs, comments: placed(comments, body), formatRevisions: body.formatRevisions };
}

const versionsSchema = z.record(id(), z.number().int().positive().max(1_000_000_000));

/** Our 修订稿's sections' versions (docProps/custom.xml), if the file carries them and they read as such. */
async function sectionVersionsOf(pkg: Package): Promise<Record<string, number> | null> {
  const target = (await relsOf(pkg, "")).find((r) => /\/custom-properties$/.test(r.type))?.target;
  const xml = target ? await pkg.read(target) : null;
  if (!xml) return null;
  const property = descendantsNamed(parseXml(xml), "property").find((p) => attr(p, "name") === SECTION_VERSIONS_PROPERTY);
  const value = property ? elementChildren(property).map((c) => c.textContent).join("") : "";
  if (!value || value.length > 100_000) return null;
  try {
    const parsed = versionsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Each comment with its range: from its range's start to its end, or at its reference
 * mark when it has no range; a reply written without either, on its parent's range.
 */
function placed(comments: WordComment[], body: ReviewBodyReader): ReviewComment[] {
  const own = (id: string) => {
    const at = body.starts.get(id) ?? body.references.get(id);
    return at ? { at, end: body.ends.get(id) ?? body.references.get(id) ?? at } : null;
  };
  const byId = new Map(comments.map((c) => [c.id, c]));
  return comments.map((c) => {
    let range = own(c.id);
    for (let p = c.parentId, guard = 0; !range && p && guard < comments.length; p = byId.get(p)?.parentId ?? null, guard++) range = own(p);
    const { at, end } = range ?? { at: { paragraph: 0, offset: 0 }, end: { paragraph: 0, offset: 0 } };
    return { ...c, paragraph: at.paragraph, from: at.offset, endParagraph: end.paragraph, to: end.offset };
  });
}
