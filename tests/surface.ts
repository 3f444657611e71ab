// The attack surface as a table: every server action and route handler. The
// hostile-input tests read the code and fail when something is missing here; the
// e2e surface test calls every route as an anonymous visitor.

/** Every server action and what guards it: "session" = runAction (signed in, then the service checks the permission). */
export const ACTIONS: Record<string, "session" | "password-change" | "public"> = {
  setLocale: "public", // only sets a language cookie
  setupFirstAdmin: "public", // refused as soon as any user exists (tests/integration/auth.test.ts)
  createUserAction: "session", setRolesAction: "session", resetPasswordAction: "session", setActiveAction: "session",
  changeOwnPasswordAction: "password-change",
  createReportAction: "session", previewImportAction: "session", updateReportMetadataAction: "session", updateOfficeStyleAction: "session",
  addSectionAction: "session", moveSectionAction: "session", deleteSectionAction: "session", restoreSectionAction: "session",
  assignOwnerAction: "session", restoreRevisionAction: "session", pasteSubsectionsAction: "session", updatePlanItemAction: "session",
  transitionSectionAction: "session", transitionReportAction: "session", addCommentAction: "session", resolveCommentAction: "session",
  setNextDocNumberAction: "session", markNotificationsReadAction: "session", markNoticeReadAction: "session", submitAllMineAction: "session",
  setPartMappingAction: "session", setPartsSharedReasonAction: "session", remindTownAction: "session", saveYearSettingsAction: "session", sendReportAction: "session", decideSubmissionAction: "session",
  decideSuggestionAction: "session", decideAllSuggestionsAction: "session", proposeChangesAction: "session",
};

/** Every route handler and method, and what an anonymous caller gets. */
export const ROUTES: Record<string, number> = {
  "GET /api/auth/[...nextauth]": 200, "POST /api/auth/[...nextauth]": 200, // next-auth's own (CSRF-token guarded)
  "GET /api/health": 200,
  "GET /api/reports": 401, "GET /api/reports/[id]": 401, "GET /api/reports/[id]/export": 401, "GET /api/reports/[id]/signoff": 401,
  "POST /api/reports": 401, "POST /api/reports/[id]/transitions": 401, "POST /api/imports/preview": 401, "GET /api/reports/[id]/public-preview": 401,
  "GET /api/sections/[id]": 401, "PUT /api/sections/[id]": 401, "POST /api/sections/[id]": 401, "POST /api/sections/[id]/transitions": 401,
  "GET /api/sections/[id]/comments": 401, "POST /api/sections/[id]/comments": 401, "PUT /api/sections/[id]/owner": 401, "PATCH /api/comments/[id]": 401,
  "GET /api/reports/[id]/suggestions": 401, "POST /api/reports/[id]/suggestions": 401, "GET /api/sections/[id]/suggestions": 401, "POST /api/sections/[id]/suggestions": 401,
  "POST /api/suggestions/[id]": 401, "POST /api/reports/[id]/review-import": 401,
  "GET /api/district/overview": 401, "GET /api/submissions/[id]/pdf": 401,
  "GET /public/reports/[id]": 404,
  "GET /public/[office]": 404, // an office's published reports, no login // only published reports, no login
};

