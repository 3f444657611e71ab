-- AlterTable
ALTER TABLE "ReportSubmission" ADD COLUMN     "pdf" BYTEA;
