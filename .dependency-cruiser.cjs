// The direction of imports, checked by `npm run lint` (docs/architecture.md explains the two layers).
// Folder-level cycles in lib/ are checked by scripts/lint-folder-cycles.mjs, which uses this file's options.

// Node built-ins that reach the outside world: the pure core must not touch them.
const NODE_IO = [
  "fs", "fs/promises", "child_process", "net", "tls", "dgram", "dns", "http", "https", "http2",
  "worker_threads", "cluster", "os", "process", "readline", "repl", "v8", "vm", "inspector", "module",
];
const nodeIo = `^(node:)?(${NODE_IO.join("|").replaceAll("/", "\\/")})$`;

module.exports = {
  forbidden: [
    {
      name: "core-stays-pure",
      comment:
        "lib/core is the pure layer: it may import only lib/core and npm packages that do no I/O " +
        "(no database client, no next/*, no server-only, no Node I/O). Its tests may read fixtures.",
      severity: "error",
      from: { path: "^lib/core/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^lib/core/", "^node_modules/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "core-no-io-packages",
      comment: "lib/core must not reach the database, Next.js, server-only or Node's I/O modules.",
      severity: "error",
      from: { path: "^lib/core/", pathNot: "\\.test\\.ts$" },
      to: {
        path: [
          nodeIo,
          "^lib/generated/",
          "^node_modules/(next|server-only|@prisma|prisma|better-sqlite3|pg|next-auth|nodemailer)/",
        ],
      },
    },
    {
      name: "lib-not-ui",
      comment: "Services and core never import the pages (app/) or the components (components/).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|node_modules|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types", "react-server"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
