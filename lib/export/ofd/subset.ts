// Font subsets for the OFD package, cut by HarfBuzz's hb-subset (harfbuzzjs's wasm
// build). Written against the wasm exports rather than through `subset-font`: that
// package opens face 0 only (our title and 宋体 stand-ins are faces inside .ttc
// collections). The wasm build's memory is fixed at 65 MB, so a font (a .ttc is
// 27 MB) is copied in for one subset and freed after it.
// fontkit's own subsetter writes bare CFF tables, which are not font files a reader
// can load.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as fontkit from "fontkit";
import type { FontFile } from "../fonts";

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

let harfbuzz: HarfBuzz | undefined;
const indexes = new Map<string, number>();
/** Font files read once per process (Node's memory, not the wasm's). */
const fileBytes = new Map<string, Buffer>();

function wasm(): HarfBuzz {
  if (!harfbuzz) {
    // Resolved from the project root at run time, so the server bundle does not try to bundle the wasm file.
    const path = createRequire(join(process.cwd(), "package.json")).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
    const compiled = new WebAssembly.Module(readFileSync(path));
    harfbuzz = new WebAssembly.Instance(compiled, {}).exports as unknown as HarfBuzz;
    harfbuzz._initialize();
  }
  return harfbuzz;
}

/** Which face of a .ttc collection holds `postscriptName` (0 for a single font). */
function faceIndex(file: FontFile): number {
  if (!file.postscriptName) return 0;
  const known = indexes.get(`${file.path}#${file.postscriptName}`);
  if (known !== undefined) return known;
  const opened = fontkit.openSync(file.path);
  if (!("fonts" in opened)) return 0;
  const index = opened.fonts.findIndex((f) => f.postscriptName === file.postscriptName);
  if (index < 0) throw new Error(`字体文件 ${file.path} 中没有 ${file.postscriptName}`);
  indexes.set(`${file.path}#${file.postscriptName}`, index);
  return index;
}

/** An OpenType file holding only the glyphs of `text` (and what their layout needs), names and metrics kept. */
export function subsetFont(file: FontFile, text: string): Buffer {
  const hb = wasm();
  let bytes = fileBytes.get(file.path);
  if (!bytes) fileBytes.set(file.path, (bytes = readFileSync(file.path)));
  const at = hb.malloc(bytes.byteLength);
  if (!at) throw new Error(`字体过大，无法取子集：${file.path}`);
  new Uint8Array(hb.memory.buffer).set(bytes, at);
  const blob = hb.hb_blob_create(at, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const source = hb.hb_face_create(blob, faceIndex(file));
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error("hb_subset_input_create_or_fail failed");
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(source, input);
    if (!subset) throw new Error(`字体子集失败：${file.path}`);
    const result = hb.hb_face_reference_blob(subset);
    try {
      const data = hb.hb_blob_get_data(result, 0);
      const length = hb.hb_blob_get_length(result);
      if (!length) throw new Error(`字体子集为空：${file.path}`);
      return Buffer.from(new Uint8Array(hb.memory.buffer, data, length));
    } finally {
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
    }
  } finally {
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(source);
    hb.free(at);
  }
}
