import { handleRoute } from "@/lib/http/route";
import { getT } from "@/lib/i18n/server";
import { districtOverview } from "@/lib/district/overview";
import { overviewCsv, overviewXlsx } from "@/lib/district/export";
import { parseInput } from "@/lib/core/validation";
import { overviewQuerySchema } from "@/lib/district/query";

/** GET ?year=&format=json|csv|xlsx: the overview of the district's towns for a year. */
export function GET(req: Request) {
  return handleRoute(req, async ({ db, actor }) => {
    const query = parseInput(overviewQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
    const { district, rows, settings } = await districtOverview(db, actor, query.year);
    if (query.format === "json") return { district: district.code, settings, rows };
    const { t } = await getT();
    const name = t("district.fileName", { district: district.name, year: query.year });
    const file = query.format === "csv"
      ? { body: Buffer.from(overviewCsv(rows, t), "utf8"), type: "text/csv; charset=utf-8" }
      : { body: await overviewXlsx(rows, t, `${query.year}`), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
    return new Response(new Uint8Array(file.body), {
      headers: { "content-type": file.type, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${query.format}`)}`, "cache-control": "no-store" },
    });
  });
}
