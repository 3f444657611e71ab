"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { submitAllMine, transitionReport, transitionSection } from "@/lib/workflow/service";
import { z } from "zod";
import { parseInput } from "@/lib/validation";
import { addComment, resolveComment } from "@/lib/comments/service";
import { setNextDocNumber } from "@/lib/workflow/numbering-admin";
import { markAllRead } from "@/lib/notify/service";

const refresh = <T extends { ok: boolean }>(r: T) => {
  if (r.ok) revalidatePath("/", "layout");
  return r;
};

export async function transitionSectionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => transitionSection(db, actor, raw, ip)));
}
export async function transitionReportAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => transitionReport(db, actor, raw, ip)));
}
export async function addCommentAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => addComment(db, actor, raw, ip)));
}
export async function resolveCommentAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => resolveComment(db, actor, raw, ip)));
}
export async function setNextDocNumberAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => setNextDocNumber(db, actor, raw, ip)));
}
export async function markNotificationsReadAction() {
  return refresh(await runAction(({ db, actor }) => markAllRead(db, actor.userId)));
}

export async function submitAllMineAction(raw: unknown) {
  return refresh(
    await runAction(({ db, actor, ip }) => submitAllMine(db, actor, parseInput(z.object({ reportId: z.string().min(1).max(64) }).strict(), raw).reportId, ip)),
  );
}
