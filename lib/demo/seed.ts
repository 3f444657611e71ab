// Demo data: the 宝山区 district, its towns 大场镇 and 庙行镇, one user per role,
// and 大场镇's real 2022 report (宝大府〔2023〕8号).
import "server-only";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Db } from "../db/client";
import { hashPassword } from "../auth/password";
import { recordAudit } from "../audit/record";
import { parseReportText } from "../core/text/parse-text";
import { insertParsedReport } from "../reports/insert-parsed";
import type { Role } from "../core/permissions";
import { calendarDay } from "../core/dates";
import { liveSections } from "../sections/queries";
import { contentHash } from "../core/export/content-hash";


const DEMO_USERS: { username: string; displayName: string; office: string; roles: Role[] }[] = [
  { username: "admin", displayName: "王管理", office: "dachang", roles: ["admin"] },
  { username: "drafter", displayName: "李起草", office: "dachang", roles: ["drafter"] },
  { username: "drafter2", displayName: "赵起草", office: "dachang", roles: ["drafter"] },
  { username: "reviewer", displayName: "张核稿", office: "dachang", roles: ["reviewer"] },
  { username: "approver", displayName: "陈签发", office: "dachang", roles: ["approver"] },
  { username: "district", displayName: "周查阅", office: "baoshan", roles: ["reader"] },
  { username: "other", displayName: "孙起草", office: "miaohang", roles: ["drafter", "reviewer"] },
];

export class SeedRefusedError extends Error {}

/** Whether the database holds anything a person entered (offices or users). */
export async function hasData(db: Db): Promise<boolean> {
  return (await db.office.count()) + (await db.user.count()) > 0;
}

/** A password nobody knows yet: 16 characters of base58 (no 0/O, 1/l to misread). */
function generatedPassword(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Loads the demo data. With `password` (DEMO_PASSWORD, for a test run) every demo user
 * has it; without, each gets a generated one, returned to be shown once, and must
 * choose their own at first login: a demo left running has no known password.
 */
const YANGHANG_2022 = `关于杨行镇2022年法治政府建设的情况报告
一、2022年度推进法治政府建设的主要举措和成效
2022年，杨行镇坚持依法行政，全年开展执法培训5次。
二、存在的不足和原因
基层执法力量仍显不足。
三、2023年度推进法治政府建设的主要安排`;

export async function seedDemo(db: Db, password?: string) {
  if (await hasData(db)) {
    throw new SeedRefusedError("数据库中已有数据，演示数据只能载入空数据库。/ The database already has data; demo data loads only into an empty one.");
  }
  const passwords = Object.fromEntries(DEMO_USERS.map((u) => [u.username, password ?? generatedPassword()]));
  const hashes = Object.fromEntries(await Promise.all(Object.entries(passwords).map(async ([u, p]) => [u, await hashPassword(p)] as const)));
  const demoText = readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8");
  return db.$transaction(async (tx) => {
    const baoshan = await tx.office.create({
      data: { code: "baoshan", name: "宝山区", fullName: "上海市宝山区人民政府", headerMark: "上海市宝山区人民政府文件", docCodePrefix: "宝府" },
    });
    const dachang = await tx.office.create({
      data: { code: "dachang", name: "大场镇", fullName: "上海市宝山区大场镇人民政府", headerMark: "大场镇人民政府文件", docCodePrefix: "宝大府", parentId: baoshan.id },
    });
    const miaohang = await tx.office.create({
      data: { code: "miaohang", name: "庙行镇", fullName: "上海市宝山区庙行镇人民政府", headerMark: "庙行镇人民政府文件", docCodePrefix: "宝庙府", parentId: baoshan.id },
    });
    // A third town, for the district's overview: its 2022 report still in drafting.
    const yanghang = await tx.office.create({
      data: { code: "yanghang", name: "杨行镇", fullName: "上海市宝山区杨行镇人民政府", headerMark: "杨行镇人民政府文件", docCodePrefix: "宝杨府", parentId: baoshan.id },
    });
    const offices: Record<string, string> = { baoshan: baoshan.id, dachang: dachang.id, miaohang: miaohang.id, yanghang: yanghang.id };
    const ids: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const user = await tx.user.create({
        data: {
          username: u.username, displayName: u.displayName, passwordHash: hashes[u.username], mustChangePassword: password === undefined,
          memberships: { create: u.roles.map((role) => ({ officeId: offices[u.office], role })) },
        },
      });
      ids[u.username] = user.id;
    }
    const parsed = parseReportText(demoText);
    const report = await insertParsedReport(tx, parsed, {
      officeId: dachang.id,
      year: 2022,
      createdById: ids.drafter,
      status: "published",
      sectionStatus: "passed",
      fallbackTitle: "关于大场镇2022年法治政府建设的情况报告",
      // 导语 and 一、 are 司法所's (drafter); 二、 to 四、 are 党政办's (drafter2).
      ownerFor: (i) => (i <= 1 ? ids.drafter : ids.drafter2),
      dueDate: "2023-03-01",
    });
    await tx.report.update({
      where: { id: report.id },
      // The real report's issuing, as it was issued (an import never carries it over).
      data: {
        docNumber: parsed.metadata.docNumber, signatory: "上海市宝山区大场镇人民政府", writtenDate: calendarDay("2023-02-16"),
        issuer: parsed.metadata.issuer, issueDate: parsed.metadata.issueDate ? calendarDay(parsed.metadata.issueDate) : null,
        // Published on the town's website before 1 April, as the rule asks.
        publishedAt: new Date("2023-03-20T02:00:00Z"),
        // The fingerprint 签发 records, so exports and the public page carry it as for any issued report.
        contentHash: contentHash(report.title, await liveSections(tx, report.id)),
      },
    });
    // 杨行镇 2022: written in part, one required part (the leaders') not yet there.
    const yanghangReport = await insertParsedReport(tx, parseReportText(YANGHANG_2022), {
      officeId: yanghang.id, year: 2022, createdById: null, fallbackTitle: "关于杨行镇2022年法治政府建设的情况报告", dueDate: "2023-03-01",
    });
    const firstPart = await tx.section.findFirstOrThrow({ where: { reportId: yanghangReport.id, heading: { contains: "主要举措" } } });
    await tx.section.update({ where: { id: firstPart.id }, data: { status: "passed" } });
    // The real report's number is taken in 大场镇's register, so 印发 in 2023 would not give 8 again.
    await tx.docNumberSequence.create({ data: { officeId: dachang.id, year: 2023, next: 9 } });
    await tx.installation.create({ data: { id: 1, demo: true } });
    await recordAudit(tx, { actorName: "seed", action: "seed.demo", objectType: "report", objectId: report.id, officeId: dachang.id });
    return { offices, users: ids, reportId: report.id, passwords: password === undefined ? passwords : null };
  });
}
