import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { officeWith } from "@/lib/auth/guard";
import { nextDocNumbers } from "@/lib/workflow/numbering-admin";
import { todayInChina } from "@/lib/reports/deadline";
import { NextNumberForm } from "@/components/workflow/NextNumberForm";
import { OfficeStyleForm } from "@/components/admin/OfficeStyleForm";
import { officeStyle } from "@/lib/offices/settings";

export default async function OfficePage() {
  const actor = await pageActor();
  const officeId = officeWith(actor, "office.manage");
  if (!officeId) return <p role="status" className="rounded-lg bg-white p-8 shadow-sm">您没有执行此操作的权限。</p>;
  const db = getDb();
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId } });
  const sequences = await nextDocNumbers(db, officeId);
  const year = Number(todayInChina().slice(0, 4));
  const current = sequences.find((s) => s.year === year)?.next ?? 1;
  return (
    <section aria-labelledby="office-title" className="space-y-4">
      <h1 id="office-title" className="text-2xl font-semibold">本单位设置</h1>
      <dl className="grid grid-cols-1 gap-2 rounded-lg bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
        <div><dt className="text-stone-500">机关全称</dt><dd>{office.fullName}</dd></div>
        <div><dt className="text-stone-500">发文机关标志</dt><dd>{office.headerMark}</dd></div>
        <div><dt className="text-stone-500">机关代字</dt><dd>{office.docCodePrefix}</dd></div>
        <div><dt className="text-stone-500">{year} 年下一个发文字号</dt><dd data-testid="next-doc-number">{office.docCodePrefix}〔{year}〕{current}号</dd></div>
      </dl>
      <NextNumberForm year={year} current={current} />
      <OfficeStyleForm initial={await officeStyle(db, officeId)} officeName={office.name} />
    </section>
  );
}
