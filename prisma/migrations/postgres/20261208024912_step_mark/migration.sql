-- CreateTable
CREATE TABLE "StepMark" (
    "seq" INTEGER NOT NULL,
    "reportId" TEXT NOT NULL,
    "strokes" TEXT NOT NULL,

    CONSTRAINT "StepMark_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "StepMark_reportId_idx" ON "StepMark"("reportId");
