"""The window is timed on a school laptop's screen, not the offscreen platform's 800 x 800.

On a small screen dialogs shrink to fit and their pages are rescaled as they open; a
laptop's 1366 x 768 is what the budgets are set for, so the offscreen platform is given one.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip


def use() -> None:
    """Run Qt offscreen on a 1366 x 768 screen, unless another platform was chosen."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    folder = Path(tempfile.mkdtemp(prefix="apdesk-screen-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the run's, gone with it
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    config.chmod(0o600)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
