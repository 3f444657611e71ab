"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/ui/useSchemaResolver";
import { signOut } from "next-auth/react";
import type { z } from "zod";
import { changeOwnPasswordSchema } from "@/lib/users/schemas";
import { changeOwnPasswordAction } from "@/app/actions/users";
import { Button, Field, FormError } from "@/components/ui/Field";
import { useT } from "@/components/i18n/I18nProvider";

type Input = z.infer<typeof changeOwnPasswordSchema>;

export function ChangePasswordForm() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, setError: setFieldError, formState } = useForm<Input>({ resolver: useSchemaResolver(changeOwnPasswordSchema) });
  // One message for one attempt: a refusal that names a field is shown at the field only, and
  // a new attempt (checked here or by the server) clears what the last one said.
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const r = await changeOwnPasswordAction(values);
    if (!r.ok) {
      const fields = Object.entries(r.fieldErrors ?? {}).filter(([k]) => k === "current" || k === "next");
      for (const [k, m] of fields) setFieldError(k as keyof Input, { message: m });
      if (fields.length === 0) setError(r.error);
      return;
    }
    // Every session, this one included, ended with the change: log in again.
    await signOut({ callbackUrl: "/login?changed=1" });
  }, () => setError(null));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <Field id="current" type="password" autoComplete="current-password" label={t("password.current")} error={formState.errors.current?.message} {...register("current")} />
      <Field id="next" type="password" autoComplete="new-password" label={t("password.next")} hint={t("password.rules")} error={formState.errors.next?.message} {...register("next")} />
      <Button type="submit" disabled={formState.isSubmitting}>{t("password.save")}</Button>
    </form>
  );
}
