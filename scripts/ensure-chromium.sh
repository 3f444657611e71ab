#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download is not reachable here).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[e2e] installing Debian's chromium (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-liberation fonts-noto-cjk >/dev/null
  exit 0
fi
echo "Chromium is missing at $CHROMIUM. Install it as root with:" >&2
echo "  apt-get update && apt-get install --no-install-recommends chromium fonts-liberation fonts-noto-cjk" >&2
echo "or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
