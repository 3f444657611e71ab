// The district an actor oversees: an office with towns below it where the actor holds
// a role that follows them (district.oversee). Anything else is 403.
import "server-only";
import type { DbOrTx } from "../db/client";
import { memberOfficeIds, rolesIn, type Actor } from "../core/policy/actor";
import { rolesAllow } from "../core/permissions";
import { Forbidden } from "../core/errors";

export async function overseenDistricts(db: DbOrTx, actor: Actor) {
  const ids = memberOfficeIds(actor).filter((id) => rolesAllow(rolesIn(actor, id), "district.oversee"));
  if (!ids.length) return [];
  return db.office.findMany({ where: { id: { in: ids }, children: { some: {} } }, orderBy: { code: "asc" } });
}

export async function requireDistrict(db: DbOrTx, actor: Actor, code?: string) {
  const districts = await overseenDistricts(db, actor);
  const district = code ? districts.find((d) => d.code === code) : districts[0];
  if (!district) throw new Forbidden("只有区级单位的管理员和查阅人员可以查看和督办所辖各镇的报告。");
  return district;
}
