-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "titleTerms" TEXT NOT NULL DEFAULT '';
