// The export's worker thread (lib/export/renderer.ts starts it): renders one file at a
// time, so that an app process's event loop never runs a render and its pages and saves
// never wait behind one. Plain JavaScript, loaded by path at run time, outside the
// server's bundle; tsx compiles the renderers' TypeScript (as CommonJS, as the CLI and
// the tests run it) on first use.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/cjs/api";

register();
const { renderModel } = createRequire(import.meta.url)("./render-model.ts");

parentPort.on("message", async ({ id, model, format, meta, marks }) => {
  try {
    const body = await renderModel(model, format, meta, marks);
    parentPort.postMessage({ id, body });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
