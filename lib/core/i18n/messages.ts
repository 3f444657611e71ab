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
import * as suggestion from "./catalogue/suggestion";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "lang";

/** The language a `lang` cookie's value names; Chinese when it names none we have. */
export function localeOf(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : "zh";
}

const zh = { ...common.zh, ...workflow.zh, ...records.zh, ...report.zh, ...section.zh, ...admin.zh, ...input.zh, ...suggestion.zh };
export type MessageKey = keyof typeof zh;
const en: Record<MessageKey, string> = { ...common.en, ...workflow.en, ...records.en, ...report.en, ...section.en, ...admin.en, ...input.en, ...suggestion.en };

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { zh, en };

export type Params = Record<string, string | number>;

/** A message with its "{name}" parameters filled in. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(MESSAGES[locale][key], params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** Whether a key built at run time (an audit action, a status) is in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}


