-- AlterTable
ALTER TABLE "Report" ADD COLUMN "partMapping" JSONB;
ALTER TABLE "Report" ADD COLUMN "secrecyResult" TEXT;
ALTER TABLE "Report" ADD COLUMN "secrecyReviewedAt" DATETIME;
ALTER TABLE "Report" ADD COLUMN "secrecyReviewer" TEXT;

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "toOfficeId" TEXT NOT NULL,
    "docNumber" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" TEXT NOT NULL,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "reason" TEXT,
    CONSTRAINT "ReportSubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DistrictYear" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "submitDue" DATETIME NOT NULL,
    "publishDue" DATETIME NOT NULL,
    "parts" JSONB NOT NULL,
    "similarityThreshold" REAL NOT NULL DEFAULT 0.6,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DistrictYear_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReportSubmission_reportId_idx" ON "ReportSubmission"("reportId");

-- CreateIndex
CREATE INDEX "ReportSubmission_toOfficeId_status_idx" ON "ReportSubmission"("toOfficeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictYear_officeId_year_key" ON "DistrictYear"("officeId", "year");
