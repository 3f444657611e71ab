-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "authorName" TEXT;
