import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { getDb } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/users/service";
import { isDemo } from "@/lib/workflow/inbox";
import { DemoBanner } from "@/components/shell/DemoBanner";
import { getT } from "@/lib/i18n/server";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (!(await hasAnyUser(getDb()))) redirect("/setup");
  const params = await searchParams;
  const { t } = await getT();
  const demo = await isDemo(getDb());
  return (
    <>
    {demo ? <DemoBanner text={t("shell.demo")} /> : null}
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-stone-200 bg-white p-8 shadow-sm">
        <div className="mb-6 text-center">
          <p className="text-sm tracking-widest text-red-800">{t("appName")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("loginTitle")}</h1>
          <p className="mt-1 text-sm text-stone-500">{t("loginSubtitle")}</p>
        </div>
        <LoginForm
          labels={{ username: t("username"), password: t("password"), loginButton: t("loginButton"), loggingIn: t("loggingIn") }}
          callbackUrl={params.callbackUrl}
          notice={params.expired ? t("sessionExpired") : params.changed ? t("login.changed") : undefined}
        />
        <div className="mt-6 text-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
    </>
  );
}
