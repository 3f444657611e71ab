// Renders export files in a worker thread of this process, one at a time (the export
// queue in service.ts sees to that): the render's CPU and memory stay off the event
// loop that serves pages and saves, a render that runs out of memory ends the worker
// (its heap is capped), not the process, and the worker leaves after a minute unused
// (it holds the parsed fonts).
import "server-only";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import type { DocumentModel } from "../core/export/model";
import type { ReviewMarks } from "../core/review/marked-body";
import type { OfdMeta } from "./ofd";
import type { RenderFormat } from "./render-model";

const IDLE_MS = 60_000;
/** a render of the largest report needs some 500 MB at its peak */
const HEAP_MB = 1024;

let worker: Worker | null = null;
let ready: Promise<Worker> | null = null;
let idle: NodeJS.Timeout | undefined;
let nextId = 0;

function start(): Promise<Worker> {
  // Loaded by path at run time: the bundler must leave the worker's file (and tsx) alone.
  // Turbopack bundles any `new Worker(…)` whose path it can work out, ignore comment or
  // not; Reflect.construct is not that pattern.
  const file = join(process.cwd(), "lib", "export", "render-worker.mjs");
  const w: Worker = Reflect.construct(Worker, [file, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } }]);
  worker = w;
  w.unref();
  ready = new Promise((resolve, reject) => {
    w.once("message", () => resolve(w));
    // A worker that fails (out of memory, say) emits "error", then "exit": the render waiting on it is refused by "exit".
    w.on("error", reject);
  });
  w.on("exit", () => {
    if (worker === w) worker = ready = null;
  });
  return ready;
}

export async function renderInWorker(model: DocumentModel, format: RenderFormat, meta: OfdMeta, marks?: ReviewMarks): Promise<Buffer> {
  clearTimeout(idle);
  const w = await (ready ?? start());
  const id = ++nextId;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const onMessage = (m: { id?: number; body?: Uint8Array; error?: string }) => {
        if (m.id !== id) return;
        done();
        if (m.error !== undefined) reject(new Error(m.error));
        else resolve(Buffer.from(m.body!.buffer, m.body!.byteOffset, m.body!.byteLength));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`export worker stopped (${code})`));
      };
      const done = () => {
        w.off("message", onMessage);
        w.off("exit", onExit);
      };
      w.on("message", onMessage);
      w.on("exit", onExit);
      w.postMessage({ id, model, format, meta, marks });
    });
  } finally {
    idle = setTimeout(() => void worker?.terminate(), IDLE_MS);
    idle.unref();
  }
}
