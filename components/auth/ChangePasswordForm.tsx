"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
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
  const { register, handleSubmit, setError: setFieldError, formState } = useForm<Input>({ resolver: zodResolver(changeOwnPasswordSchema) });
  const onSubmit = handleSubmit(async (values) => {
    const r = await changeOwnPasswordAction(values);
    if (!r.ok) {
      setError(r.error);
      for (const [k, m] of Object.entries(r.fieldErrors ?? {})) setFieldError(k as keyof Input, { message: m });
      return;
    }
    // Every session, this one included, ended with the change: log in again.
    await signOut({ callbackUrl: "/login?changed=1" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <Field id="current" type="password" autoComplete="current-password" label={t("password.current")} error={formState.errors.current?.message} {...register("current")} />
      <Field id="next" type="password" autoComplete="new-password" label={t("password.next")} hint={t("password.rules")} error={formState.errors.next?.message} {...register("next")} />
      <Button type="submit" disabled={formState.isSubmitting}>{t("password.save")}</Button>
    </form>
  );
}
