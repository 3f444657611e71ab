import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { getDb } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/users/service";
import { getT } from "@/lib/i18n/server";

export default async function SetupPage() {
  if (await hasAnyUser(getDb())) redirect("/login");
  const { t } = await getT();
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-2xl font-semibold">{t("setupTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("setupIntro")}</p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <SetupForm
          submit={t("setupButton")}
          labels={{
            officeCode: t("officeCode"),
            officeName: t("officeName"),
            officeFullName: t("officeFullName"),
            headerMark: t("headerMark"),
            docCodePrefix: t("docCodePrefix"),
            username: t("username"),
            displayName: t("displayName"),
            password: t("password"),
          }}
        />
      </div>
    </main>
  );
}
