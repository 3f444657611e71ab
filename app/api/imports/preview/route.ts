import { handleRoute } from "@/lib/http/route";
import { readBytes } from "@/lib/http/body";
import { MAX_UPLOAD_BYTES, uploadTooLarge, previewFile } from "@/lib/import/preview";

/** POST the file's bytes (X-File-Name: its name, URI-encoded): what the import would create; saves nothing. */
export function POST(req: Request) {
  return handleRoute(req, async ({ db, actor }) => {
    const bytes = await readBytes(req, MAX_UPLOAD_BYTES, uploadTooLarge);
    return previewFile(db, actor, req.headers.get("x-file-name") ?? "", bytes);
  });
}
