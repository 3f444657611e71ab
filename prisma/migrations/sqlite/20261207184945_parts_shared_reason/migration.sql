-- AlterTable
ALTER TABLE "Report" ADD COLUMN "partsSharedReason" TEXT;
