// UI strings: Simplified Chinese first, English second, one catalogue of typed keys
// (lib/core/i18n/catalogue/*, one file per area). Two languages and a few hundred strings
// fit a typed dictionary; next-intl's routing and ICU machinery would add more than it
// gives here (no locale in URLs, no plurals to speak of). "{name}" marks a parameter.
import * as common from "./catalogue/common";
import * as workflow from "./catalogue/workflow";
import * as records from "./catalogue/records";
import * as report from "./catalogue/report";
import * as section from "./catalogue/section";
import * as admin from "./catalogue/admin";
import * as input from "./catalogue/input";
import * as importing from "./catalogue/import";
import * as forms from "./catalogue/forms";
import * as suggestion from "./catalogue/suggestion";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "lang";

/** The language a `lang` cookie's value names; Chinese when it names none we have. */
export function localeOf(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : "zh";
}

const zh = { ...common.zh, ...workflow.zh, ...records.zh, ...report.zh, ...section.zh, ...admin.zh, ...input.zh, ...importing.zh, ...forms.zh, ...suggestion.zh };
export type MessageKey = keyof typeof zh;
const en: Record<MessageKey, string> = { ...common.en, ...workflow.en, ...records.en, ...report.en, ...section.en, ...admin.en, ...input.en, ...importing.en, ...forms.en, ...suggestion.en };

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { zh, en };

export type Params = Record<string, string | number>;

/** “A”、“B”、“C”… in the reader's language (its list separator; names given by key are translated). */
export interface QuotedList {
  quoted: readonly (string | { key: MessageKey })[];
  more?: boolean;
}
/** A、B、C: names in the reader's list separator, as they are. */
export interface PlainList {
  listed: readonly string[];
}
/**
 * A parameter said in the reader's language: a value as it is (a number, a name a person
 * wrote), a word of the catalogue by its key (a status, an action), or a list.
 */
export type Param = string | number | { key: MessageKey } | QuotedList | PlainList;

/** Words of the catalogue to be said later, in whichever language the reader reads. */
export interface Saying {
  key: MessageKey;
  params?: Record<string, Param>;
}

/** A message with its "{name}" parameters filled in. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, Param>): string {
  return format(MESSAGES[locale][key], params && paramsIn(locale, params));
}

function paramsIn(locale: Locale, params: Record<string, Param>): Params {
  const word = (v: string | { key: MessageKey }) => (typeof v === "object" ? translate(locale, v.key) : v);
  const separator = () => translate(locale, "shell.listSeparator");
  const said = (v: Param) =>
    typeof v !== "object" ? v
    : "quoted" in v ? v.quoted.map((n) => `“${word(n)}”`).join(separator()) + (v.more ? "…" : "")
    : "listed" in v ? v.listed.join(separator())
    : word(v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, said(v)]));
}

/** Several messages one after the other: Chinese sentences run on, English ones take a space. */
export const sentences = (locale: Locale, keys: readonly MessageKey[]): string => keys.map((k) => translate(locale, k)).join(locale === "zh" ? "" : " ");

/** Words of the catalogue said in a language. */
export const say = (locale: Locale, saying: Saying): string => translate(locale, saying.key, saying.params);

export type Translate = (key: MessageKey, params?: Params) => string;

/** Whether a key built at run time (an audit action, a status) is in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}


