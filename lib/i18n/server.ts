import { cookies } from "next/headers";
import { LOCALES, MESSAGES, type Locale, type MessageKey } from "./messages";

export const LOCALE_COOKIE = "lang";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : "zh";
}

export async function getT() {
  const locale = await getLocale();
  return { locale, t: (key: MessageKey) => MESSAGES[locale][key] };
}
