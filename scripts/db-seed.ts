// npm run db:seed [-- --if-empty]: loads the demo data. Refuses a database that
// already has data; with --if-empty (used by npm start) that is not an error.
import { applyMigrations } from "../lib/db/engine";
import { createClient } from "../lib/db/client";
import { databaseUrl } from "../lib/db/config";
import { SeedRefusedError, hasData, seedDemo } from "../lib/db/seed";

async function main() {
  const url = databaseUrl();
  await applyMigrations(url);
  const db = createClient(url);
  try {
    if (process.argv.includes("--if-empty") && (await hasData(db))) {
      console.log("demo data: database already has data, nothing loaded");
      return 0;
    }
    const { reportId } = await seedDemo(db);
    console.log(`demo data loaded; the 2022 report is /reports/${reportId}`);
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
