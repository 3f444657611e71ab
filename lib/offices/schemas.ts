import { z } from "zod";

export const officeCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{2,32}$/, "机关代码只能包含小写字母、数字和连字符（2–32 个字符）。");

export const createOfficeSchema = z
  .object({
    code: officeCodeSchema,
    name: z.string().trim().min(2, "请输入机关简称。").max(40, "机关简称最多 40 个字符。"),
    fullName: z.string().trim().min(2, "请输入机关全称。").max(80, "机关全称最多 80 个字符。"),
    headerMark: z.string().trim().min(2, "请输入发文机关标志。").max(40, "发文机关标志最多 40 个字符。"),
    docCodePrefix: z.string().trim().min(1, "请输入机关代字。").max(20, "机关代字最多 20 个字符。"),
    parentCode: officeCodeSchema.optional(),
  })
  .strict();
