#!/usr/bin/env bash
# Install a built Linux bundle with its menu entry, icons and AppStream metadata.
#
#     sudo bash packaging/linux/install.sh [BUNDLE] [PREFIX]    (default: dist/apdesk /usr/local)
#     bash packaging/linux/install.sh dist/apdesk ~/.local      (just for you, no sudo)
#
# The bundle goes to PREFIX/lib/apdesk with a PREFIX/bin/apdesk link. Stores are kept in each
# person's data folder, never under PREFIX, so reinstalling or removing apdesk keeps them.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="${1:-$ROOT/dist/apdesk}"
PREFIX="${2:-/usr/local}"
[ -x "$BUNDLE/apdesk" ] || { echo "install: no bundle at $BUNDLE (build it first)" >&2; exit 2; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin"
rm -rf "$PREFIX/lib/apdesk"
cp -R "$BUNDLE" "$PREFIX/lib/apdesk"
ln -sf "$PREFIX/lib/apdesk/apdesk" "$PREFIX/bin/apdesk"

SHARE="$PREFIX/share"
install -Dm644 "$HERE/io.apdesk.apdesk.desktop" "$SHARE/applications/io.apdesk.apdesk.desktop"
install -Dm644 "$HERE/io.apdesk.apdesk.metainfo.xml" "$SHARE/metainfo/io.apdesk.apdesk.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$ROOT/resources/icons/apdesk-$size.png" \
    "$SHARE/icons/hicolor/${size}x${size}/apps/io.apdesk.apdesk.png"
done
install -Dm644 "$ROOT/resources/icons/apdesk.svg" "$SHARE/icons/hicolor/scalable/apps/io.apdesk.apdesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$SHARE/icons/hicolor" || true
echo "install: apdesk installed under $PREFIX"
