-- Section bodies become paragraph lists: each "\n"-separated line of the old text one {"text": …}.
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
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Office_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Office" ("code", "createdAt", "docCodePrefix", "fullName", "headerMark", "id", "name", "parentId") SELECT "code", "createdAt", "docCodePrefix", "fullName", "headerMark", "id", "name", "parentId" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");
CREATE TABLE "new_Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'heading',
    "heading" TEXT NOT NULL,
    "runIn" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL DEFAULT '[]',
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Section_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Section_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Section_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Section" ("content", "createdAt", "deletedAt", "heading", "id", "kind", "ownerId", "parentId", "position", "reportId", "status", "updatedAt", "version") SELECT (WITH RECURSIVE split(rest, part, n) AS (
        SELECT "Section"."content" || char(10), NULL, 0
        UNION ALL
        SELECT substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1), n + 1 FROM split WHERE rest <> ''
    ) SELECT json_group_array(json_object('text', part)) FROM (SELECT part FROM split WHERE part IS NOT NULL AND part <> '' ORDER BY n)), "createdAt", "deletedAt", "heading", "id", "kind", "ownerId", "parentId", "position", "reportId", "status", "updatedAt", "version" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE INDEX "Section_reportId_parentId_position_idx" ON "Section"("reportId", "parentId", "position");
CREATE INDEX "Section_ownerId_idx" ON "Section"("ownerId");
CREATE TABLE "new_SectionRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sectionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "runIn" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "authorId" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SectionRevision_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SectionRevision" ("authorId", "content", "createdAt", "heading", "id", "note", "sectionId", "version") SELECT "authorId", (WITH RECURSIVE split(rest, part, n) AS (
        SELECT "SectionRevision"."content" || char(10), NULL, 0
        UNION ALL
        SELECT substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1), n + 1 FROM split WHERE rest <> ''
    ) SELECT json_group_array(json_object('text', part)) FROM (SELECT part FROM split WHERE part IS NOT NULL AND part <> '' ORDER BY n)), "createdAt", "heading", "id", "note", "sectionId", "version" FROM "SectionRevision";
DROP TABLE "SectionRevision";
ALTER TABLE "new_SectionRevision" RENAME TO "SectionRevision";
CREATE UNIQUE INDEX "SectionRevision_sectionId_version_key" ON "SectionRevision"("sectionId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
