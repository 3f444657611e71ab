-- AlterTable
ALTER TABLE "User" DROP COLUMN "sessionVersion";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "keyed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Installation" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_createdAt_idx" ON "Session"("createdAt");

-- CreateIndex
CREATE INDEX "LoginThrottle_updatedAt_idx" ON "LoginThrottle"("updatedAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An installation that loaded the demo data says so.
UPDATE "Installation" SET "demo" = true WHERE EXISTS (SELECT 1 FROM "AuditEvent" WHERE "action" = 'seed.demo');

-- A 发文字号 comes only from the register at 印发. Numbers, issuers and dates an import
-- copied out of a file are cleared from reports that were never issued, and the 署名 and
-- 成文日期 from reports not yet signed (the file keeps them, the preview showed them).
UPDATE "Report" SET "docNumber" = NULL, "issuer" = NULL, "issueDate" = NULL
WHERE "status" NOT IN ('issued', 'published')
  AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."objectId" = "Report"."id" AND a."action" = 'report.issue');
UPDATE "Report" SET "signatory" = NULL, "writtenDate" = NULL
WHERE "status" IN ('drafting', 'checking', 'awaiting_signoff')
  AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."objectId" = "Report"."id" AND a."action" = 'report.signOff');
