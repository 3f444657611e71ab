import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { listOfficeUsers } from "@/lib/users/service";
import { AccessError } from "@/lib/auth/guard";
import { ROLES, ROLE_LABELS } from "@/lib/permissions";
import { getT } from "@/lib/i18n/server";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { UserRow } from "@/components/admin/UserRow";

export default async function UsersPage() {
  const actor = await pageActor();
  const { locale, t } = await getT();
  let data;
  try {
    data = await listOfficeUsers(getDb(), actor);
  } catch (err) {
    if (err instanceof AccessError) {
      return (
        <div role="status" className="rounded-lg bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">{t("usersTitle")}</h1>
          <p className="mt-2 text-stone-600">{err.message}</p>
        </div>
      );
    }
    throw err;
  }
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }));
  const labels = {
    roles: t("roles"),
    saveRoles: t("saveRoles"),
    resetPassword: t("resetPassword"),
    newPassword: t("newPassword"),
    deactivate: t("deactivate"),
    activate: t("activate"),
    activeYes: t("activeYes"),
    activeNo: t("activeNo"),
    saved: t("saved"),
  };
  return (
    <section aria-labelledby="users-title" className="space-y-8">
      <h1 id="users-title" className="text-2xl font-semibold">
        {t("usersTitle")}
      </h1>
      <div className="rounded-lg bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("addUser")}</h2>
        <CreateUserForm
          roleOptions={roleOptions}
          labels={{ username: t("username"), displayName: t("displayName"), password: t("password"), email: "电子邮箱（选填，用于邮件通知）", roles: t("roles"), create: t("create"), saved: t("saved") }}
        />
      </div>
      <ul className="space-y-3" aria-label={t("usersTitle")}>
        {data.users.map((u) => (
          <UserRow key={u.id} user={u} self={u.id === actor.userId} roleOptions={roleOptions} labels={labels} />
        ))}
      </ul>
    </section>
  );
}
