import { z } from "zod";
import { id as idOf, line } from "../core/validation";
import { paragraphsSchema } from "../core/text/paragraphs";

const id = idOf();

/** The reviewer's whole proposal for a section in 修订 mode: the text as they would have it, against the version they read. */
export const proposeSchema = z
  .object({
    sectionId: id,
    baseVersion: z.number({ error: "input.baseVersionMissing" }).int().positive().max(1_000_000_000),
    content: paragraphsSchema,
  })
  .strict();
export type ProposeInput = z.input<typeof proposeSchema>;

export const decideOneSchema = z.object({ suggestionId: id, action: z.enum(["accept", "reject"]) }).strict();
export type DecideOneInput = z.input<typeof decideOneSchema>;

/** All of a report's, of one section, or of one author (an id or the name shown). */
export const decideAllSchema = z
  .object({ reportId: id, action: z.enum(["acceptAll", "rejectAll"]), sectionId: id.optional(), author: line().max(100).optional() })
  .strict();
export type DecideAllInput = z.input<typeof decideAllSchema>;
