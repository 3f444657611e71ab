// npm run cli -- <command>: see lib/cli/commands.ts.
import { createClient } from "../lib/db/client";
import { databaseUrl } from "../lib/db/config";
import { CliError, runCli } from "../lib/cli/commands";

async function main() {
  const db = createClient(databaseUrl());
  try {
    return await runCli(process.argv.slice(2), db, { out: (line) => console.log(line) });
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof CliError ? err.message : `出错 / error: ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);
