"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateReportMetadataAction } from "@/app/actions/reports";

interface Props {
  reportId: string;
  initial: { title: string; addressee: string; copyTo: string; copies: number | null; dueDate: string };
}

/** 报告信息 for the administrator: what the export puts around the text. */
export function MetadataForm({ reportId, initial }: Props) {
  const router = useRouter();
  const [v, setV] = useState({ ...initial, copies: initial.copies ? String(initial.copies) : "" });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const field = (key: keyof typeof v, label: string, wide = false) => (
    <label className={`text-sm ${wide ? "sm:col-span-2" : ""}`}>
      {label}
      <input value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
    </label>
  );
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium">编辑报告信息（标题、主送机关、抄送、印数、报送截止）</summary>
      <form className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (v.copies && !/^\d+$/.test(v.copies.trim())) return setMessage({ ok: false, text: "印数须为正整数。" });
          start(async () => {
            const r = await updateReportMetadataAction({ reportId, title: v.title, addressee: v.addressee, copyTo: v.copyTo, copies: v.copies ? Number(v.copies.trim()) : null, dueDate: v.dueDate });
            setMessage(r.ok ? { ok: true, text: "已保存。" } : { ok: false, text: r.error });
            router.refresh();
          });
        }}>
        {field("title", "标题", true)}
        {field("addressee", "主送机关（如：区政府）")}
        {field("copyTo", "抄送")}
        {field("copies", "印数")}
        {field("dueDate", "报送截止（YYYY-MM-DD）")}
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">保存报告信息</button>
          {message ? <span role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>{message.text}</span> : null}
        </div>
      </form>
    </details>
  );
}
