-- AlterTable
ALTER TABLE "DistrictYear" ADD COLUMN     "template" TEXT;
