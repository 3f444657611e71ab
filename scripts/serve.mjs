#!/usr/bin/env node
// The production server: Next's request handler behind Node's own HTTP server, so
// that the address of the socket a request came in on reaches the app. Next puts
// the socket address in X-Forwarded-For only when the client sent none, so a forged
// header would otherwise be taken for the client; here the peer address goes into
// a header of our own, overwritten on every request, and lib/auth/client-ip.ts
// believes X-Forwarded-For only from the proxies listed in TRUSTED_PROXIES.
import { createServer } from "node:http";
import next from "next";

/** lib/auth/client-ip.ts reads it. */
const PEER_HEADER = "x-report-studio-peer";
const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res);
}).listen(port, () => console.log(`[serve] ready on http://localhost:${port}`));
