import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { inboxPageView } from "@/lib/workflow/inbox";
import type { MessageKey } from "@/lib/core/i18n/messages";

function Group({ title, heading, items }: { title: string; heading: string; items: { key: string; href: string; text: string; note?: string }[] }) {
  if (!items.length) return null;
  return (
    <section aria-label={title} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{heading}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} className="text-red-800 hover:underline">{i.text}</Link>
            {i.note ? <span className="ml-2 text-stone-500">{i.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function InboxPage() {
  const { ctx: { t }, ...box } = await pageData(({ db, actor }) => inboxPageView(db, actor));
  const section = (s: (typeof box.toReview)[number]) => ({
    key: s.id, href: `/reports/${s.reportId}/sections/${s.id}`, text: s.title ?? t("intro"), note: `${s.report.year} · ${s.owner?.displayName ?? t("noOwner")}`,
  });
  const report = (r: (typeof box.toSign)[number]) => ({ key: r.id, href: `/reports/${r.id}`, text: r.title, note: String(r.year) });
  const groups: [MessageKey, ReturnType<typeof section>[]][] = [
    ["inbox.toReview", box.toReview.map(section)],
    ["inbox.toFix", box.toFix.map(section)],
    ["inbox.toCheck", box.toCheck.map(report)],
    ["inbox.toCheckPass", box.toCheckPass.map(report)],
    ["inbox.toSign", box.toSign.map(report)],
    ["inbox.toIssue", box.toIssue.map(report)],
    ["inbox.toPublish", box.toPublish.map(report)],
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
      {box.count === 0 ? <p className="text-stone-600">{t("inbox.empty")}</p> : null}
      {groups.map(([key, items]) => (
        <Group key={key} title={t(key)} items={items} heading={t("inbox.group", { title: t(key), count: items.length })} />
      ))}
    </div>
  );
}
