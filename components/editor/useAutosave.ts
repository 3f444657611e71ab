"use client";

// Autosave with a version check. The text lives in the browser (localStorage)
// until the server confirms it; a save based on an old version comes back 409
// with the server's text, and nothing is overwritten without the user choosing.
import { chinaClock } from "@/lib/core/dates";
import { SAVE_CONFLICT } from "@/lib/core/errors";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { cleanHeading, cleanParagraphs, sameParagraphs } from "@/lib/core/text/paragraphs";
import { draftKey, type LocalDraft } from "@/lib/core/text/editor-doc";
import type { SectionSnapshot } from "@/lib/sections/save";
import type { SectionText } from "./ConflictPanel";
import { useT } from "@/components/i18n/I18nProvider";
import { useSetLiveSection, useSettleWith } from "./LiveSection";

export type SaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string; retrying: boolean }
  | { kind: "conflict"; mine: SectionText; theirs: SectionSnapshot };

const DEBOUNCE_MS = 1200;

// China's time, as every other time on the pages, whatever the computer's zone.
const clock = chinaClock;

/** What the server would store of a text: the comparison that decides whether anything is unsaved. */
const cleaned = (t: SectionText): SectionText => ({ heading: cleanHeading(t.heading), runIn: t.runIn, content: cleanParagraphs(t.content) });
const same = (a: SectionText, b: SectionText) => a.heading === b.heading && a.runIn === b.runIn && sameParagraphs(a.content, b.content);

export function useAutosave(opts: {
  sectionId: string;
  initial: SectionText & { version: number };
  read: () => SectionText;
}) {
  const t = useT();
  // The router's own refresh (the object useRouter returns is new after a refresh; its method is not).
  const { refresh } = useRouter();
  const setLive = useSetLiveSection();
  const { sectionId } = opts;
  // The latest reader of the text, so that the save logic is the same across renders: a page
  // refresh (after a paste, a step) gives new props, and must not tear down a pending save.
  const readRef = useRef(opts.read);
  useLayoutEffect(() => {
    readRef.current = opts.read;
  });
  const read = useCallback(() => readRef.current(), []);
  const base = useRef(opts.initial.version);
  const confirmed = useRef(cleaned(opts.initial));
  const [state, setRenderedState] = useState<SaveState>({ kind: "saved", at: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The save on its way, if one is: a step on the section waits for it (settle).
  const inflight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  // The save logic reads the latest state synchronously; React's copy is for rendering.
  const stateRef = useRef(state);
  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setRenderedState(next);
  }, []);
  const saveLater = useRef<(delay: number) => void>(() => {});

  const writeDraft = useCallback(
    (d: SectionText) => {
      const draft: LocalDraft = { baseVersion: base.current, heading: d.heading, runIn: d.runIn, content: d.content, at: new Date().toISOString() };
      try {
        localStorage.setItem(draftKey(sectionId), JSON.stringify(draft));
      } catch {
        /* storage full or blocked: the server save still runs */
      }
    },
    [sectionId],
  );
  const clearDraft = useCallback(() => {
    try {
      localStorage.removeItem(draftKey(sectionId));
    } catch {
      /* nothing to clear */
    }
  }, [sectionId]);

  const isDirty = useCallback(() => !same(cleaned(read()), confirmed.current), [read]);

  const saveNow = useCallback(
    async (override?: SectionText, keepalive = false): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      if (stateRef.current.kind === "conflict" && !override) return;
      if (inflight.current) {
        again.current = true;
        return;
      }
      const sent = override ?? read();
      if (!override && !isDirty()) {
        clearDraft();
        if (stateRef.current.kind !== "saved") setState({ kind: "saved", at: null });
        return;
      }
      writeDraft(sent);
      let arrived = () => {};
      inflight.current = new Promise((resolve) => (arrived = resolve));
      setState({ kind: "saving" });
      try {
        const res = await fetch(`/api/sections/${sectionId}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ baseVersion: base.current, heading: sent.heading, runIn: sent.runIn, content: sent.content }),
          keepalive,
        });
        const body = await res.json().catch(() => ({}));
        if (res.ok) {
          base.current = body.version;
          setLive({ version: body.version, status: body.status });
          // The save changed what the section's steps depend on (an empty section has text now):
          // the page asks the server again; the editor keeps its state through the refresh.
          if (body.factsChanged) refresh();
          confirmed.current = cleaned(sent);
          if (isDirty()) {
            writeDraft(read());
            setState({ kind: "dirty" });
            again.current = true;
          } else {
            clearDraft();
            setState({ kind: "saved", at: clock(body.updatedAt) });
          }
        } else if (body.code === SAVE_CONFLICT) {
          setState({ kind: "conflict", mine: sent, theirs: body.current });
          setLive({ version: body.current.version, status: body.current.status });
        } else if (res.status === 401) {
          setState({ kind: "error", message: t("editor.sessionEnded"), retrying: false });
        } else if (res.status >= 400 && res.status < 500) {
          setState({ kind: "error", message: body.error ?? t("editor.refused"), retrying: false });
        } else {
          throw new Error(body.error ?? `HTTP ${res.status}`);
        }
      } catch {
        setState({ kind: "error", message: t("editor.offline"), retrying: true });
        saveLater.current(5000);
      } finally {
        inflight.current = null;
        arrived();
        if (again.current) {
          again.current = false;
          saveLater.current(50);
        }
      }
    },
    [sectionId, read, isDirty, writeDraft, clearDraft, setState, setLive, refresh, t],
  );

  useEffect(() => {
    saveLater.current = (delay) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), delay);
    };
  }, [saveNow]);

  const changed = useCallback(() => {
    if (stateRef.current.kind === "conflict") return;
    writeDraft(read());
    if (stateRef.current.kind !== "saving") setState({ kind: "dirty" });
    saveLater.current(DEBOUNCE_MS);
  }, [read, writeDraft, setState]);

  /** After a conflict: continue from the server's version with the chosen text. */
  const resolve = useCallback(
    (choice: SectionText, theirs: SectionSnapshot, keepTheirs: boolean) => {
      base.current = theirs.version;
      if (keepTheirs) {
        confirmed.current = cleaned(theirs);
        clearDraft();
        setState({ kind: "saved", at: clock(theirs.updatedAt) });
        return;
      }
      setState({ kind: "dirty" });
      void saveNow(choice);
    },
    [clearDraft, saveNow, setState],
  );

  // Save when the page is hidden or closed (keepalive lets the request outlive the page).
  const flush = useCallback(
    (keepalive: boolean) => {
      if (isDirty() && stateRef.current.kind !== "conflict") void saveNow(undefined, keepalive);
    },
    [isDirty, saveNow],
  );
  useEffect(() => {
    const onClose = () => flush(true);
    const onHide = () => document.visibilityState === "hidden" && flush(true);
    const warn = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
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
      flush(false);
    };
  }, [isDirty, flush]);

  /**
   * Before a step on the section (提交审核 and the others): what is in the editor goes to the
   * server first, so the step is taken on every character the user wrote. False when it could
   * not get there (a conflict, a refusal, no connection): the step waits.
   */
  const settle = useCallback(async (): Promise<boolean> => {
    await inflight.current;
    if (isDirty()) await saveNow();
    await inflight.current;
    return !isDirty();
  }, [isDirty, saveNow]);
  useSettleWith(settle);

  return { state, changed, saveNow, resolve };
}
