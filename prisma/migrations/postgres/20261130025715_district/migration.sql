-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('sent', 'received', 'returned');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "partMapping" JSONB,
ADD COLUMN     "secrecyResult" TEXT,
ADD COLUMN     "secrecyReviewedAt" TIMESTAMP(3),
ADD COLUMN     "secrecyReviewer" TEXT;

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "toOfficeId" TEXT NOT NULL,
    "docNumber" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'sent',
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "reason" TEXT,

    CONSTRAINT "ReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictYear" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "submitDue" TIMESTAMP(3) NOT NULL,
    "publishDue" TIMESTAMP(3) NOT NULL,
    "parts" JSONB NOT NULL,
    "similarityThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.6,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistrictYear_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportSubmission_reportId_idx" ON "ReportSubmission"("reportId");

-- CreateIndex
CREATE INDEX "ReportSubmission_toOfficeId_status_idx" ON "ReportSubmission"("toOfficeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictYear_officeId_year_key" ON "DistrictYear"("officeId", "year");

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictYear" ADD CONSTRAINT "DistrictYear_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
