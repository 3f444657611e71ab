import { setLocale } from "@/app/actions/locale";
import { getT } from "@/lib/i18n/server";

/** The switch names the other language in that language ("English" on a Chinese page, "中文" on an English one). */
export async function LanguageSwitch() {
  const { locale, t } = await getT();
  const next = locale === "zh" ? "en" : "zh";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" className="text-sm text-stone-600 underline-offset-2 hover:underline" lang={next === "zh" ? "zh-CN" : "en"}>
        {t("language")}
      </button>
    </form>
  );
}
