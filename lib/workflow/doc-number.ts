// 发文字号: 机关代字〔year〕N号, N the next free number of the office's sequence
// for that year, taken atomically (a row update serialises concurrent issues).
import "server-only";
import type { Tx } from "../db/client";

export function formatDocNumber(prefix: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`formatDocNumber: bad number ${n}`);
  return `${prefix}〔${year}〕${n}号`;
}

export async function takeNextNumber(tx: Tx, officeId: string, year: number): Promise<number> {
  await tx.$executeRaw`INSERT INTO "DocNumberSequence" ("officeId", "year", "next") VALUES (${officeId}, ${year}, 1) ON CONFLICT DO NOTHING`;
  const row = await tx.docNumberSequence.update({
    where: { officeId_year: { officeId, year } },
    data: { next: { increment: 1 } },
  });
  return row.next - 1;
}
