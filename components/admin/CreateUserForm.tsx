"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/ui/useSchemaResolver";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";
import { createUserAction } from "@/app/actions/users";
import { Button, Field, FormError } from "@/components/ui/Field";
import { ROLES } from "@/lib/core/permissions";
import { useT } from "@/components/i18n/I18nProvider";

export function CreateUserForm() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, reset, setError: setFieldError, formState } = useForm<CreateUserInput>({
    resolver: useSchemaResolver(createUserSchema),
    defaultValues: { username: "", displayName: "", password: "", email: "", roles: ["drafter"] },
  });
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setDone(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      setError(result.error);
      for (const [k, m] of Object.entries(result.fieldErrors ?? {})) setFieldError(k as keyof CreateUserInput, { message: m });
      return;
    }
    setDone(t("users.created", { username: values.username }));
    reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormError message={error} />
        {done ? <p role="status" className="text-sm text-green-800">{done}</p> : null}
      </div>
      <Field id="new-username" label={t("username")} error={formState.errors.username?.message} {...register("username")} />
      <Field id="new-displayName" label={t("displayName")} error={formState.errors.displayName?.message} {...register("displayName")} />
      <Field id="new-password" type="password" autoComplete="new-password" label={t("password")} hint={t("password.rules")} error={formState.errors.password?.message} {...register("password")} />
      <Field id="new-email" type="email" label={t("users.email")} error={formState.errors.email?.message} {...register("email")} />
      <fieldset aria-describedby={formState.errors.roles ? "new-roles-error" : undefined}>
        <legend className="text-sm font-medium text-stone-700">{t("roles")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {ROLES.map((r) => (
            <label key={r} className="flex items-center gap-1 text-sm">
              <input type="checkbox" value={r} {...register("roles")} /> {t(`role.${r}`)}
            </label>
          ))}
        </div>
        {formState.errors.roles ? <p id="new-roles-error" className="mt-1 text-sm text-red-700">{formState.errors.roles.message}</p> : null}
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>{t("create")}</Button>
      </div>
    </form>
  );
}
