// Reading a JSON request body within a size limit: too big is 413, not JSON is 400.
import { AccessError } from "../auth/guard";

export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AccessError(413, `请求过大（上限 ${Math.round(maxBytes / 1024)} KB），未保存。`);
  const buf = new Uint8Array(await req.arrayBuffer());
  if (buf.byteLength > maxBytes) throw new AccessError(413, `请求过大（上限 ${Math.round(maxBytes / 1024)} KB），未保存。`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new AccessError(400, "请求不是有效的 UTF-8 文本。");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AccessError(400, "请求格式错误（不是有效的 JSON）。");
  }
}
