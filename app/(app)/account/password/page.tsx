import { pageActor } from "@/lib/auth/page";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";

export default async function ChangePasswordPage() {
  const actor = await pageActor({ passwordPage: true });
  return (
    <section aria-labelledby="pw-title" className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 id="pw-title" className="text-xl font-semibold">修改密码</h1>
      {actor.mustChangePassword ? (
        <p role="status" className="mt-2 text-sm text-amber-800">您的密码是管理员设置的初始密码，请先设置自己的密码。</p>
      ) : null}
      <p className="mt-2 text-sm text-stone-600">至少 10 个字符，不能与用户名相同或包含用户名，不能是常见弱密码。修改后请用新密码重新登录。</p>
      <div className="mt-4">
        <ChangePasswordForm />
      </div>
    </section>
  );
}
