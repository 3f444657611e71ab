import { test } from "node:test";
import assert from "node:assert/strict";
import { reportStep, sectionStep, SECTION_ACTIONS, REPORT_ACTIONS } from "./machine";
import { REPORT_STATUSES, SECTION_STATUSES } from "./statuses";
import { ROLES, roleAllows } from "../permissions";

// Every section status × action: the status it leads to, or null (refused, 409).
const SECTION_TABLE: Record<string, Record<string, string | null>> = {
  not_started: { submit: "submitted", withdraw: null, pass: null, return: null },
  drafting: { submit: "submitted", withdraw: null, pass: null, return: null },
  submitted: { submit: null, withdraw: "drafting", pass: "passed", return: "returned" },
  returned: { submit: "submitted", withdraw: null, pass: null, return: null },
  passed: { submit: null, withdraw: null, pass: null, return: "returned" },
};

// Which roles may take each section action (a second check, four-eyes and ownership, sits in the service).
const SECTION_ROLES: Record<string, string[]> = {
  submit: ["drafter"],
  withdraw: ["drafter"],
  pass: ["reviewer"],
  return: ["reviewer"],
};

test("every section status × action, and who may take it", () => {
  for (const status of SECTION_STATUSES) {
    for (const action of SECTION_ACTIONS) {
      const step = sectionStep(status, action);
      assert.equal(step?.to ?? null, SECTION_TABLE[status][action], `${status} --${action}-->`);
      if (!step) continue;
      for (const role of ROLES) {
        assert.equal(roleAllows(role, step.permission), SECTION_ROLES[action].includes(role), `${role} ${action} from ${status}`);
      }
    }
  }
});

const REPORT_TABLE: Record<string, Record<string, string | null>> = {
  drafting: { submitForCheck: "checking", checkPass: null, signOff: null, issue: null, publish: null, return: null },
  checking: { submitForCheck: null, checkPass: "awaiting_signoff", signOff: null, issue: null, publish: null, return: "drafting" },
  awaiting_signoff: { submitForCheck: null, checkPass: null, signOff: "signed", issue: null, publish: null, return: "checking" },
  signed: { submitForCheck: null, checkPass: null, signOff: null, issue: "issued", publish: null, return: "awaiting_signoff" },
  issued: { submitForCheck: null, checkPass: null, signOff: null, issue: null, publish: "published", return: "signed" },
  published: { submitForCheck: null, checkPass: null, signOff: null, issue: null, publish: null, return: "issued" },
};

// Who may take each report action from each status (returns belong to whoever holds that step).
const REPORT_ROLES: Record<string, string[]> = {
  "drafting:submitForCheck": ["reviewer"],
  "checking:checkPass": ["reviewer"],
  "checking:return": ["reviewer"],
  "awaiting_signoff:signOff": ["approver"],
  "awaiting_signoff:return": ["approver"],
  "signed:issue": ["reviewer", "admin"],
  "signed:return": ["approver"],
  "issued:publish": ["admin"],
  "issued:return": ["reviewer", "admin"],
  "published:return": ["admin"],
};

test("every report status × action × role", () => {
  for (const status of REPORT_STATUSES) {
    for (const action of REPORT_ACTIONS) {
      const step = reportStep(status, action);
      assert.equal(step?.to ?? null, REPORT_TABLE[status][action], `${status} --${action}-->`);
      for (const role of ROLES) {
        const allowed = !!step && roleAllows(role, step.permission);
        assert.equal(allowed, (REPORT_ROLES[`${status}:${action}`] ?? []).includes(role), `${role} ${action} from ${status}`);
      }
    }
  }
});

test("a return from 核稿 or 签发 that names sections goes back to drafting", () => {
  assert.equal(reportStep("checking", "return", true)?.to, "drafting");
  assert.equal(reportStep("awaiting_signoff", "return", true)?.to, "drafting");
  assert.equal(reportStep("awaiting_signoff", "return", false)?.to, "checking");
  assert.equal(reportStep("signed", "return", true)?.to, "awaiting_signoff", "after sign-off, sections are not reopened directly");
  assert.equal(reportStep("drafting", "return", true), null);
});
