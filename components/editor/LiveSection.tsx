"use client";

// The section's status and version as the server last answered: the header shows
// what the editor's saves and conflicts report, not what the page was loaded with.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { SectionStatus } from "@/lib/core/workflow/statuses";
import { useT } from "@/components/i18n/I18nProvider";

interface Live {
  version: number;
  status: SectionStatus;
}

type Settle = () => Promise<boolean>;
const SETTLED: Settle = async () => true;

const LiveContext = createContext<{ live: Live; setLive: (l: Live) => void; settle: Settle; offerSettle: (s: Settle) => void } | null>(null);

export function LiveSectionProvider({ initial, children }: { initial: Live; children: ReactNode }) {
  const [live, setLive] = useState(initial);
  // The editor's settle (useAutosave), for the section's steps; with no editor, nothing waits.
  const editorSettle = useRef<Settle>(SETTLED);
  const settle = useCallback(() => editorSettle.current(), []);
  const offerSettle = useCallback((s: Settle) => {
    editorSettle.current = s;
  }, []);
  // A refresh of the page (after a step, a paste, a save) brings the server's answer: take it,
  // without remounting what is inside (the editor keeps its state), unless a save answered
  // since has told of a newer version.
  const [server, setServer] = useState(initial);
  if (initial.version !== server.version || initial.status !== server.status) {
    setServer(initial);
    if (initial.version >= live.version) setLive(initial);
  }
  return <LiveContext.Provider value={{ live, setLive, settle, offerSettle }}>{children}</LiveContext.Provider>;
}

/** 起草中 · 第 3 版, kept current by the editor. */
export function LiveSectionLine() {
  const t = useT();
  const ctx = useContext(LiveContext);
  if (!ctx) return null;
  return (
    <p className="text-sm text-stone-600">
      <span data-testid="section-status">{t(`section.status.${ctx.live.status}`)}</span> · <span data-testid="section-version">{t("section.version", { version: ctx.live.version })}</span>
    </p>
  );
}

const NOTHING = () => {};

/** The setter, or a no-op outside a section page. */
export function useSetLiveSection(): (l: Live) => void {
  return useContext(LiveContext)?.setLive ?? NOTHING;
}

/** The editor offers its settle to the section's steps while it is there. */
export function useSettleWith(settle: Settle) {
  const offer = useContext(LiveContext)?.offerSettle;
  useEffect(() => {
    offer?.(settle);
    return () => offer?.(SETTLED);
  }, [offer, settle]);
}

/** For a step on the section: resolves once the editor's text is on the server (false: it could not be saved). */
export function useSettleSection(): Settle {
  return useContext(LiveContext)?.settle ?? SETTLED;
}
