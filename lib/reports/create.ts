// Starting a report for a year: from the template, from last year's report, or
// from imported text. One report per office and year.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { requireOfficeWith } from "../auth/guard";
import { officeWith } from "../core/policy/office";
import { Conflict, Invalid, NotFound } from "../core/errors";
import { canReadReport } from "../core/policy/read";
import { newSectionOwner } from "../core/policy/section";
import { recordAudit } from "../audit/record";
import { parseInput, unsafeText } from "../core/validation";
import { parseReportText, type ParsedReport, type ParsedSection } from "../core/text/parse-text";
import { loadAncestors } from "../db/office-tree";
import { checkImportText } from "../sections/limits";
import { insertParsedReport, issueDataNotes } from "./insert-parsed";
import { createReportSchema, type CreateReportInput } from "./schemas";
import { DEFAULT_THEMES, defaultDueDate, reportTitle, templateSections } from "./template";
import { chinaYear } from "../core/dates";
import { extractPlanItems, findPlanSection } from "./plan-items";
import { numberTree } from "../core/outline/outline-numbers";
import { officeDrafters } from "../sections/tree";
import { withParagraphs, type Paragraph } from "../core/text/paragraphs";

/** 409 naming the report that already exists, so the UI can link to it. */
export class DuplicateReportError extends Conflict {
  constructor(readonly existingId: string, year: number) {
    super("report.duplicate", { year });
    this.name = "DuplicateReportError";
  }
}

/**
 * Runs the insert; the unique (office, year) constraint decides a race between two
 * creators, not a read before it: the loser is told which report exists.
 */
async function oncePerYear<T>(db: Db, officeId: string, year: number, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
    const existing = await existingReport(db, officeId, year);
    if (!existing) throw err;
    throw new DuplicateReportError(existing.id, year);
  }
}

async function creatorOffice(db: Db, actor: Actor) {
  return db.office.findUniqueOrThrow({ where: { id: await requireOfficeWith(db, actor, "report.create") } });
}

export async function existingReport(db: Db, officeId: string, year: number) {
  return db.report.findUnique({ where: { officeId_year: { officeId, year } }, select: { id: true } });
}

/** A tree of last year's headings and owners, without their text. */
function outline(rows: { id: string; parentId: string | null; position: number; kind: string; heading: string; ownerId: string | null; content: Paragraph[] }[]) {
  const toParsed = (nodes: ReturnType<typeof numberTree<(typeof rows)[number]>>): (ParsedSection & { ownerId: string | null })[] =>
    nodes.map((n) => ({ kind: n.node.kind as "intro" | "heading", heading: n.node.heading, paragraphs: [], ownerId: n.node.ownerId, children: toParsed(n.children) }));
  return toParsed(numberTree(rows));
}

export async function createReport(db: Db, actor: Actor, raw: CreateReportInput, ip?: string) {
  const input = parseInput(createReportSchema, raw);
  const office = await creatorOffice(db, actor);
  if (input.ownerId && !(await db.membership.findFirst({ where: { userId: input.ownerId, officeId: office.id, role: "drafter", user: { active: true } } }))) {
    throw new Invalid("report.ownerNotDrafter");
  }

  let parsed: ParsedReport;
  let planItems: string[] = [];
  let sourceReportId: string | null = null;
  const owners = new Map<ParsedSection, string | null>();
  if (input.source === "template") {
    parsed = { metadata: {}, notes: [], sections: templateSections({ officeName: office.name, year: input.year, themes: input.themes, includeOther: input.includeOther }) };
  } else if (input.source === "lastYear") {
    const source = await db.report.findUnique({ where: { id: input.sourceReportId } });
    if (!source || !canReadReport(actor, source, await loadAncestors(db)) || source.officeId !== office.id) {
      throw new NotFound();
    }
    const rows = (await db.section.findMany({ where: { reportId: source.id, deletedAt: null } })).map(withParagraphs);
    const tree = outline(rows);
    const walk = (nodes: (ParsedSection & { ownerId: string | null })[]) => nodes.forEach((n) => (owners.set(n, n.ownerId), walk(n.children as typeof nodes)));
    walk(tree);
    // Headings that name last year carry this year's number instead (2022年度 → 2023年度, plan year +1).
    const bump = (s: ParsedSection): ParsedSection => {
      s.heading = s.heading.replace(/(\d{4})(?=年)/g, (y) => String(Number(y) - source.year + input.year));
      s.children.forEach(bump);
      return s;
    };
    tree.forEach(bump);
    parsed = { metadata: {}, notes: [], sections: tree };
    const plan = findPlanSection(rows.filter((r) => r.parentId === null).sort((a, b) => a.position - b.position));
    if (plan) {
      const content = plan.content.map((p) => p.text);
      const children = rows.filter((r) => r.parentId === plan.id).sort((a, b) => a.position - b.position);
      planItems = extractPlanItems({ paragraphs: content, children: children.map((c) => c.heading) });
    }
    sourceReportId = source.id;
  } else if (input.source === "district") {
    const template = await districtTemplate(db, office.parentId, input.year);
    if (!template) throw new Invalid("report.noDistrictTemplate", { year: input.year });
    parsed = { ...parseReportText(template), metadata: {}, notes: [] };
  } else {
    checkImportText(input.text);
    parsed = parseReportText(input.text);
  }

  const report = await oncePerYear(db, office.id, input.year, () => db.$transaction(async (tx) => {
    const created = await insertParsedReport(tx, parsed, {
      officeId: office.id,
      year: input.year,
      createdById: actor.userId,
      fallbackTitle: reportTitle(office.name, input.year),
      dueDate: defaultDueDate(input.year),
      // Last year's owners carry over; the rest go to the drafter named at creation, or else to
      // the creator when they write sections at all; then reassigned section by section.
      ownerFor: (_i, s) => owners.get(s) ?? input.ownerId ?? (input.source !== "lastYear" ? newSectionOwner({ actor, ancestors: new Map() }, office.id) : null),
      ownerOf: (s) => (owners.has(s) ? owners.get(s) ?? input.ownerId ?? null : undefined),
    });
    // Headers of an imported report that name its number and dates stay; a new year's report is a draft.
    await tx.report.update({ where: { id: created.id }, data: { origin: input.source === "lastYear" ? "last_year" : input.source === "district" ? "template" : input.source, sourceReportId } });
    if (planItems.length) {
      await tx.planItem.createMany({ data: planItems.map((text, position) => ({ reportId: created.id, position, text })) });
    }
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "report.create", objectType: "report", objectId: created.id,
      officeId: office.id, ip, detail: { after: { year: input.year, source: input.source, sourceReportId, notes: parsed.notes.length } },
    });
    return created;
  }));
  return { id: report.id, notes: [...parsed.notes, ...issueDataNotes(parsed.metadata)] };
}

