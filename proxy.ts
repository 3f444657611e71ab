// Runs before every page, action and API request:
//  - a strict CSP with a fresh nonce on every page;
//  - state-changing requests from another origin are refused (CSRF);
//  - no session (or an idle one) goes to /login, or 401 for the API;
//  - an active session has its expiry slid forward, which makes
//    SESSION_IDLE_MINUTES an idle timeout rather than a fixed lifetime.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeJwt, encodeJwt } from "@/lib/auth/jwt";
import { authSecret, settings } from "@/lib/config/settings";
import { sessionExpired, shouldRefresh } from "@/lib/auth/session-expiry";
import { contentSecurityPolicy, crossOriginRefusal } from "@/lib/http/security";
import { requestHost } from "@/lib/auth/client-ip";
import { LOCALE_COOKIE, localeOf, translate, type MessageKey } from "@/lib/core/i18n/messages";

/** An API refusal made here, before any route runs: its code, and its words in the reader's language (the lang cookie). */
function apiRefusal(req: NextRequest, code: MessageKey, status: number) {
  return NextResponse.json({ code, error: translate(localeOf(req.cookies.get(LOCALE_COOKIE)?.value), code) }, { status });
}

const PUBLIC_PREFIXES = ["/login", "/setup", "/api/auth/", "/api/health", "/public/"];

function isPublic(pathname: string) {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`) || pathname === p.replace(/\/$/, ""));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const isApi = pathname.startsWith("/api/");

  // next-auth guards its own POSTs with a CSRF token; everything else is checked here.
  if (!pathname.startsWith("/api/auth/")) {
    const refusal = crossOriginRefusal(req.method, req.headers, requestHost(req.headers));
    if (refusal) return apiRefusal(req, refusal, 403);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const next = () => {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
    const res = NextResponse.next({ request: { headers } });
    if (!isApi) res.headers.set("content-security-policy", csp);
    return res;
  };
  if (isPublic(pathname)) return pathname.startsWith("/public/") ? NextResponse.next() : next();

  const secret = authSecret();
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const cookieName = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const token = await getToken({ req, secret, cookieName, secureCookie: secure, decode: decodeJwt });
  const now = Math.floor(Date.now() / 1000);
  const idle = Math.round(settings.sessionIdleMinutes * 60);
  const expired = !!token && sessionExpired(token, now, idle, settings.sessionMaxHours * 3600);

  if (!token || expired) {
    if (isApi) {
      const res = apiRefusal(req, expired ? "error.sessionIdle" : "error.unauthenticated", 401);
      if (expired) res.cookies.delete(cookieName);
      return res;
    }
    const url = new URL("/login", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    if (expired) url.searchParams.set("expired", "1");
    const res = NextResponse.redirect(url);
    if (expired) res.cookies.delete(cookieName);
    return res;
  }

  const res = next();
  if (shouldRefresh(token, now, idle)) {
    const value = await encodeJwt({ token: { ...token, lastSeen: now }, secret, maxAge: idle });
    res.cookies.set(cookieName, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: idle });
  }
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
