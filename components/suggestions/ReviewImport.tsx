"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ReviewImportPreview } from "@/lib/suggestions/review-import";
import { useT } from "@/components/i18n/I18nProvider";

/**
 * 导入审阅稿: a Word file someone reviewed with 修订 and 批注 (our 修订稿 or the office's own
 * copy) becomes suggestions and comments. The preview lists, per section, what each
 * change will be and what could not be placed; only the confirmation stores it.
 */
export function ReviewImport({ reportId }: { reportId: string }) {
  const t = useT();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ReviewImportPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const send = async (confirm: boolean) => {
    if (!file) return;
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/reports/${reportId}/review-import${confirm ? "?confirm=1" : ""}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      const body = await res.json();
      if (!res.ok) return setMessage(body.error ?? String(res.status));
      if (confirm) {
        setPreview(null);
        setFile(null);
        setMessage(t("review.imported", body.counts));
        router.refresh();
      } else setPreview(body as ReviewImportPreview);
    } catch {
      setMessage(t("export.network"));
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-label={t("review.region")} className="rounded-lg bg-white p-4 text-sm shadow-sm">
      <h2 className="font-semibold">{t("review.region")}</h2>
      <p className="mt-1 text-xs text-stone-600">{t("review.help")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          <span>{t("review.file")}</span>
          <input type="file" accept=".docx" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setMessage(null); }} />
        </label>
        <button type="button" disabled={!file || pending} onClick={() => void send(false)} className="rounded border border-red-800 px-3 py-1 text-red-800 disabled:opacity-50">{t("review.preview")}</button>
      </div>
      {message ? <p role="status" className="mt-2 text-red-800">{message}</p> : null}
      {preview ? (
        <div className="mt-3 space-y-2" data-testid="review-preview">
          <p>{t("review.counts", preview.counts)}{preview.formatRevisions ? ` ${t("review.formatIgnored", { count: preview.formatRevisions })}` : ""}</p>
          {preview.alreadyThere ? <p className="text-stone-600">{t("review.alreadyThere", { count: preview.alreadyThere })}</p> : null}
          {preview.outdated.length ? (
            <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
              {t("review.outdated", { sections: preview.outdated.map((x) => x ?? t("intro")).join(t("shell.listSeparator")) })}
            </p>
          ) : null}
          <ul className="list-disc space-y-1 pl-5">
            {preview.sections.map((s) => (
              <li key={s.sectionId}>
                <span className="font-medium">{t("review.sectionTitle", { title: s.title ?? t("intro") })}</span>{t("review.sectionLine", { suggestions: s.suggestions.length, comments: s.comments })}
                <ul className="pl-4 text-xs text-stone-700">
                  {s.suggestions.map((x, i) => (
                    <li key={i}>{t(`suggestion.${x.kind}`)} {x.kind === "insert" ? <ins>{x.text}</ins> : <del>{x.text}</del>}{t("review.by", { author: x.author })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {preview.unplaced.length ? (
            <div className="rounded border border-amber-300 bg-amber-50 p-2">
              <p className="font-medium text-amber-900">{t("review.unplaced", { count: preview.unplaced.length })}</p>
              <ul className="list-disc pl-5 text-xs">
                {preview.unplaced.map((u) => <li key={u.paragraph}>{t("review.unplacedLine", { n: u.paragraph + 1, text: u.text.slice(0, 60), reason: t(`review.reason.${u.reason}`) })}</li>)}
              </ul>
            </div>
          ) : null}
          <button type="button" disabled={pending || (!preview.counts.suggestions && !preview.counts.comments)} onClick={() => void send(true)} className="rounded bg-red-800 px-3 py-1 text-white disabled:opacity-50">{t("review.confirm")}</button>
        </div>
      ) : null}
    </section>
  );
}
