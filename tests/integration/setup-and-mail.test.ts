// A start without demo data: the first administrator creates the office; e-mail
// notifications go out only when an SMTP server is configured.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import nodemailer from "nodemailer";
import { freshDb, type TestDb } from "./helpers";
import { createFirstAdmin, hasAnyUser } from "../../lib/users/service";
import { authenticate } from "../../lib/auth/authenticate";
import { mailNotices, notify } from "../../lib/notify/service";
import { setMailTransport } from "../../lib/notify/mail";
import { runCli } from "../../lib/cli/commands";
import { seedDemo } from "../../lib/demo/seed";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let t: TestDb;
before(async () => {
  t = await freshDb();
});
after(async () => t.close());

test("with no users, the first administrator creates the office and can log in; a second setup is refused", async () => {
  assert.equal(await hasAnyUser(t.db), false);
  const input = {
    officeCode: "gucun", officeName: "顾村镇", officeFullName: "上海市宝山区顾村镇人民政府", headerMark: "顾村镇人民政府文件",
    docCodePrefix: "宝顾府", username: "gcadmin", displayName: "顾管理", password: "gucun-admin-2026",
  };
  const { officeId } = await createFirstAdmin(t.db, input);
  const office = await t.db.office.findUniqueOrThrow({ where: { id: officeId } });
  assert.deepEqual([office.code, office.headerMark, office.docCodePrefix], ["gucun", "顾村镇人民政府文件", "宝顾府"]);
  const membership = await t.db.membership.findFirstOrThrow({ where: { officeId } });
  assert.equal(membership.role, "admin");
  assert.equal((await authenticate(t.db, "gcadmin", "gucun-admin-2026", "127.0.0.1")).ok, true);
  await assert.rejects(() => createFirstAdmin(t.db, { ...input, username: "second" }), /已有管理员/);
});

test("notices are e-mailed only when SMTP_URL is set, to users with an address", async () => {
  const user = await t.db.user.findUniqueOrThrow({ where: { username: "gcadmin" } });
  const sent: { to: string; subject: string }[] = [];
  const json = nodemailer.createTransport({ jsonTransport: true });
  const original = json.sendMail.bind(json);
  json.sendMail = (async (mail: { to: string; subject: string }) => {
    sent.push({ to: mail.to, subject: mail.subject });
    return original(mail as never);
  }) as typeof json.sendMail;
  setMailTransport(json);
  const notices = await notify(t.db, { userIds: [user.id], kind: "comment", params: { heading: "测试" }, link: "/inbox" });
  delete process.env.SMTP_URL;
  assert.equal(await mailNotices(t.db, notices), 0, "off by default");
  process.env.SMTP_URL = "smtp://mail.invalid";
  assert.equal(await mailNotices(t.db, notices), 0, "no address, no mail");
  await t.db.user.update({ where: { id: user.id }, data: { email: "gc@example.gov.cn" } });
  assert.equal(await mailNotices(t.db, notices), 1);
  assert.deepEqual(sent, [{ to: "gc@example.gov.cn", subject: "【年度报告编审】“测试”有新评论" }]);
  assert.equal(await t.db.notification.count({ where: { userId: user.id, readAt: null } }), 1, "the in-app notice is there too");
  delete process.env.SMTP_URL;
  setMailTransport(null);
});

test("the CLI exports a report to a file and refuses an unknown format", async () => {
  const other = await freshDb();
  try {
    const { reportId } = await seedDemo(other.db, "a-demo-password");
    const out = join(mkdtempSync(join(tmpdir(), "rs-cli-export-")), "r.pdf");
    const lines: string[] = [];
    assert.equal(await runCli(["export", reportId, "--format", "pdf", "--out", out], other.db, { out: (l) => lines.push(l) }), 0);
    assert.equal(readFileSync(out).subarray(0, 5).toString(), "%PDF-");
    await assert.rejects(() => runCli(["export", reportId, "--format", "exe"], other.db, { out: () => {} }), /格式/);
  } finally {
    await other.close();
  }
});
