-- CreateTable
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- An existing installation (one with users) is already set up.
INSERT INTO "Installation" ("id", "createdAt") SELECT 1, CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM "User");
