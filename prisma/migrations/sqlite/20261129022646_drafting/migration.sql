-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "writtenDate" TEXT,
    "copyTo" TEXT,
    "issuer" TEXT,
    "issueDate" TEXT,
    "copies" INTEGER,
    "dueDate" TEXT,
    "contentHash" TEXT,
    "createdById" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'template',
    "sourceReportId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("addressee", "contentHash", "copies", "copyTo", "createdAt", "createdById", "docNumber", "dueDate", "id", "issueDate", "issuer", "officeId", "signatory", "status", "title", "updatedAt", "writtenDate", "year") SELECT "addressee", "contentHash", "copies", "copyTo", "createdAt", "createdById", "docNumber", "dueDate", "id", "issueDate", "issuer", "officeId", "signatory", "status", "title", "updatedAt", "writtenDate", "year" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE UNIQUE INDEX "Report_officeId_year_key" ON "Report"("officeId", "year");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PlanItem_reportId_position_idx" ON "PlanItem"("reportId", "position");
