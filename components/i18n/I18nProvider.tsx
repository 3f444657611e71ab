"use client";

// The catalogue of the visitor's language, for client components: useT() reads it.
import { createContext, useContext, useMemo } from "react";
import { format, type Locale, type MessageKey, type Params, type Translate } from "@/lib/core/i18n/messages";

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Record<MessageKey, string>; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: (key: MessageKey, params?: Params) => format(messages[key], params) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useT outside I18nProvider");
  return ctx.t;
}

export function useLocale(): Locale {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useLocale outside I18nProvider");
  return ctx.locale;
}
