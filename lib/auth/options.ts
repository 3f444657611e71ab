// next-auth 4: username + password, JWT sessions that end after SESSION_IDLE_MINUTES
// without a request (proxy.ts slides the expiry on each request).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { authSecret, settings } from "../config/settings";
import { recordAudit } from "../audit/record";
import { logIn } from "./authenticate";
import { clientIp } from "./client-ip";
import { revokeSession } from "./session-store";
import { decodeJwt, encodeJwt } from "./jwt";
import { LOCALE_COOKIE, localeOf, type Locale } from "../core/i18n/messages";

/** The reader's language (the lang cookie) of a login request, for the form's message. */
function readerLocaleOf(headers: Record<string, unknown> | undefined): Locale {
  const cookie = String(headers?.cookie ?? "");
  return localeOf(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie)?.[1]);
}

export function authOptions(): NextAuthOptions {
  const idleSeconds = settings.sessionIdleMinutes * 60;
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: idleSeconds },
    jwt: { maxAge: idleSeconds, encode: encodeJwt, decode: decodeJwt },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
        authorize: (credentials, req) => logIn(getDb(), credentials, clientIp(req?.headers), readerLocaleOf(req?.headers)),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          token.uid = user.id;
          token.sid = (user as { sid?: string }).sid;
          token.lastSeen = now;
          token.loginAt = now;
        }
        return token;
      },
      // Only what the server reads: names and roles come from the database on every request
      // (lib/auth/session-store.ts), so /api/auth/session shows no one's name, for a revoked cookie least of all.
      async session({ session, token }) {
        return { expires: session.expires, uid: token.uid as string, sid: token.sid as string };
      },
    },
    events: {
      // Logout ends this session on the server: a copy of the cookie is worth nothing afterwards.
      async signOut({ token }) {
        if (token?.sid) await revokeSession(getDb(), token.sid);
        if (token?.uid) {
          await recordAudit(getDb(), { actorId: token.uid as string, action: "logout", objectType: "user", objectId: token.uid as string });
        }
      },
    },
  };
}
