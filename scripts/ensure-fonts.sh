#!/usr/bin/env bash
# The free stand-ins for the official fonts (see docs/export.md, "Fonts"), from Debian's packages:
#   仿宋 → FandolFang, 楷体 → FandolKai, 黑体 → FandolHei  (texlive-lang-chinese, unpacked, not installed)
#   小标宋 → Noto Serif CJK SC Bold, 宋体 → Noto Serif CJK SC  (fonts-noto-cjk)
# An office with licences for 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 sets FONTS_DIR instead.
set -euo pipefail
FANDOL_DIR="${FANDOL_DIR:-/usr/local/share/fonts/report-studio}"
NOTO=/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
need_noto=0; need_fandol=0
[ -f "$NOTO" ] || need_noto=1
[ -f "$FANDOL_DIR/FandolFang-Regular.otf" ] || need_fandol=1
[ "$need_noto$need_fandol" = "00" ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Fonts for PDF export are missing. As root run: bash scripts/ensure-fonts.sh" >&2
  echo "(or put FandolFang/Kai/Hei .otf files in $FANDOL_DIR, or set FONTS_DIR to licensed fonts)" >&2
  exit 1
fi
apt-get update -qq || true
if [ $need_noto = 1 ]; then
  echo "[fonts] installing fonts-noto-cjk"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
fi
if [ $need_fandol = 1 ]; then
  echo "[fonts] unpacking the Fandol fonts from texlive-lang-chinese"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null && dpkg -x texlive-lang-chinese_*.deb x)
  mkdir -p "$FANDOL_DIR"
  cp "$tmp"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf "$FANDOL_DIR"/
  rm -rf "$tmp"
  command -v fc-cache >/dev/null && fc-cache -f "$FANDOL_DIR" >/dev/null || true
fi
ls "$FANDOL_DIR"
