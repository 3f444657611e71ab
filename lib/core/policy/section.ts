// What an actor may do to a section in each state: one answer per action, built
// from the role table (lib/core/permissions.ts), the state machine (lib/core/workflow/machine.ts)
// and the status groups (lib/core/workflow/statuses.ts). Pure: services ask it before they
// write, pages ask it to know which buttons to show.
import { can, rolesIn, type Actor, type AncestorMap } from "./actor";
import { rolesAllow } from "../permissions";
import { sectionStep, type SectionAction } from "../workflow/machine";
import { isSigned, isTextOpen, type ReportStatus, type SectionStatus } from "../workflow/statuses";
import { ALLOWED, blocked, firstRefusal, refused, type Answer } from "./answer";
import { canReadReport } from "./read";
import { hasOwnText } from "../workflow/review-scope";

export const SECTION_POLICY_ACTIONS = ["read", "readDrafts", "edit", "submit", "withdraw", "pass", "return", "comment", "suggest", "changeStructure", "addChild", "assign"] as const;
export type SectionPolicyAction = (typeof SECTION_POLICY_ACTIONS)[number];

export interface PolicyContext {
  actor: Actor;
  ancestors: AncestorMap;
}

export interface ReportFacts {
  officeId: string;
  status: ReportStatus;
}

export interface SectionFacts {
  ownerId: string | null;
  status: SectionStatus;
  kind: "intro" | "heading";
  deletedAt: Date | null;
  /** the section has text to submit */
  hasText: boolean;
  /** the section holds live sub-sections (without text of its own it is made of them and needs no review) */
  hasChildren?: boolean;
  /** the owner of the section it sits under (undefined: not loaded; null: a first-level section or no owner) */
  parentOwnerId?: string | null;
  /** who saved the current version (for four eyes); undefined when not loaded */
  lastEditorId?: string | null;
  /** suggestions (修订) not yet accepted or rejected; undefined when not loaded */
  pendingSuggestions?: number;
}

const statusKey = (s: ReportStatus) => ({ key: `report.status.${s}` as const });
const sectionStatusKey = (s: SectionStatus) => ({ key: `section.status.${s}` as const });
const actionKey = (a: SectionAction) => ({ key: `action.section.${a}` as const });

function edit({ actor, ancestors }: PolicyContext, report: ReportFacts, section: SectionFacts): Answer {
  const isOwner = section.ownerId === actor.userId && can(actor, report.officeId, "section.editOwn", ancestors);
  const editsAny = can(actor, report.officeId, "section.editAny", ancestors);
  return firstRefusal(
    () => (isOwner || editsAny ? ALLOWED : refused(403, "refusal.editNotOwner")),
    () => (section.deletedAt ? refused(409, "refusal.sectionDeleted") : ALLOWED),
    () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.textFrozen")),
    () => (section.status === "passed" ? refused(409, "refusal.sectionPassed") : ALLOWED),
    () => (section.status === "submitted" && !editsAny ? refused(409, "refusal.sectionSubmitted") : ALLOWED),
  );
}

