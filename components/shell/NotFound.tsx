import { getT } from "@/lib/i18n/server";

export async function NotFound() {
  const { t } = await getT();
  return (
    <div className="rounded-lg bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("notFoundText")}</p>
    </div>
  );
}
