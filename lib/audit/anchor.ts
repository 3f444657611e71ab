// Anchors: the head of the audit chain (entries, last seq, last hash) appended to a
// file outside the database at each 签发 and 印发, once a day, and with every backup.
// Someone who can change the database alone cannot make the chain agree with them:
// a cut tail loses an anchored entry, a rewritten chain changes an anchored hash.
// Each anchor names its database (the SQLite file, or the PostgreSQL database name: never what the
// database holds, which a rewrite could change), so databases sharing a data
// directory (a test run, a migration) keep apart.
import "server-only";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { identityOf, type Db } from "../db/client";
import { settings } from "../config/settings";
import { todayInChina } from "../core/dates";
import { ANCHOR_ACTION, type Anchor } from "./hash";
import { recordAudit } from "./record";

export interface StoredAnchor extends Anchor {
  /** the database (lib/db/config.ts databaseIdentity) */
  db: string;
}

export function anchorFile(): string {
  return process.env.AUDIT_ANCHOR_FILE || join(settings.dataDir, "audit-anchors.jsonl");
}

/** Where an anchor file is, as the chain records it: several app servers each keep their own. */
export function anchorLocation(file = anchorFile()): string {
  // turbopackIgnore: a runtime data path, nothing for the build to trace.
  return `${hostname()}:${resolve(/* turbopackIgnore: true */ file)}`;
}

/** The chain's head now, or null for an empty chain. */
export async function chainHead(db: Db): Promise<StoredAnchor | null> {
  const [last, count] = await Promise.all([db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }), db.auditEvent.count()]);
  if (!last) return null;
  return { db: identityOf(db), at: new Date().toISOString(), count, seq: last.seq, hash: last.hash, reason: "" };
}

/**
 * Appends the head to the anchor file (after the change it follows has committed),
 * and records that it did: a chain that says it was anchored and a file that lacks
 * the anchor is a lost or replaced file.
 */
export async function writeAnchor(db: Db, reason: string, file = anchorFile()): Promise<StoredAnchor | null> {
  const head = await chainHead(db);
  if (!head) return null;
  const anchor = { ...head, reason };
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  await recordAudit(db, { actorName: "system", action: ANCHOR_ACTION, objectType: "audit", detail: { seq: head.seq, hash: head.hash, count: head.count, reason, file: anchorLocation(file) } });
  return anchor;
}

/**
 * The anchors in the file, in the order written. A restore (an anchor with reason
 * "restore") takes the chain back to the backup's head: anchors of that chain written
 * before it and beyond its head belong to the history the restore undid.
 */
export function readAnchors(database: string, file = anchorFile()): StoredAnchor[] {
  if (!existsSync(/* turbopackIgnore: true */ file)) return [];
  const anchors: StoredAnchor[] = [];
  for (const line of readFileSync(/* turbopackIgnore: true */ file, "utf8").split("\n").filter(Boolean)) {
    let a: StoredAnchor;
    try {
      a = JSON.parse(line) as StoredAnchor;
    } catch {
      continue; // a line cut by a crash is no anchor
    }
    if (a.db !== database) continue;
    if (a.reason === "restore") {
      for (let i = anchors.length - 1; i >= 0; i--) if (anchors[i].seq > a.seq) anchors.splice(i, 1);
    }
    anchors.push(a);
  }
  return anchors;
}

/** An anchor unless this chain already has one from today (China's calendar). */
export async function anchorDaily(db: Db): Promise<void> {
  const head = await chainHead(db);
  if (!head) return;
  const today = todayInChina();
  const latest = readAnchors(head.db).at(-1);
  if (latest && todayInChina(new Date(latest.at)) === today) return;
  await writeAnchor(db, "daily");
}

/** After migrate-data: the source's anchors hold for the copy too (the same entries under the same numbers). */
export function copyAnchors(from: Db, to: Db, file = anchorFile()): number {
  const anchors = readAnchors(identityOf(from), file);
  for (const a of anchors) appendFileSync(file, `${JSON.stringify({ ...a, db: identityOf(to) })}\n`, { mode: 0o600 });
  return anchors.length;
}
