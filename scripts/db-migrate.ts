// npm run db:migrate: applies pending migrations to DATABASE_URL (SQLite file or PostgreSQL).
import { applyMigrations } from "../lib/db/engine";
import { databaseUrl, providerOf } from "../lib/db/config";

const url = databaseUrl();
applyMigrations(url).then(
  (applied) => {
    console.log(
      applied.length
        ? `${providerOf(url)}: applied ${applied.length} migration(s): ${applied.join(", ")}`
        : `${providerOf(url)}: database is up to date`,
    );
    process.exit(0); // the pg pool keeps a timer alive
  },
  (err) => {
    console.error(`数据库迁移失败 / migration failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
