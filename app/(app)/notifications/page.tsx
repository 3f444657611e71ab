import { pageData } from "@/lib/auth/page";
import { listNotifications, noticeText } from "@/lib/notify/service";
import { chinaDateTime } from "@/lib/core/dates";
import { MarkReadButton } from "@/components/workflow/MarkReadButton";
import { NoticeLink } from "@/components/workflow/NoticeLink";

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
            {n.readAt ? null : <span className="mr-2 rounded bg-red-800 px-1.5 py-0.5 text-xs font-normal text-white">{t("notices.unread")}</span>}
            {n.link ? <NoticeLink id={n.id} href={n.link} unread={!n.readAt}>{noticeText(n, t)}</NoticeLink> : noticeText(n, t)}
            <time className="ml-3 text-xs text-stone-500" dateTime={n.createdAt.toISOString()}>
              {chinaDateTime(n.createdAt)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
