import { paras } from "../helpers";
// One contender in a save race (tests/integration/concurrency.test.ts): connects, reads
// the base, tells the parent it is ready and waits for "go" (a barrier both contenders
// pass together), saves, prints "ok <version>" or "conflict <version>".
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
  await new Promise<void>((go) => {
    process.once("message", () => go());
    process.send!("ready");
  });
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
