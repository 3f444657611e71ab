"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionReportAction } from "@/app/actions/workflow";
import type { ReportAction } from "@/lib/workflow/machine";

const LABELS: Record<ReportAction, string> = {
  submitForCheck: "提交核稿", checkPass: "核稿通过", signOff: "签发", issue: "印发", publish: "公开", return: "退回",
};

interface Props {
  reportId: string;
  actions: ReportAction[];
  /** sections a return may reopen (only from 核稿 and 签发) */
  reopenable: { id: string; title: string }[];
  defaults: { copyTo: string; copies: number | null };
}

export function ReportWorkflow({ reportId, actions, reopenable, defaults }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<"return" | "issue" | null>(null);
  const [reason, setReason] = useState("");
  const [reopen, setReopen] = useState<string[]>([]);
  const [copyTo, setCopyTo] = useState(defaults.copyTo);
  const [copies, setCopies] = useState(defaults.copies ? String(defaults.copies) : "");
  if (!actions.length) return null;
  const run = (action: ReportAction, extra: Record<string, unknown> = {}) =>
    start(async () => {
      setError(null);
      const r = await transitionReportAction({ reportId, action, ...extra });
      if (!r.ok) return setError(r.error);
      setForm(null);
      router.refresh();
    });
  return (
    <section aria-label="报告流转" className="rounded-lg border border-red-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) =>
          a === "return" || a === "issue" ? (
            <button key={a} type="button" onClick={() => setForm(a)}
              className={a === "return" ? "rounded border border-red-800 px-3 py-1 text-sm text-red-800" : "rounded bg-red-800 px-3 py-1 text-sm text-white"}>
              {LABELS[a]}
            </button>
          ) : (
            <button key={a} type="button" disabled={pending} onClick={() => run(a)} className="rounded bg-red-800 px-3 py-1 text-sm text-white">
              {LABELS[a]}
            </button>
          ),
        )}
      </div>
      {form === "issue" ? (
        <form className="mt-3 flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => { e.preventDefault(); run("issue", { copyTo, copies: copies ? Number(copies) : null }); }}>
          <label>抄送
            <input value={copyTo} onChange={(e) => setCopyTo(e.target.value)} className="ml-2 rounded border border-stone-300 px-2 py-1" />
          </label>
          <label>印数
            <input value={copies} onChange={(e) => setCopies(e.target.value)} inputMode="numeric" className="ml-2 w-20 rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">确认印发（分配发文字号）</button>
          <button type="button" className="underline" onClick={() => setForm(null)}>取消</button>
        </form>
      ) : null}
      {form === "return" ? (
        <form className="mt-3 space-y-2 text-sm" onSubmit={(e) => { e.preventDefault(); run("return", { reason, sectionIds: reopen }); }}>
          <label className="block">退回理由（必填）
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
          </label>
          {reopenable.length ? (
            <fieldset>
              <legend>需要修改的章节（选中后报告回到起草阶段，这些章节重新打开）</legend>
              <div className="mt-1 flex flex-wrap gap-3">
                {reopenable.map((s) => (
                  <label key={s.id} className="flex items-center gap-1">
                    <input type="checkbox" checked={reopen.includes(s.id)}
                      onChange={(e) => setReopen(e.target.checked ? [...reopen, s.id] : reopen.filter((x) => x !== s.id))} />
                    {s.title}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-white">确认退回</button>
            <button type="button" className="underline" onClick={() => setForm(null)}>取消</button>
          </div>
        </form>
      ) : null}
      {error ? <p role="status" className="mt-2 text-sm text-red-700">{error}</p> : null}
    </section>
  );
}
