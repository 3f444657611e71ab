import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { mySections } from "@/lib/sections/tree";
import { numberTree, flattenTree } from "@/lib/sections/numbering";
import { reportStatusLabel, sectionStatusLabel } from "@/lib/reports/status";
import { deadlineLabel, isoOf, todayInChina } from "@/lib/reports/deadline";
import { countChineseChars } from "@/lib/sections/text";
import { asParagraphs, plainText, withParagraphs } from "@/lib/sections/paragraphs";

export default async function MySectionsPage() {
  const actor = await pageActor();
  const db = getDb();
  const sections = await mySections(db, actor);
  // Labels need each report's whole tree.
  const reportIds = [...new Set(sections.map((s) => s.reportId))];
  const rows = (await db.section.findMany({ where: { reportId: { in: reportIds }, deletedAt: null }, select: { id: true, parentId: true, position: true, kind: true, reportId: true, content: true } })).map(withParagraphs);
  const labels = new Map<string, string>();
  for (const id of reportIds) for (const n of flattenTree(numberTree(rows.filter((r) => r.reportId === id)))) labels.set(n.node.id, n.label);
  const today = todayInChina();
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title" className="text-2xl font-semibold">我的章节</h1>
      {sections.length === 0 ? (
        <p className="mt-6 text-stone-600">暂无分配给您的章节。</p>
      ) : (
        <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg bg-white text-left shadow-sm">
          <thead className="bg-stone-100 text-sm text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">报告</th>
              <th scope="col" className="px-4 py-2">章节</th>
              <th scope="col" className="px-4 py-2">字数</th>
              <th scope="col" className="px-4 py-2">章节状态</th>
              <th scope="col" className="px-4 py-2">截止</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => {
              const deadline = s.report.dueDate && s.report.status === "drafting" ? deadlineLabel(isoOf(s.report.dueDate), today) : null;
              return (
                <tr key={s.id} className="border-t border-stone-100 text-sm">
                  <td className="px-4 py-3">{s.report.year} · {reportStatusLabel(s.report.status, "zh")}</td>
                  <td className="px-4 py-3">
                    <Link className="text-red-800 hover:underline" href={`/reports/${s.reportId}/sections/${s.id}`}>
                      {s.kind === "intro" ? "导语" : `${labels.get(s.id) ?? ""}${s.heading}`}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{countChineseChars(plainText(asParagraphs(s.content)))}</td>
                  <td className="px-4 py-3">{sectionStatusLabel(s.status, "zh")}</td>
                  <td className={`px-4 py-3 ${deadline?.overdue ? "font-semibold text-red-700" : ""}`}>{deadline?.text ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
