import type { Metadata } from "next";
import "./globals.css";
import { getLocale, getT } from "@/lib/i18n/server";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { I18nProvider } from "@/components/i18n/I18nProvider";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("meta.appTitle"), description: t("meta.appDescription") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <I18nProvider locale={locale} messages={MESSAGES[locale]}>{children}</I18nProvider>
      </body>
    </html>
  );
}
