// Text pasted into a section that contains numbered headings: each heading becomes
// a sub-section (numbered by position, like every other), its lines its paragraphs.
import "server-only";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { Conflict } from "../core/errors";
import { enforce } from "../policy/enforce";
import { checkAddition } from "./limits";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleSection } from "../policy/visibility";
import { recordAudit } from "../audit/record";
import { id, parseInput, text } from "../core/validation";
import { buildTree, splitLines, toParagraph, type ParsedSection } from "../core/text/parse-text";
import { depthOf } from "../core/outline/tree-shape";
import { MAX_SECTION_CHARS, type Paragraph } from "../core/text/paragraphs";
import { MAX_DEPTH } from "../core/outline/outline-numbers";

export const pasteSchema = z
  .object({ sectionId: id(), text: text().min(1).max(MAX_SECTION_CHARS, "input.pasteTooLong") })
  .strict();

/** Levels deeper than the tree allows fold into their parent's paragraphs. */
function foldDeep(nodes: ParsedSection[], levelsLeft: number): ParsedSection[] {
  return nodes.map((n) => {
    if (levelsLeft > 1) return { ...n, children: foldDeep(n.children, levelsLeft - 1) };
    // A folded heading keeps its words, number and all, as a paragraph of its own.
    const flatten = (c: ParsedSection): ParsedSection["paragraphs"] => [{ text: (c.sourceNumber ?? "") + c.heading }, ...c.paragraphs, ...c.children.flatMap(flatten)];
    return { ...n, paragraphs: [...n.paragraphs, ...n.children.flatMap(flatten)], children: [] };
  });
}

export type PasteInput = z.input<typeof pasteSchema>;

export async function addPastedSubsections(db: Db, actor: Actor, raw: PasteInput, ip?: string) {
  const input = parseInput(pasteSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  await enforce(db, actor, sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "addChild"), { type: "section", id: section.id, officeId: report.officeId });
  if (section.kind === "intro") throw new Conflict("section.introNoChildren");
  const rows = await db.section.findMany({ where: { reportId: report.id, deletedAt: null }, select: { id: true, parentId: true, position: true, kind: true } });
  const depth = depthOf(rows, section.id);
  if (depth >= MAX_DEPTH) throw new Conflict("section.pasteTooDeep", { depth: MAX_DEPTH });
  const { intro, roots } = buildTree(splitLines(input.text), [], { minorHeadings: false });
  const tree = foldDeep(roots, MAX_DEPTH - depth);
  const start = rows.filter((r) => r.parentId === section.id).length;
  await checkAddition(db, report.id, tree);
  let created = 0;
  await db.$transaction(async (tx) => {
    const insert = async (nodes: ParsedSection[], parentId: string, offset: number) => {
      for (const [i, n] of nodes.entries()) {
        const content = n.paragraphs.map(toParagraph);
        const runIn = !!n.runIn && content.length > 0;
        const row = await tx.section.create({
          data: {
            reportId: report.id, parentId, position: offset + i, heading: n.heading, runIn, content, ownerId: section.ownerId,
            status: content.length ? "drafting" : "not_started",
            revisions: { create: { version: 1, heading: n.heading, runIn, content, authorId: actor.userId, note: "粘贴" } },
          },
        });
        created += 1;
        await insert(n.children, row.id, 0);
      }
    };
    await insert(tree, section.id, start);
    await recordAudit(tx as Tx, {
      actorId: actor.userId, actorName: actor.username, action: "section.paste", objectType: "section", objectId: section.id,
      officeId: report.officeId, ip, detail: { after: { subsections: created } },
    });
  });
  const leadingParagraphs: Paragraph[] = (intro?.paragraphs ?? []).map(toParagraph);
  return { created, leadingParagraphs };
}
