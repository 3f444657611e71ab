"use server";

// Each action is a service bound to its schema (lib/http/action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/http/action";
import { submitAllMine, transitionReport, transitionSection } from "@/lib/workflow/service";
import { reportTransitionSchema, sectionTransitionSchema, nextNumberSchema, submitAllMineSchema } from "@/lib/workflow/schemas";
import { addComment, addCommentSchema, resolveComment, resolveCommentSchema } from "@/lib/comments/service";
import { setNextDocNumber } from "@/lib/workflow/doc-number-admin";
import { markRead, noticeIdSchema } from "@/lib/notify/service";

const everywhere = { refresh: "/" };

export const transitionSectionAction = defineAction(sectionTransitionSchema, (input, { db, actor, ip }) => transitionSection(db, actor, input, ip), everywhere);
export const transitionReportAction = defineAction(reportTransitionSchema, (input, { db, actor, ip }) => transitionReport(db, actor, input, ip), everywhere);
export const addCommentAction = defineAction(addCommentSchema, (input, { db, actor, ip }) => addComment(db, actor, input, ip), everywhere);
export const resolveCommentAction = defineAction(resolveCommentSchema, (input, { db, actor, ip }) => resolveComment(db, actor, input, ip), everywhere);
export const setNextDocNumberAction = defineAction(nextNumberSchema, (input, { db, actor, ip }) => setNextDocNumber(db, actor, input, ip), everywhere);
export const markNotificationsReadAction = defineAction(z.undefined(), (_input, { db, actor, ip }) => markRead(db, actor, "all", ip), everywhere);
export const markNoticeReadAction = defineAction(noticeIdSchema, (input, { db, actor, ip }) => markRead(db, actor, input, ip), everywhere);
export const submitAllMineAction = defineAction(submitAllMineSchema, (input, { db, actor, ip }) => submitAllMine(db, actor, input, ip), everywhere);
