// What an actor may do to a comment: mark it resolved or open it again.
import { can } from "./actor";
import { ALLOWED, refused, type Answer } from "./answer";
import type { PolicyContext, ReportFacts, SectionFacts } from "./section";
import { canReadReport } from "./read";

export const COMMENT_POLICY_ACTIONS = ["resolve"] as const;
export type CommentPolicyAction = (typeof COMMENT_POLICY_ACTIONS)[number];

export function commentPolicy(
  { actor, ancestors }: PolicyContext,
  report: ReportFacts,
  section: Pick<SectionFacts, "ownerId">,
  comment: { authorId: string },
  action: CommentPolicyAction,
): Answer {
  if (!canReadReport(actor, report, ancestors)) return refused(404, "refusal.notFound");
  switch (action) {
    case "resolve":
      // The author, the section's owner, or a reviewer: a reader who happens to see it may not.
      return comment.authorId === actor.userId || section.ownerId === actor.userId || can(actor, report.officeId, "section.review", ancestors)
        ? ALLOWED
        : refused(403, "refusal.commentNotYours");
  }
}
