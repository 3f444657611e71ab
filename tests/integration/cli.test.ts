import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { runCli, CliError } from "../../lib/cli/commands";

let t: TestDb;
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
});
after(async () => t.close());

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, t.db, { out: (l) => lines.push(l) });
  return { code, lines };
}

test("offices and reports print one line each", async () => {
  const offices = await cli("offices");
  assert.deepEqual(offices.lines.map((l) => l.split("\t").slice(1)), [
    ["baoshan", "宝山区", "-"],
    ["dachang", "大场镇", "baoshan"],
    ["miaohang", "庙行镇", "baoshan"],
    ["yanghang", "杨行镇", "baoshan"],
  ]);
  const reports = await cli("reports");
  assert.deepEqual(reports.lines.map((l) => l.split("\t").slice(1, 4)), [["dachang", "2022", "published"], ["yanghang", "2022", "drafting"]]);
});

test("office add and user add print the new id last", async () => {
  const office = await cli("office", "add", "--code", "gucun", "--name", "顾村镇", "--full-name", "上海市宝山区顾村镇人民政府",
    "--header-mark", "顾村镇人民政府文件", "--doc-code", "宝顾府", "--parent", "baoshan");
  const officeId = office.lines.at(-1)!;
  assert.equal((await t.db.office.findUniqueOrThrow({ where: { id: officeId } })).code, "gucun");
  const user = await cli("user", "add", "--username", "gucun-admin", "--name", "顾管理", "--office", "gucun", "--role", "admin,reviewer");
  const userId = user.lines.at(-1)!;
  const memberships = await t.db.membership.findMany({ where: { userId } });
  assert.deepEqual(memberships.map((m) => m.role).sort(), ["admin", "reviewer"]);
  assert.ok(user.lines.some((l) => l.startsWith("初始密码")), "a generated password is shown once");
  assert.ok((await cli("users")).lines.some((l) => l.includes("gucun-admin") && l.includes("admin@gucun")));
});

test("bad input exits with a message and creates nothing", async () => {
  const before = await t.db.user.count();
  await assert.rejects(() => cli("user", "add", "--username", "x y", "--office", "dachang", "--role", "boss"), CliError);
  await assert.rejects(() => cli("user", "add", "--username", "dup", "--name", "重", "--office", "nowhere", "--role", "drafter"), /不存在/);
  await assert.rejects(() => cli("office", "add", "--code", "dachang", "--name", "大场镇", "--full-name", "全称全称", "--header-mark", "标志标志", "--doc-code", "宝"), /已存在/);
  await assert.rejects(() => cli("nonsense"), /未知命令/);
  assert.equal(await t.db.user.count(), before);
});

test("audit verify passes on an intact chain and fails on a tampered one", async () => {
  assert.equal((await cli("audit", "verify")).code, 0);
  const row = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
  await t.db.auditEvent.update({ where: { seq: row.seq }, data: { action: "tampered" } });
  await assert.rejects(() => cli("audit", "verify"), /审计链校验失败/);
});

test("user add takes an e-mail address for notices, and checks it", async () => {
  const ok = await cli("user", "add", "--username", "mailer", "--name", "邮件用户", "--office", "dachang", "--role", "drafter", "--email", "mailer@example.gov.cn");
  assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: ok.lines.at(-1)! } })).email, "mailer@example.gov.cn");
  await assert.rejects(() => cli("user", "add", "--username", "mailer2", "--name", "邮件", "--office", "dachang", "--role", "drafter", "--email", "not-an-address"), /电子邮箱/);
});

test("export --format ofd writes an OFD package whose DocInfo carries the 发文字号 and the content hash", async () => {
  const { mkdtempSync, readFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const JSZip = (await import("jszip")).default;
  const report = await t.db.report.findFirstOrThrow({ where: { status: "published" } });
  const file = join(mkdtempSync(join(tmpdir(), "rs-cli-ofd-")), "r.ofd");
  const out = await cli("export", report.id, "--format", "ofd", "--out", file);
  assert.equal(out.code, 0);
  assert.equal(out.lines[0], `已导出 / exported: ${file}`);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const info = await zip.file("OFD.xml")!.async("string");
  assert.match(info, /<ofd:CustomData Name="发文字号">宝大府〔2023〕8号<\/ofd:CustomData>/);
  assert.ok(report.contentHash && info.includes(`<ofd:CustomData Name="内容指纹">${report.contentHash}</ofd:CustomData>`));
  assert.match(info, /<ofd:Author>上海市宝山区大场镇人民政府<\/ofd:Author>/);
  assert.ok(zip.file("Doc_0/Pages/Page_0/Content.xml"));
});
