// next-auth 4: username + password, JWT sessions that end after SESSION_IDLE_MINUTES
// without a request (proxy.ts slides the expiry on each request).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { authSecret, settings } from "../config/settings";
import { recordAudit } from "../audit/record";
import { authenticate } from "./authenticate";
import { clientIp } from "./client-ip";
import { loginSchema } from "./schemas";

export function authOptions(): NextAuthOptions {
  const idleSeconds = settings.sessionIdleMinutes * 60;
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: idleSeconds },
    jwt: { maxAge: idleSeconds },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "请输入用户名和密码。");
          const result = await authenticate(getDb(), parsed.data.username, parsed.data.password, clientIp(req?.headers));
          if (!result.ok) throw new Error(result.message);
          return { id: result.user.id, name: result.user.displayName, sv: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
          token.lastSeen = now;
          token.loginAt = now;
        }
        return token;
      },
      async session({ session, token }) {
        session.uid = token.uid as string;
        session.sv = token.sv as number;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.uid) {
          await recordAudit(getDb(), { actorId: token.uid as string, action: "logout", objectType: "user", objectId: token.uid as string });
        }
      },
    },
  };
}
