import { paras } from "../helpers";
// One contender in a save race (tests/integration/concurrency.test.ts): waits
// for the start time, saves, prints "ok <version>" or "conflict <version>".
import { createClient } from "../../../lib/db/client";
import { actorOfUser } from "../../../lib/auth/sessions";
import { saveSection, SaveConflict } from "../../../lib/sections/save";

const [url, userId, sectionId, base, startAt, text] = process.argv.slice(2);
process.env.DATABASE_URL = url;

async function main() {
  const db = createClient(url);
  const actor = await actorOfUser(db, userId);
  if (!actor) throw new Error("no actor");
  await db.section.count(); // connect before the start line
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
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
