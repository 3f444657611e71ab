-- AlterTable
ALTER TABLE "ReportSubmission" ADD COLUMN "pdf" BLOB;
