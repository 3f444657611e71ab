// Export of a report the actor may read (report.export), as PDF, DOCX, OFD or HTML.
import "server-only";
import { z } from "zod";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport } from "../policy/visibility";
import { viewAnswer } from "../core/policy/answer";
import type { Locale } from "../core/i18n/messages";
import { chinaDateOf, todayInChina } from "../core/dates";
import { isSigned, isTextOpen } from "../core/workflow/statuses";
import { liveSections } from "../sections/queries";
import { asJointIssuers } from "../core/offices/schemas";
import { exportFileName, toDocumentModel, type DocumentModel } from "../core/export/model";
import { layoutFor } from "./layout";
import { renderHtml } from "./html";
import type { OfdMeta } from "./ofd";
import { pageSvgBody } from "../core/export/layout/svg";
import { fontFiles } from "./fonts";
import { renderModel } from "./render-model";
import type { ReviewMarks } from "../core/review/marked-body";
import { reviewMarksOf } from "../suggestions/review-marks";
import { renderInWorker } from "./renderer";
import { FileCache } from "./file-cache";
import { JobQueue } from "../core/job-queue";
import { settings } from "../config/settings";
import { issueFormInput } from "./issue-form-source";
import { issueFormLayout } from "../core/export/issue-form";
import { renderIssueForm } from "./issue-form-pdf";

/** "form": the 发文稿纸 (lib/core/export/issue-form.ts), a PDF of the record rather than of the text. */
export const EXPORT_FORMATS = ["pdf", "docx", "ofd", "html", "form"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: "export.formatInvalid" });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  // The media type GB/T 33190 registers for OFD.
  ofd: "application/ofd",
  html: "text/html; charset=utf-8",
  form: "application/pdf",
};

/** The document model of a report, without a permission check (callers check). */
export async function modelOfReport(db: Db, reportId: string): Promise<DocumentModel> {
  return (await exportSource(db, reportId)).model;
}

/** The model and the file facts an OFD carries beside it (the office, today's date, the content hash). */
async function exportSource(db: Db, reportId: string, withMarks = false): Promise<{ model: DocumentModel; meta: OfdMeta; marks?: ReviewMarks }> {
  const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, include: { office: true } });
  const sections = await liveSections(db, reportId);
  const model = toDocumentModel({ report, office: { ...report.office, jointIssuers: asJointIssuers(report.office.jointIssuers) }, sections });
  const meta = { author: report.office.fullName, createdOn: todayInChina(), contentHash: report.contentHash };
  return withMarks ? { model, meta, marks: await reviewMarksOf(db, sections) } : { model, meta };
}

/** A report as a file (body, name, media type, whether it is a draft), rendered here, without a permission check (callers check): the CLI's. */
export async function renderReportFile(db: Db, reportId: string, format: ExportFormat) {
  const { model, meta } = await exportSource(db, reportId);
  if (format === "form") return { body: await issueFormPdf(db, reportId), fileName: formFileName(model), contentType: CONTENT_TYPES.form, draft: model.draft };
  return { body: await renderModel(model, format, meta), fileName: exportFileName(model, format), contentType: CONTENT_TYPES[format], draft: model.draft };
}

/** The 发文稿纸: one small page, rendered here (no line, no cache: it changes with each step). */
async function issueFormPdf(db: Db, reportId: string): Promise<Buffer> {
  const input = await issueFormInput(db, reportId);
  return renderIssueForm(issueFormLayout(input), input.title);
}
const formFileName = (model: DocumentModel) => `发文稿纸-${exportFileName(model, "pdf")}`;

/**
 * Exports wait in line, one rendering at a time per app process (in a worker thread,
 * lib/export/renderer.ts), so that a few large exports neither slow the process's pages
 * and saves nor grow it by a render's memory each. Files are kept by the hash of exactly
 * what is rendered: a second export of an issued report is read back, never rendered.
 */
const EXPORT_QUEUE_LENGTH = 20;
export const EXPORT_RETRY_SECONDS = 2;
const exportQueue = new JobQueue<Buffer>(EXPORT_QUEUE_LENGTH);
/** Exports in this process's line, the one rendering included (for tests and the bench). */
export const exportsInLine = () => exportQueue.length;
let cache: FileCache | null = null;
const exportCache = () => (cache ??= new FileCache(join(settings.dataDir, "export-cache"), settings.exportCacheMb * 2 ** 20));

/** The key of a rendered file: the format, the model and file facts, the fonts, and the renderer's version. */
function renderKey(model: DocumentModel, format: ExportFormat, meta: OfdMeta, marks?: ReviewMarks): string {
  // Bump when a renderer's output changes, so that files kept by an older version are not served.
  const RENDERER_VERSION = 3; // 2: characters XML cannot hold are dropped from old rows; 3: titles keep terms whole
  return createHash("sha256").update(JSON.stringify({ v: RENDERER_VERSION, format, model, meta, fonts: fontFiles(), ...(marks ? { marks } : {}) })).digest("hex");
}

export type ExportOutcome =
  | { file: { body: Buffer; fileName: string; contentType: string }; rendered: boolean }
  | { queued: { ahead: number } }
  | { busy: true };

/**
 * The file, if it is kept or its render is next in line (the request waits for it);
 * else its place in line (the render goes on; the client asks again), or busy when the
 * line is full. Only a file handed out is an export in the audit record.
 */