function step({ actor, ancestors }: PolicyContext, report: ReportFacts, section: SectionFacts, action: SectionAction): Answer {
  const next = sectionStep(section.status, action);
  return firstRefusal(
    () => (section.deletedAt ? refused(409, "refusal.sectionDeleted") : ALLOWED),
    () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.reportPhase", { status: statusKey(report.status), action: actionKey(action) })),
    () => (next ? ALLOWED : refused(409, "refusal.sectionState", { status: sectionStatusKey(section.status), action: actionKey(action) })),
    () => (can(actor, report.officeId, next!.permission, ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
    () => ((action === "submit" || action === "withdraw") && section.ownerId !== actor.userId ? refused(403, "refusal.notOwner", { action: actionKey(action) }) : ALLOWED),
    () => (action === "submit" && !section.hasText ? blocked(section.hasChildren ? "refusal.composedSection" : "refusal.emptySection") : ALLOWED),
    () => (action === "pass" && section.lastEditorId === actor.userId ? blocked("refusal.fourEyes") : ALLOWED),
    () => (action === "pass" && section.pendingSuggestions ? blocked("refusal.pendingSuggestions", { count: section.pendingSuggestions }) : ALLOWED),
  );
}

/** The actor owns this section and may divide what they own. */
const ownsWithin = ({ actor, ancestors }: PolicyContext, report: ReportFacts, section: SectionFacts) =>
  section.ownerId === actor.userId && can(actor, report.officeId, "section.structureOwn", ancestors);

export function sectionPolicy(ctx: PolicyContext, report: ReportFacts, section: SectionFacts, action: SectionPolicyAction): Answer {
  const { actor, ancestors } = ctx;
  if (!canReadReport(actor, report, ancestors)) return refused(404, "refusal.notFound");
  switch (action) {
    case "read":
      return ALLOWED;
    case "readDrafts":
      // Earlier versions and the review comments are the office's own work: an office
      // above reads only the text that was signed.
      return rolesAllow(rolesIn(actor, report.officeId), "report.read") ? ALLOWED : refused(403, "refusal.draftsInternal");
    case "edit":
      return edit(ctx, report, section);
    case "submit":
    case "withdraw":
    case "pass":
    case "return":
      return step(ctx, report, section, action);
    case "comment":
      return firstRefusal(
        () => (isSigned(report.status) ? refused(409, "refusal.commentsClosed") : ALLOWED),
        () => (section.ownerId === actor.userId || can(actor, report.officeId, "comment.write", ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
      );
    case "suggest":
      // 修订: those who review the text (reviewers, 核稿人, the approver), and the owner by choice.
      return firstRefusal(
        () => (section.ownerId === actor.userId || can(actor, report.officeId, "suggestion.write", ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
        () => (section.deletedAt ? refused(409, "refusal.sectionDeleted") : ALLOWED),
        () => (isSigned(report.status) ? refused(409, "refusal.suggestionsClosed") : ALLOWED),
      );
    case "changeStructure":
      // Move, delete, restore: the whole outline for reviewers and administrators; a drafter
      // only the sub-sections within a section of their own.
      return firstRefusal(
        () => (can(actor, report.officeId, "report.structure", ancestors) || (ownsWithin(ctx, report, section) && section.parentOwnerId === actor.userId) ? ALLOWED : refused(403, "refusal.structureNotYours")),
        () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.structureFrozen")),
        () => (section.kind === "intro" ? refused(409, "refusal.introFixed") : ALLOWED),
      );
    case "addChild":
      return firstRefusal(
        () => (can(actor, report.officeId, "report.structure", ancestors) || ownsWithin(ctx, report, section) ? ALLOWED : refused(403, "refusal.structureNotYours")),
        () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.structureFrozen")),
        () => (section.kind === "intro" ? refused(409, "refusal.introFixed") : ALLOWED),
      );
    case "assign":
      return firstRefusal(
        () => (can(actor, report.officeId, "section.assign", ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
        () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.structureFrozen")),
      );
  }
}

export function sectionAnswers(ctx: PolicyContext, report: ReportFacts, section: SectionFacts): Record<SectionPolicyAction, Answer> {
  return Object.fromEntries(SECTION_POLICY_ACTIONS.map((a) => [a, sectionPolicy(ctx, report, section, a)])) as Record<SectionPolicyAction, Answer>;
}

/** A loaded section as the policy reads it. */
export function sectionFacts(section: { ownerId: string | null; status: SectionStatus; kind: "intro" | "heading"; deletedAt: Date | null; content: readonly { text: string }[] }, lastEditorId?: string | null, hasChildren?: boolean, parentOwnerId?: string | null): SectionFacts {
  return { ownerId: section.ownerId, status: section.status, kind: section.kind, deletedAt: section.deletedAt, hasText: hasOwnText(section), lastEditorId, hasChildren, parentOwnerId };
}

/** Who owns a new section: the owner of the section it goes under; else its creator, when they write sections at all. */
export function newSectionOwner({ actor, ancestors }: PolicyContext, officeId: string, parentOwnerId?: string | null): string | null {
  return parentOwnerId ?? (can(actor, officeId, "section.editOwn", ancestors) ? actor.userId : null);
}

/**
 * Where a section may go: a drafter moves within their own sections, so the new place must be
 * under one of them too; those who keep the report's structure move anywhere.
 */
export function moveDestinationPolicy(ctx: PolicyContext, report: Pick<ReportFacts, "officeId">, destinationOwnerId: string | null | undefined): Answer {
  if (can(ctx.actor, report.officeId, "report.structure", ctx.ancestors) || (destinationOwnerId && destinationOwnerId === ctx.actor.userId)) return ALLOWED;
  return refused(403, "refusal.structureNotYours");
}
