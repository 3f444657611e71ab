// GET …/export?format=archive: one zip for the records office (归档包) of an issued or
// published report: the rendered files, the 签发单 and a manifest to check them by.
// Each file comes through exportReport, so the export queue bounds the renders and a
// kept file is not rendered again; the zip is only packed from them here.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import type { Locale, Translate } from "../core/i18n/messages";
import { loadVisibleReport } from "../policy/visibility";
import { isSigned } from "../core/workflow/statuses";
import { Conflict } from "../core/errors";
import { chinaDateTime } from "../core/dates";
import { reportTrail, trailCsv } from "../workflow/trail";
import { exportReport, type ExportFormat, type ExportOutcome } from "../export/service";
import { packArchive } from "./pack";

type Member = { kind: "export"; format: Exclude<ExportFormat, "html"> } | { kind: "signoff" };

/**
 * The package's members, in order: the one place to add one.
 */
export const ARCHIVE_MEMBERS: readonly Member[] = [
  { kind: "export", format: "pdf" },
  { kind: "export", format: "ofd" },
  { kind: "export", format: "docx" },
  { kind: "export", format: "form" },
  { kind: "signoff" },
];

/** The package, or the export line's answer while one of its files waits to be rendered. */
export async function exportArchive(db: Db, actor: Actor, reportId: string, words: { locale: Locale; t: Translate }, ip?: string): Promise<ExportOutcome> {
  const { report } = await loadVisibleReport(db, actor, reportId);
  if (!isSigned(report.status)) throw new Conflict("export.archiveNotIssued");
  const members: { name: string; body: Buffer }[] = [];
  let rendered = false;
  let baseName = report.title;
  for (const member of ARCHIVE_MEMBERS) {
    if (member.kind === "signoff") {
      const { report: r, entries, readsReview } = await reportTrail(db, actor, report.id, words.t);
      const { csv, fileName } = trailCsv(r, entries, words.locale, words.t, readsReview);
      members.push({ name: fileName, body: Buffer.from(csv, "utf8") });
      continue;
    }
    // Checks the reader may export and records each file handed out, as a single download would.
    const outcome = await exportReport(db, actor, report.id, member.format, ip);
    if (!("file" in outcome)) return outcome;
    rendered ||= outcome.rendered;
    members.push({ name: outcome.file.fileName, body: outcome.file.body });
    if (member.format === "pdf") baseName = outcome.file.fileName.replace(/\.[a-z]+$/, "");
  }
  const body = packArchive(members, {
    reportId: report.id, title: report.title, docNumber: report.docNumber, contentHash: report.contentHash, madeAt: chinaDateTime(new Date(), true),
  });
  return { file: { body, fileName: `${baseName}-归档包.zip`, contentType: "application/zip" }, rendered };
}
