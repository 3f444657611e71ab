import { pageActor } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";

export default async function ChangePasswordPage() {
  const actor = await pageActor({ passwordPage: true });
  const { t } = await getT();
  return (
    <section aria-labelledby="pw-title" className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 id="pw-title" className="text-xl font-semibold">{t("password.title")}</h1>
      {actor.mustChangePassword ? (
        <p role="status" className="mt-2 text-sm text-amber-800">{t("password.mustChange")}</p>
      ) : null}
      <p className="mt-2 text-sm text-stone-600">{t("password.relogin")}</p>
      <div className="mt-4">
        <ChangePasswordForm />
      </div>
    </section>
  );
}
