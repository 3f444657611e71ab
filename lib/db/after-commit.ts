// Work to do once a transaction has committed, and never if it rolled back: the audit
// checkpoints (lib/audit/checkpoints.ts) go outside the database only for entries that exist.
// The registry lives on globalThis under a Symbol.for key, not in this module: Next's
// server bundles can hold several copies of a module, and an entry recorded through
// one copy must find the transaction that another copy's client opened.
import type { Db } from "./client";

type Callback = (client: Db) => void;
interface Pending {
  client: Db;
  callbacks: Callback[];
}

const KEY = Symbol.for("report-studio.after-commit");
const store = globalThis as unknown as Record<symbol, WeakMap<object, Pending> | undefined>;
const registry: WeakMap<object, Pending> = (store[KEY] ??= new WeakMap());

type AnyTransaction = (arg: unknown, options?: unknown) => Promise<unknown>;

/** Makes the client's interactive transactions run their after-commit work once they commit. */
export function withAfterCommit(client: Db): Db {
  const original = client.$transaction.bind(client) as AnyTransaction;
  const transaction: AnyTransaction = async (arg, options) => {
    if (typeof arg !== "function") return original(arg, options);
    const pending: Pending = { client, callbacks: [] };
    const result = await original((tx: object) => {
      registry.set(tx, pending);
      return (arg as (tx: object) => unknown)(tx);
    }, options);
    // The change is committed: a failure here is logged, never reported as the change's.
    for (const callback of pending.callbacks) {
      try {
        callback(client);
      } catch (err) {
        console.error("[after-commit]", err);
      }
    }
    return result;
  };
  Object.defineProperty(client, "$transaction", { value: transaction, configurable: true, writable: true });
  return client;
}

/** Runs `callback` with the transaction's root client after `tx` commits; false for a transaction not opened through withAfterCommit. */
export function afterCommit(tx: object, callback: Callback): boolean {
  const pending = registry.get(tx);
  if (!pending) return false;
  pending.callbacks.push(callback);
  return true;
}
