// 发文字号: 机关代字〔year〕N号, N the next free number of the office's sequence
// for that year, taken atomically (a row update serialises concurrent issues).
import "server-only";
import type { Tx } from "../db/client";

export function formatDocNumber(prefix: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`formatDocNumber: bad number ${n}`);
  return `${prefix}〔${year}〕${n}号`;
}

/**
 * Holds the office's register for the year until the transaction ends (the row, made
 * if missing, then locked by an update that changes nothing): an 印发 and an
 * administrator setting the next number then run one after the other, and the one
 * that waited reads what the first committed (PostgreSQL's READ COMMITTED reads
 * afresh at each statement; SQLite has one writer at a time anyway).
 */
export async function lockRegister(tx: Tx, officeId: string, year: number): Promise<number> {
  await tx.$executeRaw`INSERT INTO "DocNumberSequence" ("officeId", "year", "next") VALUES (${officeId}, ${year}, 1) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ next: number | bigint }[]>`UPDATE "DocNumberSequence" SET "next" = "next" WHERE "officeId" = ${officeId} AND "year" = ${year} RETURNING "next"`;
  return Number(rows[0].next);
}

export async function takeNextNumber(tx: Tx, officeId: string, year: number): Promise<number> {
  await tx.$executeRaw`INSERT INTO "DocNumberSequence" ("officeId", "year", "next") VALUES (${officeId}, ${year}, 1) ON CONFLICT DO NOTHING`;
  const row = await tx.docNumberSequence.update({
    where: { officeId_year: { officeId, year } },
    data: { next: { increment: 1 } },
  });
  return row.next - 1;
}
