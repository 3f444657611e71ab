-- Statuses, roles, kinds and outcomes become enums, the dates of a report (YYYY-MM-DD text) become DateTime
-- at midnight UTC of that day, the origin "last-year" is last_year, comment anchors are Json.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'drafting',
    "docNumber" TEXT,
    "addressee" TEXT,
    "signatory" TEXT,
    "writtenDate" DATETIME,
    "copyTo" TEXT,
    "issuer" TEXT,
    "issueDate" DATETIME,
    "copies" INTEGER,
    "dueDate" DATETIME,
    "contentHash" TEXT,
    "signerName" TEXT,
    "signedAt" DATETIME,
    "publishedAt" DATETIME,
    "createdById" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'template',
    "sourceReportId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("addressee", "contentHash", "copies", "copyTo", "createdAt", "createdById", "docNumber", "dueDate", "id", "issueDate", "issuer", "officeId", "origin", "publishedAt", "signatory", "signedAt", "signerName", "sourceReportId", "status", "title", "updatedAt", "writtenDate", "year") SELECT "addressee", "contentHash", "copies", "copyTo", "createdAt", "createdById", "docNumber", CASE WHEN "dueDate" IS NULL THEN NULL ELSE "dueDate" || 'T00:00:00.000+00:00' END, "id", CASE WHEN "issueDate" IS NULL THEN NULL ELSE "issueDate" || 'T00:00:00.000+00:00' END, "issuer", "officeId", replace("origin", '-', '_'), "publishedAt", "signatory", "signedAt", "signerName", "sourceReportId", "status", "title", "updatedAt", CASE WHEN "writtenDate" IS NULL THEN NULL ELSE "writtenDate" || 'T00:00:00.000+00:00' END, "year" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_officeId_year_key" ON "Report"("officeId", "year");
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sectionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "anchor" JSONB,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("anchor", "authorId", "body", "createdAt", "id", "resolvedAt", "resolvedById", "sectionId") SELECT "anchor", "authorId", "body", "createdAt", "id", "resolvedAt", "resolvedById", "sectionId" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_sectionId_idx" ON "Comment"("sectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
