// Who may read a report: its own office always; an office above it once the report
// is signed (sent up). Pure; the loaders in visibility.ts and every policy start here.
import { can, rolesIn, type Actor, type AncestorMap } from "./actor";
import { rolesAllow } from "../permissions";
import { isSigned, type ReportStatus } from "../workflow/statuses";

export function canReadReport(actor: Actor, report: { officeId: string; status: ReportStatus }, ancestors: AncestorMap): boolean {
  if (rolesAllow(rolesIn(actor, report.officeId), "report.read")) return true;
  return isSigned(report.status) && can(actor, report.officeId, "report.read", ancestors);
}
