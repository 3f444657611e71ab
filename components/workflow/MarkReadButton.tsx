"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { markNotificationsReadAction } from "@/app/actions/workflow";
import { useT } from "@/components/i18n/I18nProvider";

export function MarkReadButton() {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} className="rounded border border-stone-400 px-3 py-1 text-sm"
      onClick={() => start(async () => { await markNotificationsReadAction(undefined); router.refresh(); })}>
      {t("notices.markRead")}
    </button>
  );
}
