// The archive package's zip: its members, manifest.json (each member's name, size and
// SHA-256, the report's facts) and manifest.sha256, the SHA-256 of manifest.json's bytes.
// A plain hash, not an HMAC with AUDIT_KEY: the records office that checks the package
// years later holds no key of ours, and the hashes are there to show the files are the
// ones made, not to prove who made them (the audit chain records the export).
import { createHash } from "node:crypto";
import { unzipSync, zipSync } from "fflate";

export const MANIFEST = "manifest.json";
export const MANIFEST_HASH = "manifest.sha256";

export interface ArchiveFacts {
  reportId: string;
  title: string;
  docNumber: string | null;
  contentHash: string | null;
  /** China time, 2026-12-08 09:30:05 */
  madeAt: string;
}
export interface ManifestFile { name: string; size: number; sha256: string }
export interface Manifest extends ArchiveFacts { files: ManifestFile[] }

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The zip: the members in order, then the manifest and its hash. Names must be unique. */
export function packArchive(members: { name: string; body: Uint8Array }[], facts: ArchiveFacts): Buffer {
  const manifest: Manifest = { ...facts, files: members.map((m) => ({ name: m.name, size: m.body.length, sha256: sha256(m.body) })) };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  const entries: Record<string, Uint8Array> = {};
  for (const m of members) entries[m.name] = m.body;
  entries[MANIFEST] = manifestBytes;
  entries[MANIFEST_HASH] = Buffer.from(`${sha256(manifestBytes)}  ${MANIFEST}\n`, "utf8");
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/** What is wrong with a package, one line each naming the file; empty when every file is as made. */
export function verifyArchive(zip: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    return ["不是可读的 zip 文件 / not a readable zip file"];
  }
  const problems: string[] = [];
  const manifestBytes = entries[MANIFEST];
  const recorded = entries[MANIFEST_HASH] ? Buffer.from(entries[MANIFEST_HASH]).toString("utf8").trim().split(/\s+/)[0] : undefined;
  if (!manifestBytes) return [`${MANIFEST}: 缺失 / missing`];
  if (!recorded) problems.push(`${MANIFEST_HASH}: 缺失 / missing`);
  else if (recorded !== sha256(manifestBytes)) problems.push(`${MANIFEST}: 与 ${MANIFEST_HASH} 不符（清单被改动）/ does not match ${MANIFEST_HASH} (the manifest was changed)`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(Buffer.from(manifestBytes).toString("utf8")) as Manifest;
    if (!Array.isArray(manifest.files)) throw new Error("no files");
  } catch {
    return [...problems, `${MANIFEST}: 无法读取 / unreadable`];
  }
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const f of manifest.files) {
    const body = entries[f.name];
    if (!body) problems.push(`${f.name}: 缺失 / missing`);
    else if (body.length !== f.size || sha256(body) !== f.sha256) problems.push(`${f.name}: 内容已改动（SHA-256 不符）/ changed (SHA-256 differs)`);
  }
  for (const name of Object.keys(entries)) {
    if (name !== MANIFEST && name !== MANIFEST_HASH && !listed.has(name)) problems.push(`${name}: 清单中没有的文件 / not in the manifest`);
  }
  return problems;
}
