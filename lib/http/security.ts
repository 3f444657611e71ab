// Request-level defences used by proxy.ts: a strict Content-Security-Policy with
// a fresh nonce per page, and refusal of state-changing requests from other origins.

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React style attributes (positions, indents) are attributes, not code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must come from our own pages: its Origin (or, failing
 * that, Referer) must name this host, and the browser must not call it cross-site.
 */
export function crossOriginRefusal(method: string, headers: Headers, ownHost: string | null): "error.crossOrigin" | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (headers.get("sec-fetch-site") === "cross-site") return "error.crossOrigin";
  const origin = headers.get("origin") ?? headers.get("referer");
  if (!origin) return null; // non-browser clients (CLI, scripts) send neither; the session cookie is SameSite anyway
  try {
    const host = new URL(origin).host;
    return ownHost && host === ownHost ? null : "error.crossOrigin";
  } catch {
    return "error.crossOrigin";
  }
}
