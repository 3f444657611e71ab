#!/usr/bin/env bash
# npm test: typecheck, lint, unit tests, integration tests (a fresh SQLite file
# per test file), then the Playwright suite. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n=== %s ===\n' "$1"; }
stage "typecheck"; npx tsc --noEmit
stage "lint (eslint, then the import direction)"; npm run -s lint
stage "unit"; npm run -s test:unit
stage "tools: fonts, LibreOffice and its Python bridge, poppler"; bash scripts/ensure-export-tools.sh
stage "integration (SQLite)"; npm run -s test:integration
stage "export checks (our PDF, and our DOCX through LibreOffice)"; npm run -s test:export
stage "e2e (Playwright, Chromium)"; bash scripts/test-e2e.sh
stage "faults (kill -9 of the production server during autosaves)"; npm run -s test:faults
