import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, localeOf, translate, type Locale, type MessageKey, type Params, type Translate } from "../core/i18n/messages";

export { LOCALE_COOKIE };

export async function getLocale(): Promise<Locale> {
  return localeOf((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getT(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: (key: MessageKey, params?: Params) => translate(locale, key, params) };
}
