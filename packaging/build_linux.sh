#!/usr/bin/env bash
# Build the Linux one-folder bundle: dist/apdesk/apdesk (run it, or `apdesk --smoke` to check it).
#
#     bash packaging/build_linux.sh [PYTHON]      (default: .venv/bin/python)
#
# DIST and WORK choose where the bundle and PyInstaller's work files go (default dist/, build/).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-.venv/bin/python}"
DIST="${DIST:-dist}"
WORK="${WORK:-build/pyinstaller}"

"$PY" -m PyInstaller --version >/dev/null 2>&1 || "$PY" -m pip install --quiet 'pyinstaller>=6.6'
# The compiled catalogs (.mo) are committed beside their .po sources and bundled as they are.
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/apdesk.spec
echo "build: $DIST/apdesk in $(( $(date +%s) - start )) s, $(du -sh "$DIST/apdesk" | cut -f1)"
