// Reading a .docx package with bounded work: the central directory (as Word reads
// it) through yauzl, each wanted entry inflated as a stream and cut off at a hard
// cap, whatever its header claims; a cap on the entry count and on all bytes
// inflated. Nothing but the parts asked for is ever inflated, and the main part is
// handed on piece by piece as it inflates (stream), never held whole.
import "server-only";
import { StringDecoder } from "node:string_decoder";
import { fromBuffer, type Entry, type ZipFile } from "yauzl";

import { UnsafeDocxError } from "./unsafe";

export const ZIP_LIMITS = {
  /** a .docx has a few dozen entries; thousands is an attack or not a document */
  maxEntries: 2_000,
  /** one XML part (document.xml of a 500-page report is ~10 MB) */
  maxPartBytes: 32 * 1024 * 1024,
  /** every part read from one package together */
  maxTotalBytes: 48 * 1024 * 1024,
  /**
   * what the directory says all entries inflate to: a 10 MB upload of XML (which packs about
   * ten to one) and incompressible images stays well below; far more is a zip bomb
   */
  maxDeclaredBytes: 100 * 1024 * 1024,
};

export interface Package {
  names: string[];
  /** the entry's text (UTF-8), inflated within the limits; null when absent */
  read(name: string): Promise<string | null>;
  /** the entry's text in pieces as it inflates, each to `onText` (which may throw to stop); false when absent */
  stream(name: string, onText: (text: string) => void): Promise<boolean>;
  close(): void;
  /** bytes inflated so far, all entries together (what maxTotalBytes caps) */
  inflatedBytes(): number;
}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false }, (err, zip) =>
      err || !zip ? reject(new UnsafeDocxError("import.notDocx")) : resolve(zip),
    ),
  );
}

/** Lists the package's entries (refusing too many) and returns a reader for them. */
export async function openPackage(buffer: Buffer, limits = ZIP_LIMITS): Promise<Package> {
  const zip = await open(buffer);
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      if (entries.size >= limits.maxEntries) {
        zip.close();
        return reject(new UnsafeDocxError("import.tooManyEntries"));
      }
      if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(new UnsafeDocxError("import.damagedZip")));
    zip.readEntry();
  });
  if ([...entries.values()].reduce((n, e) => n + e.uncompressedSize, 0) > limits.maxDeclaredBytes) {
    zip.close();
    throw new UnsafeDocxError("import.zipBomb");
  }
  let total = 0;
  const stream = (name: string, onText: (text: string) => void) =>
    new Promise<boolean>((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return resolve(false);
      if (entry.isEncrypted()) return reject(new UnsafeDocxError("import.encrypted"));
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(new UnsafeDocxError("import.damagedZip"));
        const decoder = new StringDecoder("utf8");
        let size = 0;
        const stop = (error: unknown) => {
          stream.destroy();
          reject(error);
        };
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.maxPartBytes || total > limits.maxTotalBytes) return stop(new UnsafeDocxError("import.zipBomb"));
          try {
            onText(decoder.write(chunk));
          } catch (error) {
            stop(error);
          }
        });
        // yauzl checks the inflated size against the directory's: a lying header is an error too.
        stream.on("error", () => reject(new UnsafeDocxError("import.zipBomb")));
        stream.on("end", () => {
          try {
            onText(decoder.end());
            resolve(true);
          } catch (error) {
            reject(error);
          }
        });
      });
    });
  const read = async (name: string) => {
    const pieces: string[] = [];
    return (await stream(name, (text) => pieces.push(text))) ? pieces.join("") : null;
  };
  return { names: [...entries.keys()], read, stream, close: () => zip.close(), inflatedBytes: () => total };
}
