import { paras } from "../helpers";
// One contender in a save race (tests/integration/concurrency.test.ts): connects, reads the base, saves, and prints
// "ok <version>" or "conflict <version>". The save stops at its write (past the version check, at the transaction)
// and tells the parent; the parent lets both contenders write only once both are there, so the race is certain:
// both have checked the same base, and the version condition of the one update statement decides, not who came first.
import { createClient } from "../../../lib/db/client";
import { actorOfUser } from "../../../lib/auth/session-store";
import { saveSection, SaveConflict } from "../../../lib/sections/save";

const [url, userId, sectionId, base, text] = process.argv.slice(2);
process.env.DATABASE_URL = url;

async function main() {
  const db = createClient(url);
  const actor = await actorOfUser(db, userId);
  if (!actor) throw new Error("no actor");
  const read = await db.section.findUniqueOrThrow({ where: { id: sectionId } }); // connected, and the base is there
  if (read.version !== Number(base)) throw new Error(`base ${base}, found ${read.version}`);
  // The barrier at the write: the save's first transaction waits for the parent's word.
  const client = db as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
  const transaction = client.$transaction.bind(db);
  let waited = false;
  client.$transaction = async (...args: unknown[]) => {
    if (!waited) {
      waited = true;
      await new Promise<void>((write) => {
        process.once("message", () => write());
        process.send!("at the write");
      });
    }
    return transaction(...args);
  };
  try {
    const r = await saveSection(db, actor, sectionId, { baseVersion: Number(base), content: paras(text) });
    console.log(`ok ${r.version}`);
  } catch (err) {
    if (err instanceof SaveConflict) console.log(`conflict ${err.current.version}`);
    else throw err;
  }
  await db.$disconnect();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
