import { z } from "zod";
import { line, stored, text, visible } from "../validation";

const officeCodeSchema = line()
  .trim()
  .regex(/^[a-z0-9-]{2,32}$/, "input.officeCodeChars");

export const createOfficeSchema = z
  .object({
    code: officeCodeSchema,
    name: line().trim().min(2, "input.officeNameRequired").max(40, "input.officeNameTooLong"),
    fullName: line().trim().min(2, "input.officeFullNameRequired").max(80, "input.officeFullNameTooLong"),
    headerMark: line().trim().min(2, "input.headerMarkRequired").max(40, "input.headerMarkTooLong"),
    docCodePrefix: line().trim().min(1, "input.docCodePrefixRequired").max(20, "input.docCodePrefixTooLong").check(visible),
    parentCode: officeCodeSchema.optional(),
  })
  .strict();

export type CreateOfficeInput = z.input<typeof createOfficeSchema>;

/** 联合行文: the offices issuing jointly with this one, before it (主办机关 first). */
const jointIssuersSchema = z
  .array(
    z
      .object({
        mark: line().trim().min(2, "input.jointMarkRequired").max(30, "input.jointMarkTooLong"),
        fullName: line().trim().min(2, "input.jointFullNameRequired").max(80, "input.jointFullNameTooLong"),
      })
      .strict(),
  )
  .max(3, "input.jointMax");

/** As stored: names written before the text rule are read as they are, not dropped. */
const storedJointIssuersSchema = z.array(z.object({ mark: stored(), fullName: stored() }));

/** A stored list, read defensively (anything else means no joint issuing). */
export function asJointIssuers(value: unknown): z.infer<typeof jointIssuersSchema> {
  const parsed = storedJointIssuersSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The office's own title terms (标题不拆分的词语), one a line: a few dozen short terms, not prose. */
const titleTermsSchema = text()
  .max(2000, "input.titleTermsTooLong")
  .refine((v) => v.split(/\r?\n/).every((t) => t.trim().length <= 20), "input.titleTermTooLong")
  .refine((v) => v.split(/\r?\n/).filter((t) => t.trim()).length <= 200, "input.titleTermsTooMany");

/** How the office issues its reports: jointly with whom, whether run-in lead-ins are bold, the terms its titles keep whole. */
export const officeStyleSchema = z
  .object({
    jointIssuers: jointIssuersSchema,
    runInBold: z.boolean(),
    titleTerms: titleTermsSchema,
  })
  .strict();
export type OfficeStyleInput = z.input<typeof officeStyleSchema>;
