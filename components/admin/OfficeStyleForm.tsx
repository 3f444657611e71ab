"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/ui/useSchemaResolver";
import { officeStyleSchema, type OfficeStyleInput } from "@/lib/core/offices/schemas";
import { updateOfficeStyleAction } from "@/app/actions/reports";
import { Button, Field, FormError } from "@/components/ui/Field";
import { useT } from "@/components/i18n/I18nProvider";

/** 联合行文, the run-in lead-in's weight and the terms titles keep whole: how this office's reports are set. */
export function OfficeStyleForm({ initial, officeName }: { initial: OfficeStyleInput; officeName: string }) {
  const t = useT();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, control, handleSubmit, formState } = useForm<OfficeStyleInput>({ resolver: useSchemaResolver(officeStyleSchema), defaultValues: initial });
  const issuers = useFieldArray({ control, name: "jointIssuers" });
  const onSubmit = handleSubmit(async (values) => {
    const r = await updateOfficeStyleAction(values);
    setMessage(r.ok ? { ok: true, text: t("saved") } : { ok: false, text: r.error });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("office.style")} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{t("office.style")}</h2>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("office.joint", { office: officeName })}</legend>
        {issuers.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <Field id={`joint-${i}-mark`} label={t("office.jointMark", { n: i + 1 })} error={formState.errors.jointIssuers?.[i]?.mark?.message} {...register(`jointIssuers.${i}.mark`)} />
            <Field id={`joint-${i}-full`} label={t("office.jointFullName", { n: i + 1 })} error={formState.errors.jointIssuers?.[i]?.fullName?.message} {...register(`jointIssuers.${i}.fullName`)} />
            <button type="button" onClick={() => issuers.remove(i)} className="rounded border border-stone-300 px-2 py-2 text-sm">{t("office.jointRemove")}</button>
          </div>
        ))}
        {issuers.fields.length < 3 ? (
          <button type="button" onClick={() => issuers.append({ mark: "", fullName: "" })} className="rounded border border-dashed border-stone-400 px-3 py-1 text-sm">
            {t("office.jointAdd")}
          </button>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("runInBold")} />
        {t("office.runInBold")}
      </label>
      <div>
        <label htmlFor="title-terms" className="block text-sm font-medium text-stone-700">{t("office.titleTerms")}</label>
        <textarea id="title-terms" rows={4} {...register("titleTerms")} aria-describedby={formState.errors.titleTerms ? "title-terms-hint title-terms-error" : "title-terms-hint"}
          aria-invalid={formState.errors.titleTerms ? true : undefined}
          className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-[invalid=true]:border-red-600" />
        <p id="title-terms-hint" className="mt-1 text-xs text-stone-500">{t("office.titleTermsHint")}</p>
        {formState.errors.titleTerms ? <p id="title-terms-error" className="mt-1 text-sm text-red-700">{formState.errors.titleTerms.message}</p> : null}
      </div>
      <FormError message={message && !message.ok ? message.text : null} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>{t("office.saveStyle")}</Button>
        {message?.ok ? <span role="status" className="text-sm text-green-800">{message.text}</span> : null}
      </div>
    </form>
  );
}
