// What an actor may do to a suggestion (修订): accepting changes the text, so it is an
// edit by the section's owner or a reviewer while the text is open and the section not
// passed; rejecting changes nothing, so its author may also withdraw it, until 签发.
import { can } from "./actor";
import { ALLOWED, firstRefusal, refused, type Answer } from "./answer";
import type { PolicyContext, ReportFacts, SectionFacts } from "./section";
import { canReadReport } from "./read";
import { isSigned, isTextOpen } from "../workflow/statuses";

export const SUGGESTION_POLICY_ACTIONS = ["accept", "reject"] as const;
export type SuggestionPolicyAction = (typeof SUGGESTION_POLICY_ACTIONS)[number];

export function suggestionPolicy(
  { actor, ancestors }: PolicyContext,
  report: ReportFacts,
  section: Pick<SectionFacts, "ownerId" | "status" | "deletedAt">,
  suggestion: { authorId: string | null; decision?: string | null } | null,
  action: SuggestionPolicyAction,
): Answer {
  if (!canReadReport(actor, report, ancestors)) return refused(404, "refusal.notFound");
  const decides =
    (section.ownerId === actor.userId && can(actor, report.officeId, "section.editOwn", ancestors)) ||
    can(actor, report.officeId, "section.review", ancestors) ||
    can(actor, report.officeId, "section.editAny", ancestors);
  const withdrawsOwn = action === "reject" && !!suggestion?.authorId && suggestion.authorId === actor.userId;
  return firstRefusal(
    () => (decides || withdrawsOwn ? ALLOWED : refused(403, "refusal.suggestionNotYours")),
    () => (suggestion?.decision ? refused(409, "refusal.suggestionDecided") : ALLOWED),
    () => (section.deletedAt ? refused(409, "refusal.sectionDeleted") : ALLOWED),
    () => (action === "reject" ? (isSigned(report.status) ? refused(409, "refusal.suggestionsClosed") : ALLOWED) : ALLOWED),
    () => (action === "accept" && !isTextOpen(report.status) ? refused(409, "refusal.textFrozen") : ALLOWED),
    () => (action === "accept" && section.status === "passed" ? refused(409, "refusal.sectionPassed") : ALLOWED),
  );
}
