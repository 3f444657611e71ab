-- CreateTable
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- An existing installation (one with users) is already set up.
INSERT INTO "Installation" ("id", "createdAt") SELECT 1, CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM "User");
