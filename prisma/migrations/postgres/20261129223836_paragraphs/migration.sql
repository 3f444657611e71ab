-- Section bodies become paragraph lists: each "\n"-separated line of the old text one {"text": …}.
-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "jointIssuers" JSONB,
ADD COLUMN     "runInBold" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "runIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "content_paragraphs" JSONB NOT NULL DEFAULT '[]';
UPDATE "Section" SET "content_paragraphs" = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('text', p) ORDER BY i), '[]'::jsonb)
    FROM unnest(string_to_array("content", E'\n')) WITH ORDINALITY AS t(p, i) WHERE p <> '');
ALTER TABLE "Section" DROP COLUMN "content";
ALTER TABLE "Section" RENAME COLUMN "content_paragraphs" TO "content";

-- AlterTable
ALTER TABLE "SectionRevision" ADD COLUMN     "runIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "content_paragraphs" JSONB NOT NULL DEFAULT '[]';
UPDATE "SectionRevision" SET "content_paragraphs" = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('text', p) ORDER BY i), '[]'::jsonb)
    FROM unnest(string_to_array("content", E'\n')) WITH ORDINALITY AS t(p, i) WHERE p <> '');
ALTER TABLE "SectionRevision" DROP COLUMN "content";
ALTER TABLE "SectionRevision" RENAME COLUMN "content_paragraphs" TO "content";
ALTER TABLE "SectionRevision" ALTER COLUMN "content" DROP DEFAULT;
