"use server";

import { defineAction } from "@/lib/http/action";
import { decideAll, decideSuggestion } from "@/lib/suggestions/decide";
import { proposeChanges } from "@/lib/suggestions/propose";
import { decideAllSchema, decideOneSchema, proposeSchema } from "@/lib/suggestions/schemas";

const reports = { refresh: "/reports" };

export const decideSuggestionAction = defineAction(decideOneSchema, (input, { db, actor, ip }) => decideSuggestion(db, actor, input, ip), reports);
export const decideAllSuggestionsAction = defineAction(decideAllSchema, (input, { db, actor, ip }) => decideAll(db, actor, input, ip), reports);
export const proposeChangesAction = defineAction(proposeSchema, (input, { db, actor, ip }) => proposeChanges(db, actor, input, ip));
