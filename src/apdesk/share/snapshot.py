"""A whole shared record for a laptop that joins: the store itself, as a SQLCipher file.

The sending laptop exports its store into a new SQLCipher file under a one-time random key
(`store.snapshot_db`), takes out what is its own (its sharing facts and keys, its change log,
its audit chain, the LA token) with freed pages overwritten, and uploads the file in chunks,
each sealed with the school's sharing key (AES-256-GCM; the associated data binds the school,
the snapshot, the epoch, the schema, the chunk's place and their number, so the hub can neither
reorder nor cut them). A sealed manifest carries the one-time key, the file's size and SHA-256,
how far each laptop's changes are included (so none applies twice), the baseline stamp and the
clock, and the LA token. The joining laptop downloads and checks the chunks into a 0600 file,
puts its own sharing facts in it, re-keys it under its own data key and takes it as its
database: its passphrase, recovery key and keyring entries stay its own.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from apdesk.i18n import _
from apdesk.share import crypto, wire
from apdesk.share.client import HubClient, HubRefused
from apdesk.share.state import ShareConfig
from apdesk.store import hlc
from apdesk.store.share_rows import UUID4_SQL, registry, state_get

FORMAT = 2
CHUNK_BYTES = 8 * 1024 * 1024
OWN_TABLES = ("sharestate", "sharelog", "auditevent")  # the sending laptop's alone
OWN_SETTINGS = ("la_token",)  # kept in each laptop's keyring (it travels in the manifest)
RawConnection = Any


class SnapshotDamaged(HubRefused):
    """A downloaded snapshot is not the one its manifest describes."""

    def __init__(self, message: str) -> None:
        super().__init__(409, message)


def map_unmapped(conn: Connection) -> int:
    """Global ids for rows written by raw SQL that never got one (a bulk load, say)."""
    added = 0
    for name, info in registry().items():
        result = conn.exec_driver_sql(
            f"INSERT INTO sharerow (gid, tbl, lid, dead) SELECT {UUID4_SQL}, '{name}', "
            f'CAST(t."{info.key}" AS TEXT), 0 FROM "{name}" AS t WHERE NOT EXISTS '
            f"(SELECT 1 FROM sharerow AS s WHERE s.tbl = '{name}' "
            f'AND s.lid = CAST(t."{info.key}" AS TEXT)) ORDER BY 1'
        )  # in global-id order: the key's index grows at its end
        added += int(result.rowcount or 0)
    return added


def own_last_seq(conn: Connection) -> int:
    from sqlmodel import SQLModel

    log = SQLModel.metadata.tables["sharelog"]
    logged = conn.execute(select(func.max(log.c.seq))).scalar() or 0
    pushed = int(state_get(conn, "pushed_seq").get("pushed_seq", "0"))
    return max(int(logged), pushed)


# -- the sending laptop ------------------------------------------------------------------------
def tidy(conn: RawConnection) -> dict[str, Any]:
    """On the exported copy: read how far it goes, then take out this laptop's own rows."""
    state = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM sharestate")}
    logged = conn.execute("SELECT max(seq) FROM sharelog").fetchone()[0] or 0
    vector = {k: int(v) for k, v in json.loads(state.get("vector", "{}")).items()}
    vector[state["device"]] = max(int(logged), int(state.get("pushed_seq", "0")))
    meta = {
        "school": state["school"],
        "baseline": state.get("baseline", hlc.ZERO + state["device"]),
        "vector": vector,
        "pulled": int(state.get("pulled", "0")),
        "clock": state.get("clock", hlc.ZERO),
    }
    conn.execute("BEGIN IMMEDIATE")
    for table in OWN_TABLES:
        conn.execute(f'DELETE FROM "{table}"')
    names = ", ".join(f"'{t}'" for t in OWN_TABLES)
    conn.execute(f"DELETE FROM sqlite_sequence WHERE name IN ({names})")
    marks = ", ".join("?" for _ in OWN_SETTINGS)
    conn.execute(f"DELETE FROM setting WHERE key IN ({marks})", OWN_SETTINGS)
    conn.execute("COMMIT")
    return meta


def _chunk_aad(
    cfg: ShareConfig, snap: str, epoch: int, schema: str, index: int, count: int
) -> bytes:
    return crypto.aad("snapshot-chunk", cfg.school, snap, epoch, schema, index, count)


