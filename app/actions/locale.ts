"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES } from "@/lib/core/i18n/messages";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

const localeSchema = z.enum(LOCALES);

/** Choosing a language needs no session: it only sets a cookie. */
export async function setLocale(formData: FormData) {
  const parsed = localeSchema.safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
