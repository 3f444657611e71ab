"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/ui/useSchemaResolver";
import { signIn } from "next-auth/react";
import { loginSchema, safeCallbackPath, type LoginInput } from "@/lib/auth/schemas";
import { Button, Field, FormError } from "@/components/ui/Field";
import { useT } from "@/components/i18n/I18nProvider";

interface Labels {
  username: string;
  password: string;
  loginButton: string;
  loggingIn: string;
}

export function LoginForm({ labels, callbackUrl, notice }: { labels: Labels; callbackUrl?: string; notice?: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(notice ?? null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: useSchemaResolver(loginSchema), defaultValues: { username: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : t("login.failed"));
      return;
    }
    // A full navigation so the server renders with the new session.
    window.location.assign(safeCallbackPath(callbackUrl));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <Field id="username" label={labels.username} autoComplete="username" error={errors.username?.message} {...register("username")} />
      <Field
        id="password"
        type="password"
        label={labels.password}
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? labels.loggingIn : labels.loginButton}
      </Button>
    </form>
  );
}
