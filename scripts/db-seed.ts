// npm run db:seed [-- --if-empty]: loads the demo data. Refuses a database that
// already has data; with --if-empty (used by npm start) that is not an error.
import { applyMigrations } from "../lib/db/engine";
import { createClient } from "../lib/db/client";
import { databaseUrl } from "../lib/db/config";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { SeedRefusedError, hasData, seedDemo } from "../lib/demo/seed";
import { settings } from "../lib/config/settings";

async function main() {
  const url = databaseUrl();
  await applyMigrations(url);
  const db = createClient(url);
  try {
    if (process.argv.includes("--if-empty") && (await hasData(db))) {
      console.log("demo data: database already has data, nothing loaded");
      return 0;
    }
    const { reportId, passwords } = await seedDemo(db, process.env.DEMO_PASSWORD || undefined);
    console.log(`demo data loaded; the 2022 report is /reports/${reportId}`);
    if (passwords) {
      // Shown once, and kept where only the server's account can read it; each user must change theirs at first login.
      const lines = Object.entries(passwords).map(([user, password]) => `${user}\t${password}`);
      mkdirSync(settings.dataDir, { recursive: true });
      const file = join(settings.dataDir, "demo-passwords.txt");
      writeFileSync(file, `# 演示账户的初始密码（首次登录须修改）/ demo accounts' first passwords (change at first login)\n${lines.join("\n")}\n`, { mode: 0o600 });
      console.log(`演示账户的初始密码（只显示这一次，也已写入 ${file}，仅本机账户可读）/ demo passwords (shown once, also in ${file}):`);
      for (const line of lines) console.log(`  ${line}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof SeedRefusedError) {
      console.error(err.message);
      return 3;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`载入演示数据失败 / seed failed: ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);
