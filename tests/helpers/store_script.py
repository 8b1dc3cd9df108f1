"""Run a script on a store in a fresh process, so what it imports is its own, not the suite's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import Store


def last_json_of(script: str, store: Store) -> Any:
    """Lock `store`, run `script` with its folder and passphrase as arguments, offscreen; the
    JSON the script printed last."""
    folder = store.folder
    store.lock()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder), TEST_PASSPHRASE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])
