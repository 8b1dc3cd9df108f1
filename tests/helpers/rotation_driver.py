"""Run `apdesk rotate-key` in this process and SIGKILL it at a chosen step of the rotation.

    python rotation_driver.py STORE KEYRING_FILE RECOVERY_LOG STEP

The kill is real (SIGKILL to this very process); only the moment is chosen, by wrapping the
rotation's own steps. Each recovery key the rotation makes is appended to RECOVERY_LOG as it is
made, so the test knows it even when the process dies before printing it. The OS keyring is a
file (FileKeyring), shared with the test that checks the keyring slot afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

STEPS = (
    "after-backup",  # the verified backup is written; nothing else
    "after-bridge-saved",  # the header holds the bridge; the database still has the old key
    "after-rekey",  # the database has the new key; the header still the old slots and bridge
    "after-new-slots-saved",  # new slots for every way in are saved; old backups not retired
    "while-retiring",  # one backup retired, others not
    "after-retiring",  # every backup retired; the sealed old key not yet dropped
    "done",  # no kill
    "timer",  # no kill from here: the test kills the process after a delay
)


class FileKeyring(KeyringBackend):
    """A keyring kept in a JSON file, so two processes share it as they would the OS's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = Path(path)

    def _all(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._all()
        data[f"{service}|{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._all()
        data.pop(f"{service}|{username}", None)
        self.path.write_text(json.dumps(data))


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def after(module: Any, name: str, when: int = 1) -> None:
    """Kill right after the `when`-th call of module.name returns."""
    original = getattr(module, name)
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        result = original(*args, **kwargs)
        calls += 1
        if calls == when:
            die()
        return result

    setattr(module, name, wrapper)


def main() -> int:
    store, keyring_file, recovery_log, step = sys.argv[1:5]
    assert step in STEPS, step
    keyring.set_keyring(FileKeyring(keyring_file))

    from apdesk.store import retire, rotation
    from apdesk.store.header import KeyHeader
    from apdesk.store.store import Store

    made = KeyHeader.set_recovery

    def recording(self: KeyHeader, data_key: bytes) -> str:
        key = made(self, data_key)
        with open(recovery_log, "a") as log:
            log.write(key + "\n")
            log.flush()
            os.fsync(log.fileno())
        return key

    KeyHeader.set_recovery = recording  # type: ignore[method-assign]
    if step == "after-backup":
        after(Store, "backup")
    elif step == "after-bridge-saved":
        after(rotation, "save_header", 1)
    elif step == "after-rekey":
        after(rotation, "rekey_database")
    elif step == "after-new-slots-saved":
        after(rotation, "save_header", 2)
    elif step == "while-retiring":
        after(retire, "_retire_pair", 1)
    elif step == "after-retiring":
        after(retire, "retire_backups")

    from apdesk.cli import main as apdesk

    return apdesk(["rotate-key", "--store", store])


if __name__ == "__main__":
    raise SystemExit(main())
