// The export's worker thread (lib/export/renderer.ts starts it): renders one file at a
// time, so that an app process's event loop never runs a render and its pages and saves
// never wait behind one. Plain JavaScript, loaded by path at run time, outside the
// server's bundle; tsx compiles the renderers' TypeScript on first use.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
// tsx compiles the module as CommonJS: its exports come as the default export.
const loaded = await import("./render-model.ts");
const { renderModel } = loaded.renderModel ? loaded : loaded.default;

parentPort.on("message", async ({ id, model, format, meta }) => {
  try {
    const body = await renderModel(model, format, meta);
    parentPort.postMessage({ id, body });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
