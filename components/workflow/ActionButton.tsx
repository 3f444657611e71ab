"use client";

import type { AnswerView } from "@/lib/core/policy/answer";

/**
 * A workflow button as the policy answered: enabled when allowed; disabled with the
 * reason beside it when a condition blocks the step (the page does not show refused ones).
 */
export function ActionButton({ answer, label, onClick, pending, primary = true }: { answer: AnswerView; label: string; onClick: () => void; pending: boolean; primary?: boolean }) {
  const reason = answer.ok ? null : answer.reason;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" disabled={pending || !answer.ok} onClick={onClick}
        title={reason ?? undefined}
        className={`${primary ? "bg-red-800 text-white" : "border border-red-800 text-red-800"} rounded px-3 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-50`}>
        {label}
      </button>
      {reason ? <span className="text-xs text-stone-600">{reason}</span> : null}
    </span>
  );
}
