// Autosave with a version check. The text lives in the browser (localStorage)
// until the server confirms it; a save based on an old version comes back 409
// with the server's text, and nothing is overwritten without the user choosing.
// One SectionSaver per editor (useAutosave makes it): its state outlives renders,
// so a page refresh (after a paste, a step) never tears down a pending save.
import { chinaClock } from "@/lib/core/dates";
import { SAVE_CONFLICT } from "@/lib/core/errors";
import type { Translate } from "@/lib/core/i18n/messages";
import { cleanHeading, cleanParagraphs, sameParagraphs } from "@/lib/core/text/paragraphs";
import { draftKey, type LocalDraft } from "@/lib/core/text/editor-doc";
import type { SectionStatus } from "@/lib/core/workflow/statuses";
import type { SectionSnapshot } from "@/lib/sections/save";
import type { SectionText } from "./ConflictPanel";

export type SaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string; retrying: boolean }
  | { kind: "conflict"; mine: SectionText; theirs: SectionSnapshot };

const DEBOUNCE_MS = 1200;
/** After a save could not reach the server, the next try. */
const RETRY_MS = 5000;
/** A change that came while a save was on its way goes right after it. */
const AGAIN_MS = 50;

// China's time, as every other time on the pages, whatever the computer's zone.
const clock = chinaClock;

/** What the server would store of a text: the comparison that decides whether anything is unsaved. */
const cleaned = (t: SectionText): SectionText => ({ heading: cleanHeading(t.heading), runIn: t.runIn, content: cleanParagraphs(t.content) });
const same = (a: SectionText, b: SectionText) => a.heading === b.heading && a.runIn === b.runIn && sameParagraphs(a.content, b.content);

/** What the saver takes from the page: the latest of each render. */
export interface SaverDeps {
  sectionId: string;
  /** the text in the editor now */
  read: () => SectionText;
  /** shows a state (React's copy of it) */
  render: (state: SaveState) => void;
  setLive: (live: { version: number; status: SectionStatus }) => void;
  /** asks the server for the page again (the editor keeps its state) */
  refresh: () => void;
  t: Translate;
}

/** The server's answer to a save. */
type Answer =
  | { kind: "saved"; version: number; status: SectionStatus; updatedAt: string; factsChanged: boolean }
  | { kind: "conflict"; theirs: SectionSnapshot }
  | { kind: "refused"; message: string };