/**
 * The new-report page: the year offered (reports are written in the first months of
 * the following year) and the office's reports that can seed it, last year's first;
 * null for someone who may not create reports.
 */
export async function newReportPageView(db: Db, actor: Actor) {
  const officeId = officeWith(actor, "report.create");
  if (!officeId) return { sources: null, drafters: [], districtYears: [] };
  const y = chinaYear();
  const sources = await db.report.findMany({ where: { officeId }, orderBy: { year: "desc" }, select: { id: true, year: true, title: true } });
  // A year's report is written after the year ends: last year's is the one due, unless it exists already.
  const drafters = await officeDrafters(db, officeId);
  const defaultYear = sources.some((s) => s.year === y - 1) ? y : y - 1;
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { parentId: true } });
  // Years for which the office above has handed down an outline (offered first).
  const templates = office.parentId ? (await db.districtYear.findMany({ where: { officeId: office.parentId, template: { not: null } }, select: { year: true } })).map((d) => d.year) : [];
  return { sources, drafters, defaultYear, defaultThemes: DEFAULT_THEMES, districtYears: templates };
}

/** The outline the office above handed its towns for the year, if any. */
async function districtTemplate(db: Db, parentId: string | null, year: number): Promise<string | null> {
  if (!parentId) return null;
  return (await db.districtYear.findUnique({ where: { officeId_year: { officeId: parentId, year } }, select: { template: true } }))?.template ?? null;
}

/** The server operator's import (npm run cli -- import): no session, acts as "cli". */
export async function importReportAsOperator(db: Db, officeCode: string, year: number, text: string, ownerUsername?: string) {
  const office = await db.office.findUnique({ where: { code: officeCode } });
  if (!office) throw new NotFound("import.officeMissing", { code: officeCode });
  const owner = ownerUsername
    ? await db.user.findFirst({ where: { username: ownerUsername, active: true, memberships: { some: { officeId: office.id, role: "drafter" } } }, select: { id: true } })
    : null;
  if (ownerUsername && !owner) throw new Invalid("import.ownerNotDrafter", { username: ownerUsername, code: officeCode });
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Invalid("import.yearRange");
  // The file's text meets the same rule as a person's: refused with the position, never stored.
  checkImportText(text);
  const unsafe = unsafeText(text);
  if (unsafe) throw new Invalid(unsafe.key, unsafe.params);
  const parsed = parseReportText(text);
  const report = await oncePerYear(db, office.id, year, () => db.$transaction(async (tx) => {
    const created = await insertParsedReport(tx, parsed, {
      officeId: office.id, year, createdById: null, fallbackTitle: reportTitle(office.name, year), dueDate: defaultDueDate(year),
      ownerFor: () => owner?.id ?? null,
    });
    await tx.report.update({ where: { id: created.id }, data: { origin: "import" } });
    await recordAudit(tx, {
      actorName: "cli", action: "report.create", objectType: "report", objectId: created.id, officeId: office.id,
      detail: { after: { year, source: "import", notes: parsed.notes.length, ownerId: owner?.id } },
    });
    return created;
  }));
  return { id: report.id, parsed: { ...parsed, notes: [...parsed.notes, ...issueDataNotes(parsed.metadata)] } };
}
