// The district's load (--district): 100 towns on PostgreSQL, 500 drafters saving
// every 5 s and 50 readers a second, then steps of rising save rates.
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { hashPassword } from "../../lib/auth/password";
import type { LoadOptions } from "./load";
import { BENCH_PASSWORD, drive, freshUrl, printTable, summaryLine, withServer, type Run, type User } from "./server";

/** 100 towns of a district, each with a report of 5 sections, one per drafter; a reader in each of the first 50. */
export async function prepareDistrict(url: string) {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const db = createClient(url);
  const { offices: ids } = await seedDemo(db, BENCH_PASSWORD);
  const hash = await hashPassword(BENCH_PASSWORD);
  const users: User[] = [];
  for (let t = 0; t < 100; t++) {
    const office = await db.office.create({ data: { code: `town${t}`, name: `镇${t}`, fullName: `宝山区某${t}镇人民政府`, headerMark: `某${t}镇人民政府文件`, docCodePrefix: `某${t}府`, parentId: ids.baoshan } });
    const report = await db.report.create({ data: { officeId: office.id, year: 2023, title: `关于某${t}镇2023年法治政府建设情况的报告`, status: "drafting" } });
    for (let d = 0; d < 5; d++) {
      const u = await db.user.create({ data: { username: `t${t}d${d}`, displayName: `起草${t}-${d}`, passwordHash: hash, memberships: { create: { officeId: office.id, role: "drafter" } } } });
      const heading = ["一、主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的不足和原因", "四、下一年度工作计划", "五、其他"][d];
      const content = [{ text: "依法行政，".repeat(60) }];
      const section = await db.section.create({ data: { reportId: report.id, position: d, heading, content, ownerId: u.id, revisions: { create: { version: 1, heading, content } } } });
      users.push({ username: u.username, role: "drafter", sectionId: section.id, every: 5000 });
    }
    if (t < 50) {
      const r = await db.user.create({ data: { username: `t${t}r`, displayName: `查阅${t}`, passwordHash: hash, memberships: { create: { officeId: office.id, role: "reader" } } } });
      users.push({ username: r.username, role: "reader", reports: [report.id], every: 1000 });
    }
  }
  await db.$disconnect();
  return users;
}

export async function benchDistrict(options: LoadOptions, port: number) {
  const url = await freshUrl("postgres");
  const all = await prepareDistrict(url);
  // --no-readers: the save path's own capacity, without the 50 readers.
  const users = options.noReaders ? all.filter((u) => u.role !== "reader") : all;
  return withServer(url, port, async (peak, timed) => {
    const full = await timed({ users, seconds: options.seconds });
    printTable(`district: 500 drafters in 100 towns saving every 5 s${options.noReaders ? "" : ", 50 readers a second"} (PostgreSQL)`, null, full, peak());
    // Save rates rising from 10 a second (50, 100, … of the drafters saving every 5 s; the readers as before) until autosave p95 passes 100 ms.
    const steps: { savesPerSecond: number; p95: number; errors: number }[] = [];
    const drafters = users.filter((u) => u.role === "drafter");
    const readers = users.filter((u) => u.role === "reader");
    for (const active of [50, 100, 200, 300, 400]) {
      const step = (await drive(port, { users: [...drafters.slice(0, active), ...readers], seconds: Math.min(20, options.seconds) })) as Run;
      const rate = Math.round(step.kinds.autosave.count / step.seconds);
      steps.push({ savesPerSecond: rate, p95: step.kinds.autosave.p95, errors: step.serverErrors + step.otherErrors });
      console.log(`  step: ${active} drafters, ${rate} saves/s → autosave p95 ${step.kinds.autosave.p95.toFixed(0)} ms, errors ${step.serverErrors + step.otherErrors}`);
      if (step.kinds.autosave.p95 > 100) break;
    }
    const summary = summaryLine(options.noReaders ? "postgres-district-saves" : "postgres-district", full);
    console.log(summary);
    return { result: { load: full, steps, serverRssMb: Math.round(peak()) }, summary };
  });
}
