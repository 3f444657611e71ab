"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { markNotificationsReadAction } from "@/app/actions/workflow";

export function MarkReadButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} className="rounded border border-stone-400 px-3 py-1 text-sm"
      onClick={() => start(async () => { await markNotificationsReadAction(); router.refresh(); })}>
      全部标为已读
    </button>
  );
}
