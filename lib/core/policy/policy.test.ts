// The policy asked every action × actor × status, against tables written out here
// (reviewed by hand against docs/policy.md, not generated at test time). One
// character per status: + allowed, b blocked (shown disabled with a reason),
// c 409 (not in this state), f 403 (not permitted), n 404 (not visible).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "./actor";
import type { Role } from "../permissions";
import { REPORT_STATUSES, SECTION_STATUSES } from "../workflow/statuses";
import type { Answer } from "./answer";
import { explain } from "./answer";
import { REPORT_POLICY_ACTIONS, reportPolicy, type ReportPolicyAction } from "./report";
import { SECTION_POLICY_ACTIONS, moveDestinationPolicy, sectionPolicy, type SectionFacts, type SectionPolicyAction } from "./section";
import { commentPolicy } from "./comment";
import { suggestionPolicy } from "./suggestion";

/** The town "town" and another town "other", both below the district "district". */
const ancestors = new Map<string, string[]>([["town", ["district"]], ["other", ["district"]], ["district", []]]);
const actor = (id: string, role: Role, office: string): Actor => ({
  userId: id, username: id, displayName: id, mustChangePassword: false, memberships: [{ officeId: office, officeCode: office, officeName: office, role }],
});
/** "owner" is the drafter who owns the section; "district" holds the reviewer role at the district. */
const ACTORS: Record<string, Actor> = {
  owner: actor("owner", "drafter", "town"),
  drafter: actor("drafter", "drafter", "town"),
  reviewer: actor("reviewer", "reviewer", "town"),
  approver: actor("approver", "approver", "town"),
  admin: actor("admin", "admin", "town"),
  reader: actor("reader", "reader", "town"),
  district: actor("district", "reviewer", "district"),
  other: actor("other", "drafter", "other"),
};
const code = (a: Answer) => (a.ok ? "+" : a.blocked ? "b" : { 403: "f", 404: "n", 409: "c" }[a.status]);

// Report statuses in order: drafting checking awaiting_signoff signed issued published.
const REPORT_TABLE: [ReportPolicyAction, string, string][] = [
  ["read", "drafter", "++++++"],
  ["read", "reviewer", "++++++"],
  ["read", "approver", "++++++"],
  ["read", "admin", "++++++"],
  ["read", "reader", "++++++"],
  ["read", "district", "nnn+++"],
  ["read", "other", "nnnnnn"],
  ["readReview", "drafter", "++++++"],
  ["readReview", "reviewer", "++++++"],
  ["readReview", "approver", "++++++"],
  ["readReview", "admin", "++++++"],
  ["readReview", "reader", "++++++"],
  ["readReview", "district", "nnnfff"],
  ["readReview", "other", "nnnnnn"],
  ["export", "drafter", "++++++"],
  ["export", "reviewer", "++++++"],
  ["export", "approver", "++++++"],
  ["export", "admin", "++++++"],
  ["export", "reader", "++++++"],
  ["export", "district", "nnn+++"],
  ["export", "other", "nnnnnn"],
  ["editMetadata", "drafter", "ffffff"],
  ["editMetadata", "reviewer", "ffffff"],
  ["editMetadata", "approver", "ffffff"],
  ["editMetadata", "admin", "++++cc"],
  ["editMetadata", "reader", "ffffff"],
  ["editMetadata", "district", "nnnfff"],
  ["editMetadata", "other", "nnnnnn"],
  ["changeStructure", "drafter", "ffffff"],
  ["changeStructure", "reviewer", "+ccccc"],
  ["changeStructure", "approver", "ffffff"],
  ["changeStructure", "admin", "+ccccc"],
  ["changeStructure", "reader", "ffffff"],
  ["changeStructure", "district", "nnnfff"],
  ["changeStructure", "other", "nnnnnn"],
  ["editPlan", "drafter", "+ccccc"],
  ["editPlan", "reviewer", "+ccccc"],
  ["editPlan", "approver", "ffffff"],
  ["editPlan", "admin", "+ccccc"],
  ["editPlan", "reader", "ffffff"],
  ["editPlan", "district", "nnnfff"],
  ["editPlan", "other", "nnnnnn"],
  ["send", "drafter", "ffffff"],
  ["send", "reviewer", "ffffff"],
  ["send", "approver", "ffffff"],
  ["send", "admin", "cccc++"],
  ["send", "reader", "ffffff"],
  ["send", "district", "nnnfff"],
  ["send", "other", "nnnnnn"],
  ["submitForCheck", "drafter", "fccccc"],
  ["submitForCheck", "reviewer", "+ccccc"],
  ["submitForCheck", "approver", "fccccc"],
  ["submitForCheck", "admin", "fccccc"],
  ["submitForCheck", "reader", "fccccc"],
  ["submitForCheck", "district", "nnnccc"],
  ["submitForCheck", "other", "nnnnnn"],
  ["checkPass", "drafter", "cfcccc"],
  ["checkPass", "reviewer", "c+cccc"],
  ["checkPass", "approver", "cfcccc"],
  ["checkPass", "admin", "cfcccc"],
  ["checkPass", "reader", "cfcccc"],
  ["checkPass", "district", "nnnccc"],
  ["checkPass", "other", "nnnnnn"],
  ["signOff", "drafter", "ccfccc"],
  ["signOff", "reviewer", "ccfccc"],
  ["signOff", "approver", "cc+ccc"],
  ["signOff", "admin", "ccfccc"],
  ["signOff", "reader", "ccfccc"],
  ["signOff", "district", "nnnccc"],
  ["signOff", "other", "nnnnnn"],
  ["issue", "drafter", "cccfcc"],
  ["issue", "reviewer", "ccc+cc"],
  ["issue", "approver", "cccfcc"],
  ["issue", "admin", "ccc+cc"],
  ["issue", "reader", "cccfcc"],
  ["issue", "district", "nnnfcc"],
  ["issue", "other", "nnnnnn"],
  ["publish", "drafter", "ccccfc"],
  ["publish", "reviewer", "ccccfc"],
  ["publish", "approver", "ccccfc"],
  ["publish", "admin", "cccc+c"],
  ["publish", "reader", "ccccfc"],
  ["publish", "district", "nnncfc"],
  ["publish", "other", "nnnnnn"],
  ["return", "drafter", "cfffff"],
  ["return", "reviewer", "c+ff+f"],
  ["return", "approver", "cf++ff"],
  ["return", "admin", "cfff++"],
  ["return", "reader", "cfffff"],
  ["return", "district", "nnnfff"],
  ["return", "other", "nnnnnn"],
];

