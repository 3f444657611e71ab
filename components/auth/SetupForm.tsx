"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/ui/useSchemaResolver";
import { signIn } from "next-auth/react";
import { useT } from "@/components/i18n/I18nProvider";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { firstAdminSchema } from "@/lib/users/schemas";
import { setupFirstAdmin } from "@/app/actions/setup";
import { Button, Field, FormError } from "@/components/ui/Field";

type Input = z.infer<typeof firstAdminSchema>;
const FIELDS: { name: keyof Input; type?: string }[] = [
  { name: "officeCode" },
  { name: "officeName" },
  { name: "officeFullName" },
  { name: "headerMark" },
  { name: "docCodePrefix" },
  { name: "username" },
  { name: "displayName" },
  { name: "password", type: "password" },
];

export function SetupForm({ labels, submit }: { labels: Record<keyof Input, string>; submit: string }) {
  const router = useRouter();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, setError: setFieldError, formState } = useForm<Input>({
    resolver: useSchemaResolver(firstAdminSchema),
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await setupFirstAdmin(values);
    if (!result.ok) {
      setError(result.error);
      for (const [k, m] of Object.entries(result.fieldErrors ?? {})) setFieldError(k as keyof Input, { message: m });
      return;
    }
    await signIn("credentials", { username: values.username, password: values.password, redirect: false });
    router.replace("/admin/users");
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      {FIELDS.map(({ name, type }) => (
        <Field key={name} id={name} type={type} label={labels[name]} hint={name === "password" ? t("password.rules") : undefined} error={formState.errors[name]?.message} {...register(name)} />
      ))}
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {submit}
      </Button>
    </form>
  );
}
