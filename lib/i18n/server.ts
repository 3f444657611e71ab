import "server-only";
import { cookies } from "next/headers";
import { LOCALES, translate, type Locale, type MessageKey, type Params, type Translate } from "../core/i18n/messages";

export const LOCALE_COOKIE = "lang";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : "zh";
}

export async function getT(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: (key: MessageKey, params?: Params) => translate(locale, key, params) };
}
