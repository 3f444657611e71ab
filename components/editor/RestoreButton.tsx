"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "@/app/actions/sections";
import { useT } from "@/components/i18n/I18nProvider";

export function RestoreButton({ sectionId, revisionId, version, baseVersion }: { sectionId: string; revisionId: string; version: number; baseVersion: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" disabled={pending} className="rounded border border-red-800 px-2 py-0.5 text-red-800"
        onClick={() => start(async () => {
          const r = await restoreRevisionAction({ sectionId, revisionId, baseVersion });
          if (!r.ok) setError(r.error);
          router.refresh();
        })}>
        {t("history.restore", { version })}
      </button>
      {error ? <span role="status" className="text-red-700">{error}</span> : null}
    </>
  );
}
