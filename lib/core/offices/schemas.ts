import { z } from "zod";
import { line, stored, visible } from "../validation";

const officeCodeSchema = line()
  .trim()
  .regex(/^[a-z0-9-]{2,32}$/, "机关代码只能包含小写字母、数字和连字符（2–32 个字符）。");

export const createOfficeSchema = z
  .object({
    code: officeCodeSchema,
    name: line().trim().min(2, "请输入机关简称。").max(40, "机关简称最多 40 个字符。"),
    fullName: line().trim().min(2, "请输入机关全称。").max(80, "机关全称最多 80 个字符。"),
    headerMark: line().trim().min(2, "请输入发文机关标志。").max(40, "发文机关标志最多 40 个字符。"),
    docCodePrefix: line().trim().min(1, "请输入机关代字。").max(20, "机关代字最多 20 个字符。").check(visible),
    parentCode: officeCodeSchema.optional(),
  })
  .strict();

export type CreateOfficeInput = z.input<typeof createOfficeSchema>;

/** 联合行文: the offices issuing jointly with this one, before it (主办机关 first). */
const jointIssuersSchema = z
  .array(
    z
      .object({
        mark: line().trim().min(2, "请输入联合发文机关在标志中的名称。").max(30, "名称最多 30 个字符。"),
        fullName: line().trim().min(2, "请输入联合发文机关的署名（全称）。").max(80, "全称最多 80 个字符。"),
      })
      .strict(),
  )
  .max(3, "联合发文机关最多 3 个。");

/** As stored: names written before the text rule are read as they are, not dropped. */
const storedJointIssuersSchema = z.array(z.object({ mark: stored(), fullName: stored() }));

/** A stored list, read defensively (anything else means no joint issuing). */
export function asJointIssuers(value: unknown): z.infer<typeof jointIssuersSchema> {
  const parsed = storedJointIssuersSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** How the office issues its reports: jointly with whom, and whether run-in lead-ins are bold. */
export const officeStyleSchema = z
  .object({
    jointIssuers: jointIssuersSchema,
    runInBold: z.boolean(),
  })
  .strict();
export type OfficeStyleInput = z.input<typeof officeStyleSchema>;
