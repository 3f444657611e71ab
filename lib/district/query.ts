import "server-only";
import { z } from "zod";
import { chinaYear } from "../core/dates";

/** The year a district looks at by default: last year's reports are the ones due. */
const defaultOverviewYear = () => chinaYear() - 1;

export const overviewQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, "年度不早于 2000 年。").max(2100, "年度不晚于 2100 年。").default(defaultOverviewYear),
  format: z.enum(["json", "csv", "xlsx"], { error: "格式应为 json、csv 或 xlsx。" }).default("json"),
  sort: z.enum(["code", "status", "sections", "parts", "sent", "published", "late", "similarity"]).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
