import { z } from "zod";
import { id as idOf, line, text, visible } from "../core/validation";
import { MAX_HEADING_CHARS, paragraphsSchema } from "../core/text/paragraphs";

const id = idOf();
const version = z.number({ error: "input.baseVersionMissing" }).int().positive().max(1_000_000_000);

export const saveSectionSchema = z
  .object({
    baseVersion: version,
    content: paragraphsSchema,
    heading: line().max(MAX_HEADING_CHARS, "input.headingTooLong").check(visible).optional(),
    /** the heading runs in with the first paragraph (一、/（一） headings only) */
    runIn: z.boolean().optional(),
    note: text().max(200).optional(),
  })
  .strict();
export type SaveSectionInput = z.input<typeof saveSectionSchema>;

export const addSectionSchema = z
  .object({
    reportId: id,
    parentId: id.nullable(),
    heading: line().trim().min(1, "input.headingRequired").max(MAX_HEADING_CHARS, "input.headingTooLong").check(visible),
    /** insert after this sibling; absent = at the end */
    afterId: id.optional(),
  })
  .strict();

export const moveSectionSchema = z
  .object({ sectionId: id, parentId: id.nullable(), position: z.number().int().min(0).max(10_000) })
  .strict();

export const sectionIdSchema = z.object({ sectionId: id }).strict();
export const assignOwnerSchema = z.object({ sectionId: id, ownerId: id.nullable() }).strict();
export const restoreRevisionSchema = z.object({ sectionId: id, revisionId: id, baseVersion: version }).strict();
export const planItemSchema = z
  .object({
    itemId: id,
    outcome: z.enum(["pending", "done", "partly", "dropped"], { error: "input.outcomeRequired" }),
    note: text().max(2000, "input.noteTooLong"),
  })
  .strict();

export type AddSectionInput = z.input<typeof addSectionSchema>;
export type MoveSectionInput = z.input<typeof moveSectionSchema>;
export type SectionIdInput = z.input<typeof sectionIdSchema>;
export type AssignOwnerInput = z.input<typeof assignOwnerSchema>;
export type RestoreRevisionInput = z.input<typeof restoreRevisionSchema>;
export type PlanItemInput = z.input<typeof planItemSchema>;
