import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/route";
import { readerLocale } from "@/lib/http/action";
import { readInput } from "@/lib/http/body";
import { saveSection, SaveConflict } from "@/lib/sections/save";
import { saveSectionSchema } from "@/lib/sections/schemas";
import { loadVisibleSection } from "@/lib/policy/visibility";

// 100,000 characters of Chinese are 300 KB in UTF-8; JSON escaping can add more.
const MAX_BODY_BYTES = 1024 * 1024;

type Params = { params: Promise<{ id: string }> };

export function GET(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor }) => {
    const { section } = await loadVisibleSection(db, actor, (await params).id);
    return { id: section.id, version: section.version, heading: section.heading, content: section.content, status: section.status };
  });
}

/** Autosave. POST is accepted too, for a save sent while the page is closing. */
async function save(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const input = await readInput(req, MAX_BODY_BYTES, saveSectionSchema);
    try {
      return await saveSection(db, actor, (await params).id, input, ip);
    } catch (err) {
      if (err instanceof SaveConflict) return NextResponse.json({ code: err.code, error: err.localized(await readerLocale()).message, current: err.current }, { status: 409 });
      throw err;
    }
  });
}

export { save as PUT, save as POST };