def upload(
    hub: HubClient, cfg: ShareConfig, schema: str, path: Path, key: bytes,
    meta: dict[str, Any], secret: dict[str, str],
) -> None:  # fmt: skip
    """The file in sealed chunks, then the sealed manifest that makes it the school's snapshot."""
    snap = secrets.token_hex(16)
    size = path.stat().st_size
    count = max(1, -(-size // CHUNK_BYTES))
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for index in range(count):
            chunk = source.read(CHUNK_BYTES)
            digest.update(chunk)
            associated = _chunk_aad(cfg, snap, cfg.epoch, schema, index, count)
            hub.put_snapshot_chunk(snap, index, crypto.seal(cfg.key, chunk, associated))
    manifest = {
        "format": FORMAT, "id": snap, "chunks": count, "size": size,
        "sha256": digest.hexdigest(), "key": key.hex(), "meta": meta, "secrets": secret,
    }  # fmt: skip
    associated = crypto.aad("snapshot", cfg.school, cfg.epoch, schema)
    body = wire.seal_blob(cfg.key, associated, manifest)
    hub.put_snapshot(int(meta["pulled"]), cfg.epoch, schema, body, snap, count)


# -- the joining laptop ------------------------------------------------------------------------
@dataclass(frozen=True)
class Manifest:
    seq: int
    epoch: int
    schema: str
    data: dict[str, Any]

    @property
    def key(self) -> bytes:
        return bytes.fromhex(str(self.data["key"]))


def read_manifest(hub: HubClient, cfg: ShareConfig) -> Manifest:
    snap = hub.get_snapshot()
    key = cfg.keys.get(snap.epoch)
    if key is None:
        raise HubRefused(409, _("the snapshot is sealed with a key this laptop lacks: enrol again"))
    data = wire.open_blob(
        key, crypto.aad("snapshot", cfg.school, snap.epoch, snap.schema), snap.body
    )
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HubRefused(
            409, _("the school's snapshot was made by another version of apdesk: update apdesk")
        )
    return Manifest(snap.seq, snap.epoch, snap.schema, data)


def download(hub: HubClient, cfg: ShareConfig, manifest: Manifest, path: Path) -> None:
    """Every chunk opened and checked, written to `path` (still encrypted by SQLCipher)."""
    data = manifest.data
    snap, count = str(data["id"]), int(data["chunks"])
    key = cfg.keys[manifest.epoch]
    digest = hashlib.sha256()
    size = 0
    with open(path, "wb") as out:
        for index in range(count):
            associated = _chunk_aad(cfg, snap, manifest.epoch, manifest.schema, index, count)
            chunk = crypto.open_sealed(key, hub.get_snapshot_chunk(snap, index), associated)
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
    if size != int(data["size"]) or digest.hexdigest() != data["sha256"]:
        raise SnapshotDamaged(_("the school's snapshot arrived damaged: sync again"))


def fill(
    conn: RawConnection, own: dict[str, str], audit: list[dict[str, Any]], manifest: Manifest
) -> None:
    """This laptop's own state in the downloaded copy: its sharing facts (device id, token,
    keys) with the snapshot's progress, an empty change log, its own audit rows."""
    meta = manifest.data["meta"]
    state = {k: v for k, v in own.items() if k not in ("needs_snapshot", "pushed_seq")}
    state.update(
        baseline=str(meta["baseline"]),
        clock=max(own.get("clock", hlc.ZERO), str(meta.get("clock", hlc.ZERO))),
        pulled=str(manifest.seq),
        vector=json.dumps({k: int(v) for k, v in meta["vector"].items()}, sort_keys=True),
    )
    conn.execute("BEGIN IMMEDIATE")
    for table in OWN_TABLES:
        conn.execute(f'DELETE FROM "{table}"')
    conn.executemany("INSERT INTO sharestate (key, value) VALUES (?, ?)", list(state.items()))
    if audit:
        columns = [str(r[1]) for r in conn.execute('PRAGMA table_info("auditevent")')]
        names = [c for c in audit[0] if c in columns]
        quoted = ", ".join(f'"{c}"' for c in names)
        conn.executemany(
            f"INSERT INTO auditevent ({quoted}) VALUES ({', '.join('?' for _ in names)})",
            [[row[c] for c in names] for row in audit],
        )
    conn.execute("COMMIT")
