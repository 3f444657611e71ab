import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { listNotifications, noticeText } from "@/lib/notify/service";
import { chinaDateTime } from "@/lib/core/dates";
import { MarkReadButton } from "@/components/workflow/MarkReadButton";

export default async function NotificationsPage() {
  const { items, ctx: { t } } = await pageData(async ({ db, actor }) => ({ items: await listNotifications(db, actor.userId) }));
  return (
    <section aria-labelledby="notice-title" className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 id="notice-title" className="text-2xl font-semibold">{t("notices.title")}</h1>
        {items.some((n) => !n.readAt) ? <MarkReadButton /> : null}
      </div>
      {items.length === 0 ? <p className="text-stone-600">{t("notices.empty")}</p> : null}
      <ul className="space-y-2">
        {items.map((n) => (
          <li key={n.id} className={`rounded-lg bg-white p-3 text-sm shadow-sm ${n.readAt ? "text-stone-500" : "font-medium"}`}>
            {n.link ? <Link href={n.link} className="hover:underline">{noticeText(n, t)}</Link> : noticeText(n, t)}
            <time className="ml-3 text-xs text-stone-500" dateTime={n.createdAt.toISOString()}>
              {chinaDateTime(n.createdAt)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
