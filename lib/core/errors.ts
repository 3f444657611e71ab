// Errors by what they mean. Services throw these; one table below turns each kind
// into its HTTP status, for route handlers and server actions alike. Every error has a
// stable `code` and says its words in the reader's language (`localized`): the kinds
// below take a catalogue key (their code) and its parameters, so no service writes a
// user's message out itself (tests/lint/catalogued-errors.test.ts checks it).
import { say, type Locale, type MessageKey, type Saying } from "./i18n/messages";

export type ErrorKind = "unauthenticated" | "forbidden" | "notFound" | "conflict" | "invalid" | "tooLarge" | "unavailable";

export const HTTP_STATUS: Record<ErrorKind, 400 | 401 | 403 | 404 | 409 | 413 | 503> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unavailable: 503,
};

/** What the reader is told: the message, and one per input field for a form. */
export interface Said {
  message: string;
  fields?: Record<string, string>;
}

/** A message's parameters: values as they are, words of the catalogue by key, lists (lib/core/i18n/messages.ts). */
type Params = NonNullable<Saying["params"]>;
/** A message per input field: a catalogue key, or a key with its parameters. */
export type FieldSayings = Record<string, MessageKey | Saying>;

export class AppError extends Error {
  /** the message per field in Chinese (the server's language: logs, the CLI, tests) */
  readonly fields?: Record<string, string>;
  /**
   * `code` is stable, for clients and logs; `words` says the error in a language. The
   * message of the Error itself is the Chinese.
   */
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    private readonly words: (locale: Locale) => Said,
  ) {
    const zh = words("zh");
    super(zh.message);
    this.name = "AppError";
    if (zh.fields) this.fields = zh.fields;
  }
  get status() {
    return HTTP_STATUS[this.kind];
  }
  /** What the reader is told, in their language. */
  localized(locale: Locale): Said {
    return this.words(locale);
  }
}

const asSaying = (s: MessageKey | Saying): Saying => (typeof s === "string" ? { key: s } : s);

/** The words of a catalogue entry (and of each field's), in a language. */
export function catalogued(key: MessageKey, params?: Params, fields?: FieldSayings): (locale: Locale) => Said {
  return (locale) => ({
    message: say(locale, { key, params }),
    ...(fields ? { fields: Object.fromEntries(Object.entries(fields).map(([f, s]) => [f, say(locale, asSaying(s))])) } : {}),
  });
}

/** An error whose words are one entry of the catalogue: its key is its code. */
class CataloguedError extends AppError {
  constructor(kind: ErrorKind, key: MessageKey, params?: Params, fields?: FieldSayings) {
    super(kind, key, catalogued(key, params, fields));
  }
}

export class Unauthenticated extends CataloguedError {
  constructor(key: MessageKey = "error.unauthenticated") {
    super("unauthenticated", key);
  }
}
export class Forbidden extends CataloguedError {
  constructor(key: MessageKey = "error.forbidden", params?: Params) {
    super("forbidden", key, params);
  }
}
export class NotFound extends CataloguedError {
  constructor(key: MessageKey = "error.notFound", params?: Params) {
    super("notFound", key, params);
  }
}
export class Conflict extends CataloguedError {
  constructor(key: MessageKey, params?: Params) {
    super("conflict", key, params);
  }
}
export class Invalid extends CataloguedError {
  constructor(key: MessageKey, params?: Params, fields?: FieldSayings) {
    super("invalid", key, params, fields);
  }
}
export class TooLarge extends CataloguedError {
  constructor(key: MessageKey, params?: Params) {
    super("tooLarge", key, params);
  }
}
export class Unavailable extends CataloguedError {
  constructor(key: MessageKey, params?: Params) {
    super("unavailable", key, params);
  }
}

/** The code a client tells a save's version conflict by (its body then carries the current text). */
export const SAVE_CONFLICT = "section.saveConflict" satisfies MessageKey;

/**
 * Prisma's errors that mean something to the user: a unique constraint a concurrent
 * request got to first (P2002) is a conflict, a row that is gone (P2025) is not found.
 * `unique` names, per unique field, what the conflict says.
 */
export function fromPrisma(err: unknown, unique?: Record<string, MessageKey>): AppError | null {
  const e = err as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code === "P2025") return new NotFound();
  if (e?.code !== "P2002") return null;
  const target = e.meta?.target ?? e.meta?.driverAdapterError?.cause?.constraint?.fields;
  const fields = Array.isArray(target) ? target.map(String) : typeof target === "string" ? [target] : [];
  const hit = Object.entries(unique ?? {}).find(([field]) => fields.some((f) => f.includes(field)));
  return new Conflict(hit?.[1] ?? "error.createdMeanwhile");
}

/** A write whose unique constraint decides a race: the loser gets a conflict saying `key`. */
export async function uniquely<T>(write: () => Promise<T>, key: MessageKey, params?: Params): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2002") throw new Conflict(key, params);
    throw err;
  }
}
