-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Office" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "headerMark" TEXT NOT NULL,
    "docCodePrefix" TEXT NOT NULL,
    "jointIssuers" JSONB,
    "runInBold" BOOLEAN NOT NULL DEFAULT false,
    "titleTerms" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Office_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Office" ("code", "createdAt", "docCodePrefix", "fullName", "headerMark", "id", "jointIssuers", "name", "parentId", "runInBold") SELECT "code", "createdAt", "docCodePrefix", "fullName", "headerMark", "id", "jointIssuers", "name", "parentId", "runInBold" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
