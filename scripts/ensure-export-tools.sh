#!/usr/bin/env bash
# What the export checks need: the fonts, LibreOffice (DOCX → PDF, as a stand-in
# for Word/WPS), its Python bridge (python3-uno: scripts/lo-revisions.py reads the
# 修订稿's revisions and comments) and poppler-utils (pdftotext, pdftoppm). From Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-fonts.sh
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# Debian's own Python, which python3-uno installs into (a python3 earlier on PATH may be another).
/usr/bin/python3 -c "import uno" 2>/dev/null || missing+=(python3-uno)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[export] installing ${missing[*]}"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing ${missing[*]}. As root run: apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
