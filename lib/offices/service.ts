// Creating an office (by the server's operator, from the CLI): one code per office,
// decided by the unique constraint.
import "server-only";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { NotFound, uniquely } from "../core/errors";
import { createOfficeSchema, type CreateOfficeInput } from "../core/offices/schemas";

/** Who made a change when no session did (the CLI, the demo seed): the name in the record. */
export interface Operator {
  name: string;
}

export async function createOffice(db: Db, by: Operator, raw: CreateOfficeInput) {
  const input = parseInput(createOfficeSchema, raw);
  const parent = input.parentCode ? await db.office.findUnique({ where: { code: input.parentCode } }) : null;
  if (input.parentCode && !parent) throw new NotFound("office.parentMissing", { code: input.parentCode });
  return uniquely(
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.office.create({
          data: { code: input.code, name: input.name, fullName: input.fullName, headerMark: input.headerMark, docCodePrefix: input.docCodePrefix, parentId: parent?.id },
        });
        await recordAudit(tx, { actorName: by.name, action: "office.create", objectType: "office", objectId: created.id, officeId: created.id, detail: { after: input } });
        return created;
      }),
    "office.codeTaken",
    { code: input.code },
  );
}
