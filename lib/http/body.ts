// Reading a JSON request body within a size limit: too big is 413, not JSON is 400;
// readInput parses it with the input's zod schema, as server actions do.
import "server-only";
import type { z } from "zod";
import { Invalid, TooLarge, type AppError } from "../core/errors";
import { parseInput } from "../core/validation";

export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const buf = await readBytes(req, maxBytes, () => new TooLarge("error.bodyTooLarge", { kb: Math.round(maxBytes / 1024) }));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new Invalid("error.notUtf8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("error.notJson");
  }
}

/** A JSON object body with the route's path parameters, parsed with the input's schema. */
export async function readInput<S extends z.ZodType>(req: Request, maxBytes: number, schema: S, fromPath: Record<string, string> = {}): Promise<z.output<S>> {
  const body = await readJson(req, maxBytes);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Invalid("error.notJsonObject");
  return parseInput(schema, { ...body, ...fromPath });
}

/**
 * The raw body, read as it streams in and cut off past `maxBytes` (a client that
 * lies about its length, or sends none, is stopped at the limit, not after); `tooLarge` is the 413 it gets.
 */
export async function readBytes(req: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
