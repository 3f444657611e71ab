// The caller's address, for throttling and the audit record. scripts/serve.mjs
// puts the socket's address in PEER_HEADER (overwriting whatever a client sent);
// X-Forwarded-For is believed only hop by hop from the right, and only while the
// hop that added it is one of TRUSTED_PROXIES (addresses, comma-separated). With
// no proxies configured, the socket's address is the client's, whatever headers say.
import "server-only";
type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export const PEER_HEADER = "x-report-studio-peer";

const normal = (ip: string) => ip.trim().replace(/^::ffff:/, "").slice(0, 64);

function trustedProxies(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set((env.TRUSTED_PROXIES ?? "").split(",").map(normal).filter(Boolean));
}

export function clientIp(headers: HeaderBag, trusted = trustedProxies()): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = (get("x-forwarded-for") ?? "").split(",").map(normal).filter(Boolean);
  const peer = get(PEER_HEADER);
  // Without our server in front (next dev), Next's own X-Forwarded-For is all there is.
  if (peer === undefined) return forwarded.at(-1) ?? "unknown";
  let ip = normal(peer) || "unknown";
  while (trusted.has(ip) && forwarded.length) ip = forwarded.pop()!;
  return ip;
}

/**
 * The host the browser addressed, for the same-origin check: X-Forwarded-Host only
 * when the hop that sent it is one of TRUSTED_PROXIES (anyone else could name any
 * host and pass a forged Origin), else Host. The last entry is the nearest proxy's.
 */
export function requestHost(headers: Headers, trusted = trustedProxies()): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  const peer = headers.get(PEER_HEADER);
  return forwarded && peer !== null && trusted.has(normal(peer)) ? forwarded : headers.get("host");
}
