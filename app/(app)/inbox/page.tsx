import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { inbox } from "@/lib/workflow/inbox";

function Group({ title, items }: { title: string; items: { key: string; href: string; text: string; note?: string }[] }) {
  if (!items.length) return null;
  return (
    <section aria-label={title} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{title}（{items.length}）</h2>
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
  const actor = await pageActor();
  const box = await inbox(getDb(), actor);
  const section = (s: (typeof box.toReview)[number]) => ({
    key: s.id, href: `/reports/${s.reportId}/sections/${s.id}`, text: s.heading, note: `${s.report.year} · ${s.owner?.displayName ?? "未分配"}`,
  });
  const report = (r: (typeof box.toSign)[number]) => ({ key: r.id, href: `/reports/${r.id}`, text: r.title, note: String(r.year) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">待办</h1>
      {box.count === 0 ? <p className="text-stone-600">暂无待办事项。</p> : null}
      <Group title="待审核的章节" items={box.toReview.map(section)} />
      <Group title="退回修改的章节" items={box.toFix.map(section)} />
      <Group title="可提交核稿的报告" items={box.toCheck.map(report)} />
      <Group title="核稿中的报告" items={box.toCheckPass.map(report)} />
      <Group title="待签发的报告" items={box.toSign.map(report)} />
      <Group title="待印发的报告" items={box.toIssue.map(report)} />
      <Group title="待公开的报告" items={box.toPublish.map(report)} />
    </div>
  );
}
