import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { listNotifications } from "@/lib/notify/service";
import { MarkReadButton } from "@/components/workflow/MarkReadButton";

export default async function NotificationsPage() {
  const actor = await pageActor();
  const items = await listNotifications(getDb(), actor.userId);
  return (
    <section aria-labelledby="notice-title" className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 id="notice-title" className="text-2xl font-semibold">通知</h1>
        {items.some((n) => !n.readAt) ? <MarkReadButton /> : null}
      </div>
      {items.length === 0 ? <p className="text-stone-600">暂无通知。</p> : null}
      <ul className="space-y-2">
        {items.map((n) => (
          <li key={n.id} className={`rounded-lg bg-white p-3 text-sm shadow-sm ${n.readAt ? "text-stone-500" : "font-medium"}`}>
            {n.link ? <Link href={n.link} className="hover:underline">{n.message}</Link> : n.message}
            <time className="ml-3 text-xs text-stone-500" dateTime={n.createdAt.toISOString()}>
              {n.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
