"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { transitionSectionAction } from "@/app/actions/workflow";
import type { SectionAction } from "@/lib/workflow/machine";

const LABELS: Record<SectionAction, string> = { submit: "提交审核", withdraw: "撤回", pass: "通过", return: "退回修改" };

/** The section's workflow buttons; the server decides again on every click. */
export function SectionWorkflow({ sectionId, actions }: { sectionId: string; actions: SectionAction[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  if (!actions.length) return null;
  const run = (action: SectionAction) =>
    start(async () => {
      setError(null);
      const r = await transitionSectionAction({ sectionId, action, ...(action === "return" ? { reason } : {}) });
      if (!r.ok) return setError(r.error);
      setReturning(false);
      setReason("");
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-start gap-2" aria-label="审核操作" role="group">
      {actions.filter((a) => a !== "return").map((a) => (
        <button key={a} type="button" disabled={pending} onClick={() => run(a)}
          className={a === "withdraw" ? "rounded border border-stone-400 px-3 py-1 text-sm" : "rounded bg-red-800 px-3 py-1 text-sm text-white"}>
          {LABELS[a]}
        </button>
      ))}
      {actions.includes("return") ? (
        returning ? (
          <form className="flex w-full flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run("return"); }}>
            <label className="flex-1 text-sm">
              退回理由（必填）
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required
                className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">确认退回</button>
            <button type="button" onClick={() => setReturning(false)} className="text-sm underline">取消</button>
          </form>
        ) : (
          <button type="button" onClick={() => setReturning(true)} className="rounded border border-red-800 px-3 py-1 text-sm text-red-800">退回修改</button>
        )
      ) : null}
      {error ? <p role="status" className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
