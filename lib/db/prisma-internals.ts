// The three places where we lean on Prisma's internals, in one module so an upgrade has one
// place to look; lib/db/prisma-internals.test.ts fails when one of them moves.
//  1. A client's provider (`_activeProvider`): the same process may hold both databases'
//     clients (migrate-data), so DATABASE_URL cannot tell which one a transaction is on.
//  2. The PostgreSQL client typed as the SQLite one: both are generated from the same models,
//     and a union of the two constructors is not constructable.
//  3. The schema engine's WebAssembly glue (`__wbg_set_wasm`, `__wbindgen_start`): the engine is
//     run from @prisma/schema-engine-wasm because the CLI would download a native binary.
import "server-only";

/** "sqlite" or "postgresql" as Prisma names the client's provider; undefined if Prisma stops keeping it. */
export function activeProvider(client: object): string | undefined {
  return (client as { _activeProvider?: string })._activeProvider;
}

/** The PostgreSQL client under the SQLite client's type (same models, same API). */
export function asSqliteClientType<T>(postgresClient: unknown): T {
  return postgresClient as T;
}

/** The wasm-bindgen glue module as generated for the schema engine. */
export interface WasmGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

/** Hands the instantiated engine to its glue and starts it. */
export function startWasm(glue: WasmGlue, instance: WebAssembly.Instance): void {
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}
