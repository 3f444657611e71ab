import Link from "next/link";
import { chinaYear } from "@/lib/core/dates";
import type { Actor } from "@/lib/core/policy/actor";
import { anywhere } from "@/lib/core/policy/actor";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/db/client";
import { shellCounts } from "@/lib/workflow/inbox";
import { LanguageSwitch } from "./LanguageSwitch";
import { LogoutButton } from "./LogoutButton";
import { DemoBanner } from "./DemoBanner";

function Count({ n, label }: { n: number; label: string }) {
  return n > 0 ? (
    <span className="ml-1 rounded-full bg-white px-1.5 text-xs font-semibold text-red-800" aria-label={label}>{n}</span>
  ) : null;
}

export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const { t } = await getT();
  const { todo, unread, demo, district } = await shellCounts(getDb(), actor);
  const offices = [...new Set(actor.memberships.map((m) => m.officeName))].join(t("shell.listSeparator"));
  const roles = [...new Set(actor.memberships.map((m) => t(`role.${m.role}`)))].join(t("shell.listSeparator"));
  const year = chinaYear();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="bg-red-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/reports" className="text-lg font-semibold tracking-wide">
            {t("appName")}
          </Link>
          <span className="text-sm text-white/80" data-testid="office-name">
            {offices} · {year}
          </span>
          <nav aria-label={t("shell.mainNav")} className="flex gap-4 text-sm">
            <Link href="/reports" className="hover:underline">
              {t("navReports")}
            </Link>
            {/* Only a drafter is given sections to own: a district's reader has none. */}
            {anywhere(actor, "section.editOwn") ? (
              <Link href="/my-sections" className="hover:underline">
                {t("navMySections")}
              </Link>
            ) : null}
            <Link href="/inbox" className="hover:underline" data-testid="nav-inbox">
              {t("navInbox")}
              <Count n={todo} label={t("shell.todoCount", { n: todo })} />
            </Link>
            <Link href="/notifications" className="hover:underline" data-testid="nav-notifications">
              {t("navNotifications")}
              <Count n={unread} label={t("shell.unreadCount", { n: unread })} />
            </Link>
            {district ? (
              <>
                <Link href="/district" className="hover:underline">{t("navDistrict")}</Link>
                <Link href="/district/inbox" className="hover:underline">{t("district.inbox")}</Link>
              </>
            ) : null}
            {anywhere(actor, "user.manage") ? (
              <Link href="/admin/users" className="hover:underline">
                {t("navUsers")}
              </Link>
            ) : null}
            {anywhere(actor, "office.manage") ? (
              <Link href="/admin/office" className="hover:underline">
                {t("navOffice")}
              </Link>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-4 text-sm">
            <span data-testid="current-user">
              {t("shell.user", { name: actor.displayName, username: actor.username, roles })}
            </span>
            <div className="[&_button]:text-white/90">
              <LanguageSwitch />
            </div>
            <LogoutButton label={t("logout")} />
          </div>
        </div>
      </header>
      {demo ? <DemoBanner text={t("shell.demo")} /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
