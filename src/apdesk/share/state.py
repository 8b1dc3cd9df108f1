"""This laptop's sharing facts, as kept in `sharestate` (secrets included, never audited).

`ShareConfig` is read in one short session and handed to the sync round, which holds no
session while it talks to the hub.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from apdesk.i18n import _
from apdesk.share.crypto import Keyring, keyring_bytes, keyring_from
from apdesk.store import hlc
from apdesk.store.share_rows import state_all, state_set


class NotSharing(Exception):
    """This store does not share its record (yet)."""


@dataclass
class ShareConfig:
    school: str
    device: str
    hub: str
    token: str = field(repr=False)
    device_key: str = field(repr=False)
    keys: Keyring = field(repr=False)
    epoch: int
    name: str
    baseline: str
    pulled: int
    vector: dict[str, int]
    devices: list[dict[str, Any]]
    extra: dict[str, str]

    @property
    def key(self) -> bytes:
        return self.keys[self.epoch]

    def label(self, device: str) -> str:
        for known in self.devices:
            if known.get("id") == device:
                return str(known.get("name") or device[:6])
        return self.name if device == self.device else device[:6]


def is_sharing(conn: Connection) -> bool:
    return bool(state_all(conn).get("school"))


def load(conn: Connection) -> ShareConfig:
    state = state_all(conn)
    if not state.get("school"):
        raise NotSharing(_("This store does not share its record: run `apdesk share start` first."))
    return ShareConfig(
        school=state["school"],
        device=state["device"],
        hub=state.get("hub", ""),
        token=state.get("token", ""),
        device_key=state.get("device_key", ""),
        keys=keyring_from(state["keys"].encode()) if state.get("keys") else {},
        epoch=int(state.get("epoch", "0")),
        name=state.get("name", ""),
        baseline=state.get("baseline", hlc.ZERO + state["device"]),
        pulled=int(state.get("pulled", "0")),
        vector={k: int(v) for k, v in json.loads(state.get("vector", "{}")).items()},
        devices=json.loads(state.get("devices", "[]")),
        extra=state,
    )


def save_keys(conn: Connection, keys: Keyring, epoch: int) -> None:
    state_set(conn, {"keys": keyring_bytes(keys).decode(), "epoch": str(epoch)})


def save_progress(conn: Connection, pulled: int, vector: dict[str, int]) -> None:
    state_set(conn, {"pulled": str(pulled), "vector": json.dumps(vector, sort_keys=True)})


def save(conn: Connection, **values: Any) -> None:
    """Plain facts: strings as they are, anything else as JSON."""
    state_set(
        conn,
        {
            k: (None if v is None else v if isinstance(v, str) else json.dumps(v, sort_keys=True))
            for k, v in values.items()
        },
    )
