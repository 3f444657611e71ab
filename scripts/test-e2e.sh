#!/usr/bin/env bash
# Playwright suite: Debian's Chromium, a production build, a fresh demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1
node scripts/build-if-needed.mjs
npx playwright test "$@"
