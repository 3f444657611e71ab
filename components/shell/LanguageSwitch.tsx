import { setLocale } from "@/app/actions/locale";
import { getLocale } from "@/lib/i18n/server";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const next = locale === "zh" ? "en" : "zh";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" className="text-sm text-stone-600 underline-offset-2 hover:underline" lang={next === "zh" ? "zh-CN" : "en"}>
        {next === "zh" ? "中文" : "English"}
      </button>
    </form>
  );
}
