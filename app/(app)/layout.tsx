import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { AppShell } from "@/components/shell/AppShell";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return <AppShell actor={actor}>{children}</AppShell>;
}
