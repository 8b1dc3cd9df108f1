#!/usr/bin/env bash
# Build apdesk.app with PyInstaller and wrap it in a compressed disk image (macOS only).
#
#     bash packaging/macos/build_dmg.sh [PYTHON]       (default: .venv/bin/python)
#
# Output: dist/apdesk.app and dist/apdesk-<version>.dmg. To sign and notarise, set
# CODESIGN_IDENTITY (a "Developer ID Application" identity in the keychain) and NOTARY_PROFILE
# (a profile stored with `xcrun notarytool store-credentials`); without them the image is
# unsigned, and Gatekeeper asks people to right-click > Open the first time.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build_dmg: run this on macOS" >&2; exit 2; }
PY="${1:-.venv/bin/python}"
VERSION="$("$PY" -c 'import apdesk; print(apdesk.__version__)')"

"$PY" -m PyInstaller --version >/dev/null 2>&1 || "$PY" -m pip install --quiet 'pyinstaller>=6.6'
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/apdesk.spec

APP=dist/apdesk.app
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi
"$APP/Contents/MacOS/apdesk" --smoke

STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/apdesk-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname apdesk -srcfolder "$STAGE" -ov -format UDZO "$DMG"
rm -rf "$STAGE"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
  fi
fi
echo "build_dmg: $DMG"
