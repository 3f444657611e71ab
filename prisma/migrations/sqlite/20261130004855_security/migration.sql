-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("active", "createdAt", "displayName", "email", "id", "mustChangePassword", "passwordHash", "updatedAt", "username") SELECT "active", "createdAt", "displayName", "email", "id", "mustChangePassword", "passwordHash", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE TABLE "new_AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "objectType" TEXT,
    "objectId" TEXT,
    "officeId" TEXT,
    "ip" TEXT,
    "detail" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "keyed" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorName", "at", "detail", "hash", "ip", "objectId", "objectType", "officeId", "prevHash", "role", "seq") SELECT "action", "actorId", "actorName", "at", "detail", "hash", "ip", "objectId", "objectType", "officeId", "prevHash", "role", "seq" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_objectType_objectId_idx" ON "AuditEvent"("objectType", "objectId");
CREATE INDEX "AuditEvent_officeId_at_idx" ON "AuditEvent"("officeId", "at");
CREATE TABLE "new_Installation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "demo" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Installation" ("createdAt", "id") SELECT "createdAt", "id" FROM "Installation";
DROP TABLE "Installation";
ALTER TABLE "new_Installation" RENAME TO "Installation";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_createdAt_idx" ON "Session"("createdAt");

-- CreateIndex
CREATE INDEX "LoginThrottle_updatedAt_idx" ON "LoginThrottle"("updatedAt");

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
