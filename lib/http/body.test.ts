import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readBytes, readJson } from "./body";
import { MAX_UPLOAD_BYTES, uploadTooLarge } from "../import/preview";
import { AppError } from "../core/errors";

/** A request whose body streams in chunks with no Content-Length, as `curl -H 'Transfer-Encoding: chunked'` sends it. */
function chunked(total: number, chunk = 64 * 1024): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return new Request("http://localhost/api/imports/preview", { method: "POST", body, duplex: "half" } as RequestInit);
}

test("a chunked body past the limit is refused as it streams in, whatever length it does not declare", async () => {
  await assert.rejects(readBytes(chunked(MAX_UPLOAD_BYTES + 1), MAX_UPLOAD_BYTES, uploadTooLarge), (e: unknown) => e instanceof AppError && e.code === "import.fileTooLarge");
  assert.equal((await readBytes(chunked(MAX_UPLOAD_BYTES), MAX_UPLOAD_BYTES, uploadTooLarge)).length, MAX_UPLOAD_BYTES);
  await assert.rejects(readJson(chunked(1024 * 1024 + 1), 1024 * 1024), (e: unknown) => e instanceof AppError && e.status === 413 && /请求过大（上限 1024 KB）/.test(e.message) && e.localized("en").message === "The request is too large (at most 1024 KB); nothing was saved.");
});

test("Next buffers a body for proxy.ts only up to proxyClientMaxBodySize, passing on the first bytes: one byte over the upload limit, so a longer upload is always seen as too long", () => {
  const config = createRequire(import.meta.url)("../../next.config.js");
  assert.equal(config.experimental.proxyClientMaxBodySize, MAX_UPLOAD_BYTES + 1);
});