export async function exportReport(db: Db, actor: Actor, reportId: string, format: ExportFormat, ip?: string, options: { marks?: boolean } = {}): Promise<ExportOutcome> {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "export"), { type: "report", id: report.id, officeId: report.officeId });
  // The 修订稿 (DOCX with the pending suggestions and open comments) is the office's own review.
  const withMarks = !!options.marks && format === "docx";
  if (withMarks) await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "readReview"), { type: "report", id: report.id, officeId: report.officeId });
  const { model, meta, marks } = await exportSource(db, report.id, withMarks);
  let rendered = false;
  let body: Buffer | null;
  if (format === "html") body = Buffer.from(renderHtml(model), "utf8"); // a string of the text: no layout, no fonts
  else if (format === "form") body = await issueFormPdf(db, report.id);
  else {
    const key = renderKey(model, format, meta, marks);
    body = await exportCache().get(key);
    if (!body) {
      const place = exportQueue.submit(key, async () => {
        const made = await renderInWorker(model, format, meta, marks);
        await exportCache().put(key, made);
        return made;
      });
      if (!place) return { busy: true };
      if (place.ahead > 0) return { queued: { ahead: place.ahead } };
      body = await place.done;
      rendered = true;
    }
  }
  await recordAudit(db, {
    actorId: actor.userId, actorName: actor.username, action: "report.export", objectType: "report", objectId: report.id,
    officeId: report.officeId, ip, detail: { format, draft: model.draft, ...(withMarks ? { marks: true } : {}) },
  });
  const fileName = withMarks ? `修订稿-${exportFileName(model, format)}` : format === "form" ? formFileName(model) : exportFileName(model, format);
  return { file: { body, fileName, contentType: CONTENT_TYPES[format] }, rendered };
}

/** The public page exactly as 公开 will put it on the web, for the one who is about to publish it. */
export async function publicPagePreview(db: Db, actor: Actor, reportId: string): Promise<string> {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "publish"), { type: "report", id: report.id, officeId: report.officeId });
  // Published on confirmation: today's date, as the page will say.
  return renderHtml(await modelOfReport(db, report.id), { publishedOn: todayInChina(), contentHash: report.contentHash });
}

/** The 公开 confirmation page: the report, whether this reader may publish it (and why not), and the address it will have. */
export async function publishPageView(db: Db, actor: Actor, reportId: string, locale: Locale) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  return { report, publish: viewAnswer(reportPolicy({ actor, ancestors }, report, "publish"), locale), publicPath: `/public/reports/${report.id}` };
}

/**
 * The preview's pages, laid out once per version of the text: readers re-open and
 * auto-refresh previews far more often than the text changes, and layout is CPU work.
 */
const previewCache = new Map<string, { stamp: string; pages: ReturnType<typeof layoutFor>; svgs: (string | undefined)[] }>();

/** The report's laid-out pages and their markup so far, for the current version of its text. */
async function previewEntry(db: Db, reportId: string) {
  const [report, agg] = await Promise.all([
    db.report.findUniqueOrThrow({ where: { id: reportId }, select: { updatedAt: true, office: { select: { jointIssuers: true, runInBold: true, titleTerms: true, headerMark: true, fullName: true } } } }),
    db.section.aggregate({ where: { reportId }, _max: { updatedAt: true }, _count: { _all: true } }),
  ]);
  // The office's issuing settings change the pages as much as the text does.
  const stamp = `${report.updatedAt.toISOString()}|${agg._max.updatedAt?.toISOString() ?? ""}|${agg._count._all}|${JSON.stringify(report.office)}`;
  const hit = previewCache.get(reportId);
  if (hit?.stamp === stamp) return hit;
  const pages = layoutFor(await modelOfReport(db, reportId));
  const entry = { stamp, pages, svgs: [] };
  previewCache.delete(reportId);
  previewCache.set(reportId, entry);
  if (previewCache.size > 50) previewCache.delete(previewCache.keys().next().value!);
  return entry;
}

/** Pages the preview draws at a time: a long report stays quick to open and to scroll. */
export const PREVIEW_BATCH = 20;

/** The preview page: the report's pages as laid out, `PREVIEW_BATCH` at a time from page `from`, for a reader of the report. */
export async function previewPageView(db: Db, actor: Actor, reportId: string, from = 1) {
  const { report } = await loadVisibleReport(db, actor, reportId);
  const entry = await previewEntry(db, report.id);
  const all = entry.pages;
  const start = Math.min(Math.max(1, Math.floor(from) || 1), Math.max(1, all.length));
  // Each page's markup is built the first time a reader opens it, and kept with the layout.
  const pages = all.slice(start - 1, start - 1 + PREVIEW_BATCH).map((p, i) => ({ number: p.number, svg: (entry.svgs[start - 1 + i] ??= pageSvgBody(p)) }));
  return { report, draft: !isSigned(report.status), pages, total: all.length, start, textOpen: isTextOpen(report.status) };
}

/** 政务公开: the web page of a published report; anything else is the same 404 page. */
export async function publishedPage(db: Db, id: string): Promise<{ ok: boolean; html: string; etag: string }> {
  const report = /^[a-z0-9]{1,64}$/.test(id) ? await db.report.findUnique({ where: { id }, select: { status: true, publishedAt: true, contentHash: true } }) : null;
  if (report?.status !== "published") return { ok: false, html: "<!doctype html><meta charset=utf-8><title>未找到</title><p>未找到该公开文件。</p>", etag: "" };
  const html = renderHtml(await modelOfReport(db, id), { publishedOn: report.publishedAt ? chinaDateOf(report.publishedAt) : todayInChina(), contentHash: report.contentHash });
  return { ok: true, html, etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"` };
}
