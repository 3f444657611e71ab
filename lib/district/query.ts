import "server-only";
import { z } from "zod";
import { chinaYear } from "../core/dates";

/** The year a district looks at by default: last year's reports are the ones due. */
const defaultOverviewYear = () => chinaYear() - 1;

export const overviewQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, "input.yearMin").max(2100, "input.yearMax").default(defaultOverviewYear),
  format: z.enum(["json", "csv", "xlsx"], { error: "input.overviewFormat" }).default("json"),
  sort: z.enum(["code", "status", "sections", "parts", "sent", "published", "late", "similarity"]).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
