// Errors by what they mean. Services throw these; one table below turns each kind
// into its HTTP status, for route handlers and server actions alike. The message is
// for the user (Chinese); `fields` carries a message per input field. `code` is stable
// (the catalogue key of the message where it has one, else the kind) and an error that
// knows its words in the catalogue says them in the reader's language (`localized`).
import { translate, type Locale, type MessageKey } from "./i18n/messages";

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

export interface Said {
  message: string;
  fields?: Record<string, string>;
}

export class AppError extends Error {
  /** stable, for clients and logs: the message's catalogue key, else the kind */
  code: string;
  /** the message in the reader's language, where the error's words are in the catalogue */
  inLocale?: (locale: Locale) => Said;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
    this.code = kind;
  }
  get status() {
    return HTTP_STATUS[this.kind];
  }
  /** What the reader is told, in their language where the catalogue has the words (else as thrown). */
  localized(locale: Locale): Said {
    return this.inLocale?.(locale) ?? { message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
  /** Gives the error its code and its words in every language, from the catalogue. */
  saying(key: MessageKey, params?: Record<string, string | number>): this {
    this.code = key;
    this.inLocale = (locale) => ({ message: translate(locale, key, params) });
    return this;
  }
}

/** The code a client tells a save's version conflict by (its body then carries the current text). */
export const SAVE_CONFLICT = "section.saveConflict" satisfies MessageKey;

export const MESSAGES = {
  unauthenticated: "请先登录。",
  sessionEnded: "登录已失效，请重新登录。",
  forbidden: "您没有执行此操作的权限。",
  notFound: "未找到该内容，或您无权查看。",
  stale: "状态已被他人改变，请刷新页面后再试。",
};
/** The catalogue keys of MESSAGES: the same words in every language. */
const MESSAGE_KEYS: Record<string, MessageKey> = {
  [MESSAGES.unauthenticated]: "error.unauthenticated",
  [MESSAGES.sessionEnded]: "error.sessionEnded",
  [MESSAGES.forbidden]: "error.forbidden",
  [MESSAGES.notFound]: "error.notFound",
  [MESSAGES.stale]: "error.stale",
};
const known = <E extends AppError>(e: E): E => (MESSAGE_KEYS[e.message] ? e.saying(MESSAGE_KEYS[e.message]) : e);

export class Unauthenticated extends AppError {
  constructor(message = MESSAGES.unauthenticated) {
    super("unauthenticated", message);
    known(this);
  }
}
export class Forbidden extends AppError {
  constructor(message = MESSAGES.forbidden) {
    super("forbidden", message);
    known(this);
  }
}
export class NotFound extends AppError {
  constructor(message = MESSAGES.notFound) {
    super("notFound", message);
    known(this);
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super("conflict", message);
    known(this);
  }
}
export class Invalid extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super("invalid", message, fields);
  }
}
export class TooLarge extends AppError {
  constructor(message: string) {
    super("tooLarge", message);
  }
}
export class Unavailable extends AppError {
  constructor(message: string) {
    super("unavailable", message);
  }
}

/** What a refusal of the policy becomes when a service acts on it. */
export function errorFor(status: 403 | 404 | 409, message: string): AppError {
  return status === 404 ? new NotFound(message) : status === 403 ? new Forbidden(message) : new Conflict(message);
}

/**
 * Prisma's errors that mean something to the user: a unique constraint a concurrent
 * request got to first (P2002) is a conflict, a row that is gone (P2025) is not found.
 * `unique` names what must be unique, for the message.
 */
export function fromPrisma(err: unknown, unique?: Record<string, string>): AppError | null {
  const e = err as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code === "P2025") return new NotFound();
  if (e?.code !== "P2002") return null;
  const target = e.meta?.target ?? e.meta?.driverAdapterError?.cause?.constraint?.fields;
  const fields = Array.isArray(target) ? target.map(String) : typeof target === "string" ? [target] : [];
  const hit = Object.entries(unique ?? {}).find(([field]) => fields.some((f) => f.includes(field)));
  return new Conflict(hit?.[1] ?? "这项内容刚刚已被他人创建，请刷新页面后再试。");
}

/** A write whose unique constraint decides a race: the loser gets a conflict with `message`. */
export async function uniquely<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2002") throw new Conflict(message);
    throw err;
  }
}