/** PUTs the text based on `baseVersion`; throws when the server cannot be reached or fails (a retry may succeed). */
async function putSection(deps: SaverDeps, sent: SectionText, baseVersion: number, keepalive: boolean): Promise<Answer> {
  const res = await fetch(`/api/sections/${deps.sectionId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ baseVersion, heading: sent.heading, runIn: sent.runIn, content: sent.content }),
    keepalive,
  });
  const body = await res.json().catch(() => ({}));
  if (res.ok) return { kind: "saved", version: body.version, status: body.status, updatedAt: body.updatedAt, factsChanged: body.factsChanged };
  if (body.code === SAVE_CONFLICT) return { kind: "conflict", theirs: body.current };
  if (res.status === 401) return { kind: "refused", message: deps.t("editor.sessionEnded") };
  if (res.status >= 400 && res.status < 500) return { kind: "refused", message: body.error ?? deps.t("editor.refused") };
  throw new Error(body.error ?? `HTTP ${res.status}`);
}

export class SectionSaver {
  /** the latest state, read synchronously by the save logic; React's copy is for rendering */
  private state: SaveState = { kind: "saved", at: null };
  /** the version the next save is based on */
  private base: number;
  /** the text the server has confirmed */
  private confirmed: SectionText;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The save on its way, if one is: a step on the section waits for it (settle). */
  private inflight: Promise<void> | null = null;
  /** a save was asked for while one was on its way: it goes once that one is back */
  private again = false;

  constructor(
    initial: SectionText & { version: number },
    private deps: SaverDeps,
  ) {
    this.base = initial.version;
    this.confirmed = cleaned(initial);
  }

  /** The page's latest, after each render (a new render may bring a new reader, language or setter). */
  follow(deps: SaverDeps): void {
    this.deps = deps;
  }

  private setState(next: SaveState): void {
    this.state = next;
    this.deps.render(next);
  }

  private writeDraft(d: SectionText): void {
    const draft: LocalDraft = { baseVersion: this.base, heading: d.heading, runIn: d.runIn, content: d.content, at: new Date().toISOString() };
    try {
      localStorage.setItem(draftKey(this.deps.sectionId), JSON.stringify(draft));
    } catch {
      /* storage full or blocked: the server save still runs */
    }
  }

  private clearDraft(): void {
    try {
      localStorage.removeItem(draftKey(this.deps.sectionId));
    } catch {
      /* nothing to clear */
    }
  }

  readonly isDirty = (): boolean => !same(cleaned(this.deps.read()), this.confirmed);

  private saveLater(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), delay);
  }

  /** Saves what is in the editor (or `override`, a text chosen after a conflict) now. */
  readonly saveNow = async (override?: SectionText, keepalive = false): Promise<void> => {
    if (this.timer) clearTimeout(this.timer);
    if (this.state.kind === "conflict" && !override) return;
    if (this.inflight) {
      this.again = true;
      return;
    }
    const sent = override ?? this.deps.read();
    if (!override && !this.isDirty()) {
      this.clearDraft();
      if (this.state.kind !== "saved") this.setState({ kind: "saved", at: null });
      return;
    }
    this.writeDraft(sent);
    let arrived = () => {};
    this.inflight = new Promise((resolve) => (arrived = resolve));
    this.setState({ kind: "saving" });
    try {
      const answer = await putSection(this.deps, sent, this.base, keepalive);
      if (answer.kind === "saved") this.saved(sent, answer);
      else if (answer.kind === "conflict") {
        this.setState({ kind: "conflict", mine: sent, theirs: answer.theirs });
        this.deps.setLive({ version: answer.theirs.version, status: answer.theirs.status });
      } else this.setState({ kind: "error", message: answer.message, retrying: false });
    } catch {
      this.setState({ kind: "error", message: this.deps.t("editor.offline"), retrying: true });
      this.saveLater(RETRY_MS);
    } finally {
      this.inflight = null;
      arrived();
      if (this.again) {
        this.again = false;
        this.saveLater(AGAIN_MS);
      }
    }
  };

  /** The server has `sent`: it is the new base, and what was typed meanwhile goes next. */
  private saved(sent: SectionText, answer: Extract<Answer, { kind: "saved" }>): void {
    this.base = answer.version;
    this.deps.setLive({ version: answer.version, status: answer.status });
    // The save changed what the section's steps depend on (an empty section has text now):
    // the page asks the server again; the editor keeps its state through the refresh.
    if (answer.factsChanged) this.deps.refresh();
    this.confirmed = cleaned(sent);
    if (this.isDirty()) {
      this.writeDraft(this.deps.read());
      this.setState({ kind: "dirty" });
      this.again = true;
    } else {
      this.clearDraft();
      this.setState({ kind: "saved", at: clock(answer.updatedAt) });
    }
  }

  /** The text changed: kept in the browser at once, saved once the typing pauses. */
  readonly changed = (): void => {
    if (this.state.kind === "conflict") return;
    this.writeDraft(this.deps.read());
    if (this.state.kind !== "saving") this.setState({ kind: "dirty" });
    this.saveLater(DEBOUNCE_MS);
  };

  /** After a conflict: continue from the server's version with the chosen text. */
  readonly resolve = (choice: SectionText, theirs: SectionSnapshot, keepTheirs: boolean): void => {
    this.base = theirs.version;
    if (keepTheirs) {
      this.confirmed = cleaned(theirs);
      this.clearDraft();
      this.setState({ kind: "saved", at: clock(theirs.updatedAt) });
      return;
    }
    this.setState({ kind: "dirty" });
    void this.saveNow(choice);
  };

  /** Saves what is unsaved now (the page is hidden, closed or left); keepalive lets the request outlive the page. */
  readonly flush = (keepalive: boolean): void => {
    if (this.isDirty() && this.state.kind !== "conflict") void this.saveNow(undefined, keepalive);
  };

  /**
   * Before a step on the section (提交审核 and the others): what is in the editor goes to the
   * server first, so the step is taken on every character the user wrote. False when it could
   * not get there (a conflict, a refusal, no connection): the step waits.
   */
  readonly settle = async (): Promise<boolean> => {
    await this.inflight;
    if (this.isDirty()) await this.saveNow();
    await this.inflight;
    return !this.isDirty();
  };
}
