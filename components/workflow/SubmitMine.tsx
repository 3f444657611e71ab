"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { submitAllMineAction } from "@/app/actions/workflow";

export function SubmitMine({ reportId, count }: { reportId: string; count: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  if (!count && !message) return null;
  return (
    <div className="flex items-center gap-3">
      {count ? <button type="button" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white"
        onClick={() => start(async () => {
          const r = await submitAllMineAction({ reportId });
          setMessage(r.ok ? `已提交 ${r.data.submitted} 个章节${r.data.skipped.length ? `；${r.data.skipped.length} 个章节正文为空，未提交` : ""}。` : r.error);
          router.refresh();
        })}>
        提交我负责的全部章节（{count}）
      </button> : null}
      {message ? <span role="status" className="text-sm">{message}</span> : null}
    </div>
  );
}
