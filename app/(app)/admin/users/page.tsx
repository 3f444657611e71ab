import { pageData } from "@/lib/auth/page";
import { usersPageView } from "@/lib/users/service";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { UserRow } from "@/components/admin/UserRow";
import { Refusal } from "@/components/shell/Refusal";

export default async function UsersPage() {
  const { users, ctx: { t, actor } } = await pageData(({ db, actor }) => usersPageView(db, actor));
  if (!users) return <Refusal title={t("usersTitle")} message={t("refusal.forbidden")} />;
  return (
    <section aria-labelledby="users-title" className="space-y-8">
      <h1 id="users-title" className="text-2xl font-semibold">
        {t("usersTitle")}
      </h1>
      <div className="rounded-lg bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("addUser")}</h2>
        <CreateUserForm />
      </div>
      <ul className="space-y-3" aria-label={t("usersTitle")}>
        {users.map((u) => (
          <UserRow key={u.id} user={u} self={u.id === actor.userId} />
        ))}
      </ul>
    </section>
  );
}
