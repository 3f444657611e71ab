import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { pageActor } from "@/lib/auth/page";
import { AccessError } from "@/lib/auth/guard";
import { reportTrail, signOffTable } from "@/lib/workflow/trail";

const local = (iso: string) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

export default async function TrailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  let data;
  try {
    data = await reportTrail(getDb(), actor, id);
  } catch (err) {
    if (err instanceof AccessError) notFound();
    throw err;
  }
  const { report, entries } = data;
  // Saves are many; the path is the steps. Saves stay in the CSV and each section's history.
  const steps = entries.filter((e) => e.action !== "section.save");
  return (
    <article aria-labelledby="trail-title" className="space-y-5">
      <nav className="text-sm"><Link href={`/reports/${report.id}`} className="text-red-800 hover:underline">← 返回报告</Link></nav>
      <h1 id="trail-title" className="text-xl font-semibold">流转记录：{report.title}</h1>
      <section aria-label="签发单" className="rounded-lg bg-white p-4 shadow-sm">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold">签发单</h2>
          <a href={`/api/reports/${report.id}/signoff`} className="rounded border border-stone-400 px-3 py-1 text-sm">导出签发单（CSV）</a>
        </div>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-stone-500"><tr><th scope="col">步骤</th><th scope="col">人员</th><th scope="col">时间</th></tr></thead>
          <tbody>
            {signOffTable(entries).map((r) => (
              <tr key={r.step} className="border-t border-stone-100"><th scope="row" className="py-1 font-normal">{r.step}</th><td>{r.people || "—"}</td><td>{local(r.at)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <ol className="space-y-1" aria-label="流转步骤">
        {steps.map((e) => (
          <li key={e.seq} className="flex flex-wrap gap-x-3 rounded bg-white px-3 py-2 text-sm shadow-sm">
            <time dateTime={e.at} className="text-stone-500">{local(e.at)}</time>
            <span>{e.actorName}{e.role ? `（${e.role}）` : ""}</span>
            <span className="font-medium">{e.actionLabel}</span>
            <span>{e.object}</span>
            {typeof e.detail.reason === "string" ? <span className="text-red-800">理由：{e.detail.reason}</span> : null}
            {typeof e.detail.docNumber === "string" ? <span>发文字号：{e.detail.docNumber}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
