// Reading a JSON request body within a size limit: too big is 413, not JSON is 400;
// readInput parses it with the input's zod schema, as server actions do.
import "server-only";
import type { z } from "zod";
import { Invalid, TooLarge } from "../core/errors";
import { parseInput } from "../core/validation";

export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const buf = await readBytes(req, maxBytes, `请求过大（上限 ${Math.round(maxBytes / 1024)} KB），未保存。`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new Invalid("请求不是有效的 UTF-8 文本。");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("请求格式错误（不是有效的 JSON）。");
  }
}

/** A JSON object body with the route's path parameters, parsed with the input's schema. */
export async function readInput<S extends z.ZodType>(req: Request, maxBytes: number, schema: S, fromPath: Record<string, string> = {}): Promise<z.output<S>> {
  const body = await readJson(req, maxBytes);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Invalid("请求体应为 JSON 对象。");
  return parseInput(schema, { ...body, ...fromPath });
}

/**
 * The raw body, read as it streams in and cut off past `maxBytes` (a client that
 * lies about its length, or sends none, is stopped at the limit, not after).
 */
export async function readBytes(req: Request, maxBytes: number, tooLarge: string): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw new TooLarge(tooLarge);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge(tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