// Report statuses as above, each a group of five section statuses: not_started drafting submitted returned passed.
// The section has text, was last saved by nobody in the table, and sits under another section of its owner's.
const SECTION_TABLE: [SectionPolicyAction, string, string][] = [
  ["read", "owner", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "drafter", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "reviewer", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "approver", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "admin", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "reader", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["read", "district", "nnnnn nnnnn nnnnn +++++ +++++ +++++"],
  ["read", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["readDrafts", "owner", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "drafter", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "reviewer", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "approver", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "admin", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "reader", "+++++ +++++ +++++ +++++ +++++ +++++"],
  ["readDrafts", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["readDrafts", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["edit", "owner", "++c+c ccccc ccccc ccccc ccccc ccccc"],
  ["edit", "drafter", "fffff fffff fffff fffff fffff fffff"],
  ["edit", "reviewer", "++++c ccccc ccccc ccccc ccccc ccccc"],
  ["edit", "approver", "fffff fffff fffff fffff fffff fffff"],
  ["edit", "admin", "fffff fffff fffff fffff fffff fffff"],
  ["edit", "reader", "fffff fffff fffff fffff fffff fffff"],
  ["edit", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["edit", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["submit", "owner", "++c+c ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "drafter", "ffcfc ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "reviewer", "ffcfc ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "approver", "ffcfc ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "admin", "ffcfc ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "reader", "ffcfc ccccc ccccc ccccc ccccc ccccc"],
  ["submit", "district", "nnnnn nnnnn nnnnn ccccc ccccc ccccc"],
  ["submit", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["withdraw", "owner", "cc+cc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "drafter", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "reviewer", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "approver", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "admin", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "reader", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["withdraw", "district", "nnnnn nnnnn nnnnn ccccc ccccc ccccc"],
  ["withdraw", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["pass", "owner", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "drafter", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "reviewer", "cc+cc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "approver", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "admin", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "reader", "ccfcc ccccc ccccc ccccc ccccc ccccc"],
  ["pass", "district", "nnnnn nnnnn nnnnn ccccc ccccc ccccc"],
  ["pass", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["return", "owner", "ccfcf ccccc ccccc ccccc ccccc ccccc"],
  ["return", "drafter", "ccfcf ccccc ccccc ccccc ccccc ccccc"],
  ["return", "reviewer", "cc+c+ ccccc ccccc ccccc ccccc ccccc"],
  ["return", "approver", "ccfcf ccccc ccccc ccccc ccccc ccccc"],
  ["return", "admin", "ccfcf ccccc ccccc ccccc ccccc ccccc"],
  ["return", "reader", "ccfcf ccccc ccccc ccccc ccccc ccccc"],
  ["return", "district", "nnnnn nnnnn nnnnn ccccc ccccc ccccc"],
  ["return", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["comment", "owner", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["comment", "drafter", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["comment", "reviewer", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["comment", "approver", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["comment", "admin", "fffff fffff fffff ccccc ccccc ccccc"],
  ["comment", "reader", "fffff fffff fffff ccccc ccccc ccccc"],
  ["comment", "district", "nnnnn nnnnn nnnnn ccccc ccccc ccccc"],
  ["comment", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["suggest", "owner", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["suggest", "drafter", "fffff fffff fffff fffff fffff fffff"],
  ["suggest", "reviewer", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["suggest", "approver", "+++++ +++++ +++++ ccccc ccccc ccccc"],
  ["suggest", "admin", "fffff fffff fffff fffff fffff fffff"],
  ["suggest", "reader", "fffff fffff fffff fffff fffff fffff"],
  ["suggest", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["suggest", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["changeStructure", "owner", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["changeStructure", "drafter", "fffff fffff fffff fffff fffff fffff"],
  ["changeStructure", "reviewer", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["changeStructure", "approver", "fffff fffff fffff fffff fffff fffff"],
  ["changeStructure", "admin", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["changeStructure", "reader", "fffff fffff fffff fffff fffff fffff"],
  ["changeStructure", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["changeStructure", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["addChild", "owner", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["addChild", "drafter", "fffff fffff fffff fffff fffff fffff"],
  ["addChild", "reviewer", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["addChild", "approver", "fffff fffff fffff fffff fffff fffff"],
  ["addChild", "admin", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["addChild", "reader", "fffff fffff fffff fffff fffff fffff"],
  ["addChild", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["addChild", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
  ["assign", "owner", "fffff fffff fffff fffff fffff fffff"],
  ["assign", "drafter", "fffff fffff fffff fffff fffff fffff"],
  ["assign", "reviewer", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["assign", "approver", "fffff fffff fffff fffff fffff fffff"],
  ["assign", "admin", "+++++ ccccc ccccc ccccc ccccc ccccc"],
  ["assign", "reader", "fffff fffff fffff fffff fffff fffff"],
  ["assign", "district", "nnnnn nnnnn nnnnn fffff fffff fffff"],
  ["assign", "other", "nnnnn nnnnn nnnnn nnnnn nnnnn nnnnn"],
];

test("the report table covers every report action and actor", () => {
  const actors = Object.keys(ACTORS).filter((a) => a !== "owner");
  assert.deepEqual(REPORT_TABLE.map(([a, who]) => `${a} ${who}`), REPORT_POLICY_ACTIONS.flatMap((a) => actors.map((who) => `${a} ${who}`)));
});

test("the report policy answers as the table says, for every action × actor × status", () => {
  for (const [action, who, expected] of REPORT_TABLE) {
    const got = REPORT_STATUSES.map((status) => code(reportPolicy({ actor: ACTORS[who], ancestors }, { officeId: "town", status, unpassed: [] }, action))).join("");
    assert.equal(got, expected, `${action} by ${who}`);
  }
});

test("the section table covers every section action and actor", () => {
  assert.deepEqual(SECTION_TABLE.map(([a, who]) => `${a} ${who}`), SECTION_POLICY_ACTIONS.flatMap((a) => Object.keys(ACTORS).map((who) => `${a} ${who}`)));
});

const section = (status: SectionFacts["status"], more: Partial<SectionFacts> = {}): SectionFacts => ({ ownerId: "owner", status, kind: "heading", deletedAt: null, hasText: true, lastEditorId: null, parentOwnerId: "owner", ...more });

test("the section policy answers as the table says, for every action × actor × report status × section status", () => {
  for (const [action, who, expected] of SECTION_TABLE) {
    const got = REPORT_STATUSES.map((rs) => SECTION_STATUSES.map((ss) => code(sectionPolicy({ actor: ACTORS[who], ancestors }, { officeId: "town", status: rs }, section(ss), action))).join("")).join(" ");
    assert.equal(got, expected, `${action} by ${who}`);
  }
});

test("blocked steps: an empty section, four eyes, sections not passed; each with its reason", () => {
  const ctx = (who: string) => ({ actor: ACTORS[who], ancestors });
  const drafting = { officeId: "town", status: "drafting" as const };
  const empty = sectionPolicy(ctx("owner"), drafting, section("drafting", { hasText: false }), "submit");
  assert.equal(code(empty), "b");
  assert.equal(explain(empty), "章节正文为空：请先写正文并保存，再提交审核。");
  // A heading made of sub-sections says so, and that it needs no submitting.
  assert.match(explain(sectionPolicy(ctx("owner"), drafting, section("not_started", { hasText: false, hasChildren: true }), "submit")), /由其下的子章节组成，无需提交/);
  const ownEdit = sectionPolicy(ctx("reviewer"), drafting, section("submitted", { lastEditorId: "reviewer" }), "pass");
  assert.equal(code(ownEdit), "b");
  assert.match(explain(ownEdit, "en"), /four eyes/);
  assert.equal(code(sectionPolicy(ctx("reviewer"), drafting, section("submitted", { lastEditorId: "owner" }), "pass")), "+");
  const open = reportPolicy(ctx("reviewer"), { ...drafting, unpassed: ["甲", "乙", "丙", "丁"] }, "submitForCheck");
  assert.equal(code(open), "b");
  assert.equal(explain(open), "还有 4 个章节未审核通过（“甲”、“乙”、“丙”…），不能提交核稿：请章节负责人提交这些章节，由审核人审核通过后再提交核稿。");
  // 签发 too: a return from 签发 that reopened sections leaves nothing to sign until they pass.
  const reopened = reportPolicy({ actor: ACTORS.approver, ancestors }, { officeId: "town", status: "awaiting_signoff", unpassed: ["甲"] }, "signOff");
  assert.equal(explain(reopened), "还有 1 个章节未审核通过（“甲”），不能签发：请章节负责人提交这些章节，由审核人审核通过后再签发。");
  // Blocked only where the actor could otherwise take the step: the drafter is refused outright.
  assert.equal(code(reportPolicy(ctx("drafter"), { ...drafting, unpassed: ["甲"] }, "submitForCheck")), "f");
});

test("报送: once issued, once at a time; after a return, only when signed again", () => {
  const ctx = { actor: ACTORS.admin, ancestors };
  const issued = { officeId: "town", status: "issued" as const };
  const returnedAt = new Date("2025-03-05T00:00:00Z");
  assert.equal(code(reportPolicy(ctx, { ...issued, submission: { status: "sent", decidedAt: null } }, "send")), "c");
  assert.equal(code(reportPolicy(ctx, { ...issued, submission: { status: "received", decidedAt: returnedAt } }, "send")), "c");
  const notResigned = reportPolicy(ctx, { ...issued, signedAt: new Date("2025-03-01T00:00:00Z"), submission: { status: "returned", decidedAt: returnedAt } }, "send");
  assert.equal(code(notResigned), "b");
  assert.match(explain(notResigned), /重新签发、印发后再报送/);
  assert.equal(code(reportPolicy(ctx, { ...issued, signedAt: new Date("2025-03-06T00:00:00Z"), submission: { status: "returned", decidedAt: returnedAt } }, "send")), "+");
  assert.equal(code(reportPolicy(ctx, { ...issued, hasOfficeAbove: false }, "send")), "c");
});

test("a drafter changes the outline only within sections of their own", () => {
  const ctx = { actor: ACTORS.owner, ancestors };
  const drafting = { officeId: "town", status: "drafting" as const };
  // A first-level section, or one under someone else's: refused, with the reason.
  for (const parentOwnerId of [null, "drafter"]) {
    const answer = sectionPolicy(ctx, drafting, section("drafting", { parentOwnerId }), "changeStructure");
    assert.equal(code(answer), "f");
    assert.match(explain(answer), /只有审核人和管理员可以调整报告的章节结构/);
  }
  // Adding under a section of their own is theirs to do, wherever it sits.
  assert.equal(code(sectionPolicy(ctx, drafting, section("drafting", { parentOwnerId: null }), "addChild")), "+");
});

test("a deleted section takes no step; the introduction stays where it is", () => {
  const ctx = { actor: ACTORS.reviewer, ancestors };
  const drafting = { officeId: "town", status: "drafting" as const };
  for (const action of ["edit", "submit", "pass", "return"] as const) {
    assert.equal(code(sectionPolicy(ctx, drafting, section("submitted", { deletedAt: new Date() }), action)), "c", action);
  }
  const intro = sectionPolicy(ctx, drafting, section("drafting", { kind: "intro" }), "changeStructure");
  assert.equal(explain(intro), "导语固定在报告开头，不能删除或移动；不需要时请留空。");
});

test("a comment is marked resolved by its author, the section's owner or a reviewer, by nobody else", () => {
  const expected: Record<string, string> = { owner: "+", drafter: "f", reviewer: "+", approver: "f", admin: "f", reader: "f", district: "f", other: "n" };
  for (const [who, a] of Object.entries(ACTORS)) {
    const got = code(commentPolicy({ actor: a, ancestors }, { officeId: "town", status: "signed" }, { ownerId: "owner" }, { authorId: "approver" }, "resolve"));
    assert.equal(got, who === "approver" ? "+" : expected[who], who);
  }
  // Before the district may read the report, its comments do not exist for it.
  assert.equal(code(commentPolicy({ actor: ACTORS.district, ancestors }, { officeId: "town", status: "checking" }, { ownerId: "owner" }, { authorId: "approver" }, "resolve")), "n");
});

test("the record: the town reads every entry; the district only the steps of the signed text", async () => {
  const { trailEntryShown } = await import("./trail");
  const report = { officeId: "town", status: "published" as const };
  const entries = [
    { action: "section.save", objectType: "section" }, { action: "section.return", objectType: "section" }, { action: "section.delete", objectType: "section" },
    { action: "comment.add", objectType: "comment" }, { action: "report.return", objectType: "report" }, { action: "report.submitForCheck", objectType: "report" },
    { action: "report.checkPass", objectType: "report" }, { action: "report.signOff", objectType: "report" }, { action: "report.issue", objectType: "report" },
    { action: "report.publish", objectType: "report" }, { action: "report.send", objectType: "report" }, { action: "report.reject", objectType: "report" },
  ];
  const shown = (who: string) => entries.filter((e) => trailEntryShown(reportPolicy({ actor: ACTORS[who], ancestors }, report, "readReview"), e)).map((e) => e.action);
  for (const who of ["drafter", "reviewer", "approver", "admin", "reader"]) assert.deepEqual(shown(who), entries.map((e) => e.action), who);
  assert.deepEqual(shown("district"), ["report.checkPass", "report.signOff", "report.issue", "report.publish", "report.send", "report.reject"]);
  assert.equal(explain(reportPolicy({ actor: ACTORS.district, ancestors }, report, "readReview")), "章节的保存、审核、退回和删除是本单位的内部工作，上级机关只能看到核稿、签发、印发、公开和报送的步骤。");
});

test("a drafter moves a section only under a section of their own; the report's structure keepers move anywhere", () => {
  const town = { officeId: "town" };
  const at = (who: string, destinationOwner: string | null) => moveDestinationPolicy({ actor: ACTORS[who], ancestors }, town, destinationOwner);
  assert.deepEqual(at("owner", "owner"), { ok: true });
  assert.equal(at("owner", "drafter").ok, false);
  assert.equal(at("owner", null).ok, false, "a first-level place is the outline's");
  assert.deepEqual(at("reviewer", "drafter"), { ok: true });
  assert.deepEqual(at("admin", null), { ok: true });
  const refusal = at("drafter", "owner");
  assert.ok(!refusal.ok && refusal.status === 403 && refusal.reason === "refusal.structureNotYours");
});

test("suggestions: pending ones block a pass; the owner or a reviewer decides, the author may withdraw, nobody after 签发", () => {
  const ctx = (who: string) => ({ actor: ACTORS[who], ancestors });
  const drafting = { officeId: "town", status: "drafting" as const };
  const pending = sectionPolicy(ctx("reviewer"), drafting, section("submitted", { lastEditorId: "owner", pendingSuggestions: 2 }), "pass");
  assert.equal(code(pending), "b");
  assert.match(explain(pending), /还有 2 处修订未处理/);
  assert.match(explain(pending, "en"), /2 suggested changes/);
  const mine = { authorId: "approver", decision: null };
  const decide = (who: string, action: "accept" | "reject", report: { officeId: string; status: (typeof REPORT_STATUSES)[number] } = drafting, status: SectionFacts["status"] = "drafting", s: { authorId: string | null; decision: string | null } = mine) =>
    code(suggestionPolicy(ctx(who), report, { ownerId: "owner", status, deletedAt: null }, s, action));
  assert.deepEqual(["owner", "reviewer", "approver", "drafter", "admin", "reader", "district", "other"].map((w) => decide(w, "accept")).join(""), "++ffffnn");
  assert.deepEqual(["owner", "reviewer", "approver", "drafter", "admin", "reader", "district", "other"].map((w) => decide(w, "reject")).join(""), "+++fffnn");
  assert.equal(decide("owner", "accept", drafting, "passed"), "c");
  assert.equal(decide("owner", "accept", { officeId: "town", status: "checking" }), "c");
  assert.equal(decide("approver", "reject", { officeId: "town", status: "checking" }), "+");
  assert.equal(decide("owner", "reject", { officeId: "town", status: "signed" }), "c");
  assert.equal(decide("owner", "accept", drafting, "drafting", { authorId: "reviewer", decision: "accepted" }), "c");
});
