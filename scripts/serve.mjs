#!/usr/bin/env node
// The production server: one app process per core (Node's cluster module; the
// workers share the port), each with Next's request handler behind Node's own HTTP
// server, so that the address of the socket a request came in on reaches the app.
// The app keeps no state of its own between requests (sessions, throttles, the
// audit chain's lock are in the database), so any worker may take any request; one
// busy rendering a page no longer holds up a save. WEB_CONCURRENCY sets the number
// of workers (1 serves from this process alone).
//
// Next puts the socket address in X-Forwarded-For only when the client sent none, so
// a forged header would otherwise be taken for the client; here the peer address
// goes into a header of our own, overwritten on every request, and
// lib/auth/client-ip.ts believes X-Forwarded-For only from the proxies listed in
// TRUSTED_PROXIES. X-Forwarded-Host from anyone else is dropped here, so that Next's
// own server-action origin check (which reads it) never sees a forged one either.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createServer } from "node:http";
import { appendFileSync } from "node:fs";
import next from "next";

/** lib/auth/client-ip.ts reads it. */
const PEER_HEADER = "x-report-studio-peer";
const port = Number(process.env.PORT || 3000);
const normal = (ip) => ip.trim().replace(/^::ffff:/, "");
const trusted = new Set((process.env.TRUSTED_PROXIES ?? "").split(",").map(normal).filter(Boolean));
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || availableParallelism());

// The bench's measure of server time: each request's time from arrival to its last
// byte handed to the socket, one line per request (SERVE_TIMING_FILE, off by default).
const timingFile = process.env.SERVE_TIMING_FILE;
function logTime(req, res) {
  const t0 = performance.now();
  res.on("finish", () => appendFileSync(timingFile, `${req.method} ${req.url} ${res.statusCode} ${(performance.now() - t0).toFixed(2)}\n`));
}

async function serve() {
  const app = next({ dev: false, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  await new Promise((resolve) =>
    createServer((req, res) => {
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
      if (!trusted.has(normal(req.socket.remoteAddress ?? ""))) delete req.headers["x-forwarded-host"];
      if (timingFile) logTime(req, res);
      handle(req, res);
    }).listen(port, resolve),
  );
}

if (workers === 1) {
  // Leave through exit() on a signal, so that exit hooks (e.g. --cpu-prof) run.
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
  await serve();
  console.log(`[serve] ready on http://localhost:${port}`);
} else if (cluster.isPrimary) {
  let ready = 0;
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (m) => {
      if (m === "ready" && ++ready === workers) console.log(`[serve] ready on http://localhost:${port} (${workers} processes)`);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  // A worker that dies is replaced; the others keep serving meanwhile.
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`[serve] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      process.exit(0);
    });
  }
} else {
  // A worker whose primary is gone (killed outright) leaves too, instead of holding the port.
  process.on("disconnect", () => process.exit(0));
  await serve();
  process.send?.("ready");
}
