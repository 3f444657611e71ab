"use client";

import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";

const FORMATS = ["pdf", "docx", "ofd"] as const;
type Format = (typeof FORMATS)[number] | "archive" | "form";

/** The file name the server gave (Content-Disposition's filename*). */
function fileNameOf(res: Response, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get("content-disposition") ?? "");
  return m ? decodeURIComponent(m[1]) : fallback;
}

/**
 * The download links of a report. Exports wait in line on the server (one renders at a
 * time per process); while this one waits, the link says how many are ahead of it and
 * asks again when the server says to, then saves the file as the link would have.
 */
export function ExportLinks({ reportId, className, withMarks = false, issued = false }: { reportId: string; className: string; withMarks?: boolean; issued?: boolean }) {
  const t = useT();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Stops asking for a file once the page is left.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const download = async (format: Format, href: string) => {
    setBusy(true);
    // Until the server says otherwise; while in line, the place in line stays shown between asks.
    setStatus(t("export.rendering"));
    try {
      while (mounted.current) {
        const res = await fetch(href, { headers: { accept: "application/json, */*" } });
        if (res.status === 202 || res.status === 503) {
          const body = (await res.json().catch(() => ({}))) as { ahead?: number };
          setStatus(res.status === 202 ? t("export.queued", { ahead: body.ahead ?? 1 }) : t("export.busy"));
          await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get("retry-after") || 2) * 1000));
          continue;
        }
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { error?: string };
          setStatus(t("export.failed", { error: body.error ?? String(res.status) }));
          return;
        }
        const url = URL.createObjectURL(await res.blob());
        const a = document.createElement("a");
        a.href = url;
        a.download = fileNameOf(res, `report.${format === "archive" ? "zip" : format === "form" ? "pdf" : format}`);
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setStatus(null);
        return;
      }
    } catch {
      setStatus(t("export.failed", { error: t("export.network") }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {[
        ...FORMATS.map((format) => ({ format, label: t(`report.links.${format}`), href: `/api/reports/${reportId}/export?format=${format}` })),
        // The 发文稿纸: the record's steps (拟稿 → 核稿 → 签发) on the form an office files, as a PDF.
        { format: "form" as const, label: t("report.links.form"), href: `/api/reports/${reportId}/export?format=form` },
        // The 修订稿: the DOCX with the pending suggestions and open comments, for Word and WPS.
        ...(withMarks ? [{ format: "docx" as const, label: t("report.links.marked"), href: `/api/reports/${reportId}/export?format=docx&marks=1` }] : []),
        // The 归档包 (the files, the 签发单 and their manifest) exists once the report is signed.
        ...(issued ? [{ format: "archive" as const, label: t("report.links.archive"), href: `/api/reports/${reportId}/export?format=archive` }] : []),
      ].map(({ format, label, href }) => (
        <a key={href} href={href} className={className} aria-disabled={busy || undefined}
          onClick={(e) => {
            e.preventDefault();
            if (!busy) void download(format, href);
          }}>
          {label}
        </a>
      ))}
      <span role="status" aria-live="polite" className="text-stone-600">{status}</span>
    </>
  );
}
