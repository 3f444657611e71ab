import type { Metadata } from "next";
import "./globals.css";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: "年度报告编审系统 · Report Studio",
  description: "法治政府建设年度报告编审",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>{children}</body>
    </html>
  );
}
