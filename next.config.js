// @ts-check
/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "@prisma/schema-engine-wasm"],
  // A report's text (up to 600,000 characters, 3 bytes each in UTF-8) fits in one action;
  // Word files go through /api/imports/preview, which streams them against their own 10 MB limit.
  // proxy.ts makes Next buffer each body for it, and past this size Next passes on only the
  // first bytes, silently. One byte over the largest upload we take (MAX_UPLOAD_BYTES, 10 MB) means
  // a longer body always arrives longer than the limit and is refused, never read cut short.
  experimental: { serverActions: { bodySizeLimit: "2mb" }, proxyClientMaxBodySize: 10 * 1024 * 1024 + 1 },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The public page as it will be published, framed by the 公开 confirmation page.
      { source: "/api/reports/:id/public-preview", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};

module.exports = nextConfig;
