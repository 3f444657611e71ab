"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { passwordSchema } from "@/lib/users/schemas";
import { resetPasswordAction, setActiveAction, setRolesAction } from "@/app/actions/users";
import { ROLES, type Role } from "@/lib/core/permissions";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { issueMessage } from "@/lib/core/validation";

interface Props {
  user: { id: string; username: string; displayName: string; active: boolean; roles: Role[] };
  self: boolean;
}

export function UserRow({ user, self }: Props) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const show = (r: { ok: boolean; error?: string }) => {
    setMessage(r.ok ? { ok: true, text: t("saved") } : { ok: false, text: r.error ?? "" });
    if (r.ok) router.refresh();
  };
  /** Runs an action; the last one's message goes first, so "已保存" is always this one's. */
  const act = (fn: () => Promise<{ ok: boolean; error?: string }>) => {
    setMessage(null);
    start(async () => show(await fn()));
  };
  const idp = `user-${user.username}`;
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm" aria-label={user.username}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <span className="font-medium">{user.displayName}</span>
        <span className="text-sm text-stone-500">{user.username}</span>
        <span className={`text-xs ${user.active ? "text-green-700" : "text-stone-500"}`}>{user.active ? t("activeYes") : t("activeNo")}</span>
        {message ? (
          <span role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
            {message.text}
          </span>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-6">
        <fieldset>
          <legend className="text-xs text-stone-500">{t("roles")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {ROLES.map((r) => (
              <label key={r} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                />
                {t(`role.${r}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="button" disabled={pending} className="rounded border border-stone-300 px-3 py-1 text-sm hover:bg-stone-50"
          onClick={() => act(() => setRolesAction({ userId: user.id, roles }))}>
          {t("saveRoles")}
        </button>
        <div className="flex items-end gap-2">
          <label className="text-xs text-stone-500" htmlFor={`${idp}-pw`}>
            {t("newPassword")}
            <input id={`${idp}-pw`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
              className="mt-1 block rounded border border-stone-300 px-2 py-1 text-sm text-stone-900" />
          </label>
          <button type="button" disabled={pending} className="rounded border border-stone-300 px-3 py-1 text-sm hover:bg-stone-50"
            onClick={() => {
              const check = passwordSchema.safeParse(password);
              if (!check.success) return setMessage({ ok: false, text: issueMessage(check.error.issues[0], locale) });
              act(async () => {
                const r = await resetPasswordAction({ userId: user.id, password });
                if (r.ok) setPassword("");
                return r;
              });
            }}>
            {t("resetPassword")}
          </button>
        </div>
        {self ? null : (
          <button type="button" disabled={pending} className="rounded border border-stone-300 px-3 py-1 text-sm hover:bg-stone-50"
            onClick={() => act(() => setActiveAction({ userId: user.id, active: !user.active }))}>
            {user.active ? t("deactivate") : t("activate")}
          </button>
        )}
      </div>
    </li>
  );
}
