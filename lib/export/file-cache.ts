// Rendered export files on disk under DATA_DIR, by the hash of exactly what was rendered
// (lib/export/service.ts makes the key): an issued report renders once, and a draft
// whose text changed has another key, so nothing goes stale. Several app processes may
// share the folder: a file is written under a name of its own and renamed into place
// (a reader sees a whole file or none), and any process may evict. The folder is kept
// under a size bound, the least recently used files going first.
import "server-only";
import { mkdir, readFile, readdir, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

export class FileCache {
  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  private path(key: string) {
    if (!/^[a-z0-9]{16,128}$/.test(key)) throw new Error("cache key must be a hex hash");
    return join(this.dir, `${key}.bin`);
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.path(key);
    try {
      const body = await readFile(file);
      const now = new Date();
      await utimes(file, now, now).catch(() => {});
      return body;
    } catch {
      return null;
    }
  }

  async put(key: string, body: Buffer): Promise<void> {
    if (body.length > this.maxBytes) return;
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    await writeFile(tmp, body, { mode: 0o600 });
    await rename(tmp, this.path(key));
    await this.evict();
  }

  /** Removes the least recently used files until the folder is under its bound. */
  private async evict() {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(".bin"));
    const files = (await Promise.all(names.map(async (n) => ({ n, s: await stat(join(this.dir, n)).catch(() => null) })))).filter((f) => f.s);
    let total = files.reduce((sum, f) => sum + f.s!.size, 0);
    files.sort((a, b) => a.s!.mtimeMs - b.s!.mtimeMs);
    for (const f of files) {
      if (total <= this.maxBytes) break;
      await unlink(join(this.dir, f.n)).catch(() => {});
      total -= f.s!.size;
    }
  }
}
