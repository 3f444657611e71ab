"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { decideAllSuggestionsAction, decideSuggestionAction } from "@/app/actions/suggestions";
import type { SuggestionView } from "@/lib/core/suggestions/view";
import { chinaDateTime } from "@/lib/core/dates";
import { useT } from "@/components/i18n/I18nProvider";
import { SuggestedText } from "./SuggestedText";
import { authorColours } from "./author-colours";

/** A paragraph mark in a suggestion shown as Word shows it. */
const shown = (text: string) => text.replaceAll("\n", "¶");

interface Props {
  reportId: string;
  sectionId: string;
  text: string;
  suggestions: SuggestionView[];
  /** what the reader may do to each suggestion */
  may: Record<string, { accept: boolean; reject: boolean }>;
  /** why the reader may not accept here (e.g. the section has passed), if that is so */
  acceptBlocked?: string | null;
}

/** 修订: the text with the pending suggestions in colour, and each one to accept or reject (one, one author's, or all). */
export function SuggestionsPanel({ reportId, sectionId, text, suggestions, may, acceptBlocked }: Props) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const colours = authorColours(suggestions.map((s) => s.author));
  const run = (act: () => Promise<{ ok: true; data: { stale?: number } } | { ok: false; error: string }>) =>
    start(async () => {
      const r = await act();
      if (!r.ok) return setMessage(r.error);
      setMessage(r.data.stale ? t("suggestion.staleSome", { count: r.data.stale }) : null);
      router.refresh();
    });
  const one = (id: string, action: "accept" | "reject") => run(() => decideSuggestionAction({ suggestionId: id, action }));
  const all = (action: "acceptAll" | "rejectAll", author?: string) => run(() => decideAllSuggestionsAction({ reportId, sectionId, action, ...(author ? { author } : {}) }));
  const anyDecides = suggestions.some((s) => may[s.id]?.accept);
  const authors = [...colours.keys()];
  return (
    <section aria-label={t("suggestions.region")} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold">{t("suggestions.title", { count: suggestions.length })}</h2>
      <p className="mt-1 text-xs text-stone-600">{t("suggestions.help")}</p>
      <div className="mt-3 rounded border border-stone-200 p-3">
        <SuggestedText text={text} suggestions={suggestions} colours={colours} />
      </div>
      {anyDecides ? (
        <div className="mt-3 flex flex-wrap gap-2 text-sm">
          <button type="button" disabled={pending} onClick={() => all("acceptAll")} className="rounded bg-red-800 px-3 py-1 text-white disabled:opacity-50">{t("suggestions.acceptAll")}</button>
          <button type="button" disabled={pending} onClick={() => all("rejectAll")} className="rounded border border-stone-400 px-3 py-1 disabled:opacity-50">{t("suggestions.rejectAll")}</button>
          {authors.length > 1
            ? authors.map((a) => (
                <button key={a} type="button" disabled={pending} onClick={() => all("acceptAll", a)} className="rounded border px-3 py-1 disabled:opacity-50" style={{ borderColor: colours.get(a), color: colours.get(a) }}>
                  {t("suggestions.acceptAuthor", { author: a })}
                </button>
              ))
            : null}
        </div>
      ) : null}
      {acceptBlocked ? <p className="mt-2 text-sm text-amber-800">{acceptBlocked}</p> : null}
      {message ? <p role="status" className="mt-2 text-sm text-red-700">{message}</p> : null}
      <ol className="mt-3 space-y-2 text-sm">
        {suggestions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-baseline gap-2 rounded border border-stone-200 p-2" data-testid="suggestion-item">
            <span className="font-medium" style={{ color: colours.get(s.author) }}>{t(`suggestion.${s.kind}`)}</span>
            {s.kind === "insert" ? <ins className="doc-text" style={{ color: colours.get(s.author) }}>{shown(s.text)}</ins> : <del className="doc-text" style={{ color: colours.get(s.author) }}>{shown(s.text)}</del>}
            <span className="text-xs text-stone-500">{s.author} · <time dateTime={s.createdAt}>{chinaDateTime(s.createdAt)}</time>{s.source === "word" ? ` · ${t("suggestions.fromWord")}` : ""}</span>
            {s.stale ? <span className="text-xs font-medium text-amber-800">{t("suggestions.stale")}</span> : null}
            <span className="ml-auto flex gap-2">
              {may[s.id]?.accept && !s.stale ? (
                <button type="button" disabled={pending} onClick={() => one(s.id, "accept")} className="rounded border border-green-700 px-2 py-0.5 text-green-800 disabled:opacity-50" aria-label={t("suggestions.acceptOne", { kind: t(`suggestion.${s.kind}`), text: shown(s.text) })}>{t("suggestions.accept")}</button>
              ) : null}
              {may[s.id]?.reject ? (
                <button type="button" disabled={pending} onClick={() => one(s.id, "reject")} className="rounded border border-stone-400 px-2 py-0.5 disabled:opacity-50" aria-label={t("suggestions.rejectOne", { kind: t(`suggestion.${s.kind}`), text: shown(s.text) })}>{t("suggestions.reject")}</button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
