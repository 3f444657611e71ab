// The caller's address for throttling and the audit record. Next's server puts
// the socket address in x-forwarded-for when no proxy set it; behind a proxy
// the rightmost entry is the one our proxy added.
type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientIp(headers: HeaderBag): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last || get("x-real-ip") || "unknown").replace(/^::ffff:/, "").slice(0, 64);
}
