-- Statuses, roles, kinds and outcomes become enums, the dates of a report (YYYY-MM-DD text) become timestamps
-- at midnight UTC of that day, the origin "last-year" is last_year, comment anchors are jsonb.
-- Columns change type in place: every row keeps its value.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('drafter', 'reviewer', 'approver', 'admin', 'reader');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('drafting', 'checking', 'awaiting_signoff', 'signed', 'issued', 'published');

-- CreateEnum
CREATE TYPE "SectionStatus" AS ENUM ('not_started', 'drafting', 'submitted', 'returned', 'passed');

-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('intro', 'heading');

-- CreateEnum
CREATE TYPE "PlanOutcome" AS ENUM ('pending', 'done', 'partly', 'dropped');

-- CreateEnum
CREATE TYPE "ReportOrigin" AS ENUM ('template', 'last_year', 'import', 'demo');

-- AlterTable
ALTER TABLE "Membership" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";

-- AlterTable
ALTER TABLE "Report" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "ReportStatus" USING "status"::"ReportStatus",
ALTER COLUMN "status" SET DEFAULT 'drafting',
ALTER COLUMN "writtenDate" TYPE TIMESTAMP(3) USING "writtenDate"::timestamp(3),
ALTER COLUMN "issueDate" TYPE TIMESTAMP(3) USING "issueDate"::timestamp(3),
ALTER COLUMN "dueDate" TYPE TIMESTAMP(3) USING "dueDate"::timestamp(3),
ALTER COLUMN "origin" DROP DEFAULT,
ALTER COLUMN "origin" TYPE "ReportOrigin" USING replace("origin", '-', '_')::"ReportOrigin",
ALTER COLUMN "origin" SET DEFAULT 'template';

-- AlterTable
ALTER TABLE "Section" ALTER COLUMN "kind" DROP DEFAULT,
ALTER COLUMN "kind" TYPE "SectionKind" USING "kind"::"SectionKind",
ALTER COLUMN "kind" SET DEFAULT 'heading',
ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "SectionStatus" USING "status"::"SectionStatus",
ALTER COLUMN "status" SET DEFAULT 'not_started';

-- AlterTable
ALTER TABLE "Comment" ALTER COLUMN "anchor" TYPE JSONB USING "anchor"::jsonb;

-- AlterTable
ALTER TABLE "PlanItem" ALTER COLUMN "outcome" DROP DEFAULT,
ALTER COLUMN "outcome" TYPE "PlanOutcome" USING "outcome"::"PlanOutcome",
ALTER COLUMN "outcome" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";
