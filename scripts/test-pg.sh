#!/usr/bin/env bash
# npm run test:pg: the integration suite on PostgreSQL. Each test file creates
# its own database on the server at TEST_DATABASE_URL and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
node -e "
const pg = require('pg');
const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
c.connect().then(() => c.end()).catch((e) => { console.error('PostgreSQL is not answering at ' + process.env.TEST_DATABASE_URL + ': ' + e.message); process.exit(1); });
"
npm run -s test:integration
# The database going away under a running production server.
node scripts/build-if-needed.mjs
node scripts/run-tests.mjs tests/faults-pg
