"use client";

// The editor's autosave (components/editor/section-saver.ts) wired to the page: one
// saver per editor, given the latest of what it reads each render, saving when the
// page is hidden, closed or left, and offered to the section's steps (settle).
import { useEffect, useLayoutEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { SectionText } from "./ConflictPanel";
import { useT } from "@/components/i18n/I18nProvider";
import { useSetLiveSection, useSettleWith } from "./LiveSection";
import { SectionSaver, type SaveState, type SaverDeps } from "./section-saver";

export function useAutosave(opts: {
  sectionId: string;
  initial: SectionText & { version: number };
  read: () => SectionText;
}) {
  const t = useT();
  // The router's own refresh (the object useRouter returns is new after a refresh; its method is not).
  const { refresh } = useRouter();
  const setLive = useSetLiveSection();
  const [state, render] = useState<SaveState>({ kind: "saved", at: null });
  const deps: SaverDeps = { sectionId: opts.sectionId, read: opts.read, render, setLive, refresh, t };
  const [saver] = useState(() => new SectionSaver(opts.initial, deps));
  useLayoutEffect(() => {
    saver.follow(deps);
  });
  useSaveOnLeave(saver);
  useSettleWith(saver.settle);
  return { state, changed: saver.changed, saveNow: saver.saveNow, resolve: saver.resolve };
}

/** Save when the page is hidden or closed, warn before it is left with unsaved text, and save what is left when the editor goes. */
function useSaveOnLeave(saver: SectionSaver) {
  useEffect(() => {
    const onClose = () => saver.flush(true);
    const onHide = () => document.visibilityState === "hidden" && saver.flush(true);
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.isDirty()) e.preventDefault();
    };
    window.addEventListener("pagehide", onClose);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("pagehide", onClose);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", warn);
      // Leaving for another page of the app unmounts the editor without a pagehide: what is
      // still waiting for its save goes now, never dropped (the app lives on: no keepalive,
      // whose body is limited to 64 KB).
      saver.flush(false);
    };
  }, [saver]);
}
