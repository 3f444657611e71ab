// A part's relationships (its _rels/<name>.rels): how a package's parts are found, each
// target resolved to a path inside the package; external targets are never followed.
import "server-only";
import type { Package } from "./zip";
import { attr, childrenNamed, parseXml } from "./xml";

export interface Rel {
  type: string;
  target: string;
}

/** A part's relationships (its _rels/<name>.rels), targets resolved to package paths. */
export async function relsOf(pkg: Package, part: string): Promise<Rel[]> {
  const dir = part.includes("/") ? part.slice(0, part.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const xml = await pkg.read(relsPath);
  if (!xml) return [];
  return childrenNamed(parseXml(xml), "Relationship")
    .filter((r) => attr(r, "TargetMode") !== "External")
    .map((r) => {
      const target = attr(r, "Target") ?? "";
      return { type: attr(r, "Type") ?? "", target: resolvePath(dir, target) };
    });
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}
