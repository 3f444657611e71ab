-- CreateTable
CREATE TABLE "StepMark" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" TEXT NOT NULL,
    "strokes" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "StepMark_reportId_idx" ON "StepMark"("reportId");
