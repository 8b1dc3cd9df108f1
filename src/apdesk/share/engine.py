"""One sync round: hello, keys, the schema gate, push, pull and merge, maybe a fresh snapshot.

Network I/O happens outside any transaction; each database step is its own short transaction
(`Store.run` for what pages must see, so their change sets reach the window). A crash or a
SIGKILL at any point loses nothing: a pushed batch is marked pushed only after the hub has it
(the hub answers a repeat with the number it gave before), and a pulled batch is merged in the
same transaction that moves the pull cursor, so it is merged exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import Session, SQLModel

from apdesk.i18n import N_, _
from apdesk.share import crypto, snapshot, wire
from apdesk.share import state as share_state
from apdesk.share.client import HubClient, HubRefused, HubUnreachable
from apdesk.share.merge import Merger
from apdesk.store import Store, hlc
from apdesk.store.changelog import SKIP
from apdesk.store.changes import NO_CHANGES, Changes
from apdesk.store.operations import operation
from apdesk.store.share_rows import registry, state_all, state_get, state_set

IN_STEP, HELD, OFFLINE, REVOKED, FAILED = "in-step", "held", "offline", "revoked", "failed"
STATE_WORDS = {
    IN_STEP: N_("Shared: in step"),
    OFFLINE: N_("Shared: hub not reachable"),
    HELD: N_("Shared: changes held"),
    REVOKED: N_("Shared: this laptop was removed"),
    FAILED: N_("Shared: sync failed"),
}
PUSH_BYTES = 4 * 1024 * 1024
MERGE_CHANGES = 20_000  # changes merged per transaction at most (one big batch stands alone)
SNAPSHOT_EVERY = 2_000  # batches since the last snapshot before a laptop uploads a fresh one


@dataclass
class SyncReport:
    state: str
    message: str = ""
    pushed: int = 0  # transactions sent
    pulled: int = 0  # transactions merged
    conflicts: int = 0  # conflicts opened by this round
    must_update: list[str] = field(default_factory=list)
    changes: Changes = NO_CHANGES

    @property
    def exit_code(self) -> int:
        return {IN_STEP: 0, OFFLINE: 3, HELD: 4, REVOKED: 5}.get(self.state, 1)


def state_words(state: str) -> str:
    """A round's outcome as the status bar and `apdesk share sync` say it, never its code."""
    return _(STATE_WORDS[state]) if state in STATE_WORDS else _("Shared")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- reading and writing this laptop's side ----------------------------------------------------
def read_config(store: Store) -> share_state.ShareConfig:
    return store.read(lambda s: share_state.load(s.connection()))


def unpushed(session: Session) -> list[wire.LogTxn]:
    log = SQLModel.metadata.tables["sharelog"]
    rows = session.connection().execute(
        select(log.c.seq, log.c.txn, log.c.body).where(log.c.pushed.is_(False)).order_by(log.c.seq)
    )
    txns: dict[str, wire.LogTxn] = {}
    for seq, txn, body in rows:
        found = txns.get(txn)
        if found is None:
            txns[txn] = wire.LogTxn(txn, int(seq), [str(body)])
        else:
            found.bodies.append(str(body))
            txns[txn] = wire.LogTxn(txn, int(seq), found.bodies)
    return sorted(txns.values(), key=lambda t: t.last_seq)


@operation
def mark_pushed(session: Session, txns: list[str], last_seq: int) -> None:
    """The hub has these: their log rows go (the hub keeps the sealed copy)."""
    conn = session.connection()
    log = SQLModel.metadata.tables["sharelog"]
    conn.execute(delete(log).where(log.c.txn.in_(txns), log.c.seq <= last_seq))
    done = int(state_get(conn, "pushed_seq").get("pushed_seq", "0"))
    state_set(conn, {"pushed_seq": str(max(done, last_seq))})


@dataclass(frozen=True)
class Merged:
    batches: int
    conflicts: int


@operation
def merge_batches(
    session: Session, batches: list[dict[str, Any]], pulled_to: int, labels: dict[str, str]
) -> Merged:
    """Merge opened batches in hub order and move the cursor, in one transaction."""
    session.info[SKIP] = True
    conn = session.connection()
    cfg = share_state.load(conn)
    vector = dict(cfg.vector)
    clock = state_get(conn, "clock").get("clock", hlc.ZERO)
    merged = conflicts = 0
    for plain in batches:
        device = str(plain["device"])
        number = int(plain["n"])
        if device == cfg.device or number <= vector.get(device, 0):
            continue  # ours, or already merged (a snapshot held it)
        for part in plain["parts"]:
            source = f"{part.get('a') or 'someone'} on {labels.get(device, device[:6])}"
            merger = Merger(session, cfg.baseline, source)
            for change in part["c"]:
                merger.apply(change)
                clock = hlc.observe(clock, str(change.get("s", "")))
            conflicts += merger.finish().conflicts
        vector[device] = number
        merged += 1
    state_set(conn, {"clock": clock})
    share_state.save_progress(conn, pulled_to, vector)
    return Merged(merged, conflicts)


@operation
def save_hello(
    session: Session, keys: dict[int, bytes], epoch: int, devices: list[dict[str, Any]]
) -> None:
    conn = session.connection()
    share_state.save_keys(conn, keys, epoch)
    share_state.save(conn, devices=devices)


@operation
def save_outcome(session: Session, state: str, message: str, must_update: list[str]) -> None:
    values: dict[str, Any] = {
        "last_state": state,
        "last_message": message,
        "must_update": must_update,
    }
    if state == IN_STEP:
        values["last_sync"] = _now()
    share_state.save(session.connection(), **values)


# -- the round ---------------------------------------------------------------------------------
def _devices(
    cfg: share_state.ShareConfig, keys: dict[int, bytes], hello: dict[str, Any]
) -> list[dict[str, Any]]:
    out = []
    for item in hello.get("devices", []):
        card: dict[str, Any] = {}
        epoch = int(item.get("card_epoch", 0))
        if epoch in keys:
            try:
                card = wire.open_blob(
                    keys[epoch], crypto.aad("card", cfg.school, item["id"], epoch),
                    crypto.unb64_bytes(item["card"]),
                )  # fmt: skip
            except crypto.ShareCryptoError:
                card = {}
        out.append(
            {
                "id": item["id"], "name": str(card.get("name") or item["id"][:6]),
                "public": str(card.get("public", "")), "schema": item.get("schema", ""),
                "last_seen": item.get("last_seen"), "pulled_seq": item.get("pulled_seq", 0),
                "revoked": bool(item.get("revoked")), "created_at": item.get("created_at"),
            }
        )  # fmt: skip
    return out


def _gate(cfg: share_state.ShareConfig, devices: list[dict[str, Any]], schema: str) -> list[str]:
    """The laptops that must update apdesk before changes can flow (empty: none)."""
    active = [d for d in devices if not d["revoked"] and d["schema"]]
    schemas = {d["schema"] for d in active} | {schema}
    if len(schemas) <= 1:
        return []
    newest = max(schemas)
    return [d["name"] if d["id"] != cfg.device
            else _("{name} (this laptop)").format(name=d["name"])
            for d in active if d["schema"] != newest]  # fmt: skip


def sync_once(
    store: Store, *, client: HubClient | None = None, schema: str | None = None
) -> SyncReport:
    """One round; never raises for the network or the hub (the report says what happened)."""
    cfg = read_config(store)
    schema = schema or store.schema_version() or ""
    hub = client or HubClient(cfg.hub, cfg.school, cfg.token)
    changes = NO_CHANGES
    try:
        if cfg.extra.get("needs_snapshot"):
            changes = changes.merge(fetch_snapshot(store, hub))
            cfg = read_config(store)
        report = _round(store, hub, cfg, schema)
        report.changes = changes.merge(report.changes)
    except HubUnreachable as exc:
        report = SyncReport(OFFLINE, str(exc))
    except HubRefused as exc:
        state = REVOKED if exc.status == 403 else FAILED
        report = SyncReport(state, str(exc))
    finally:
        if client is None:
            hub.close()
    store.run(save_outcome, report.state, report.message, report.must_update)
    return report


def _round(store: Store, hub: HubClient, cfg: share_state.ShareConfig, schema: str) -> SyncReport:
    hello = hub.hello(schema, cfg.pulled)
    keys = dict(cfg.keys)
    private = crypto.private_from_hex(cfg.device_key)
    for epoch_text, blob in hello.get("keys", {}).items():
        epoch = int(epoch_text)
        if epoch not in keys:
            associated = crypto.aad("keys", cfg.school, cfg.device, epoch)
            keys.update(crypto.unwrap_for_device(private, crypto.unb64_bytes(blob), associated))
    epoch = int(hello.get("epoch", 0))
    devices = _devices(cfg, keys, hello)
    store.run(save_hello, keys, max(e for e in keys if e <= epoch) if keys else 0, devices)
    if epoch not in keys:
        return SyncReport(HELD, _("waiting for the school's new sharing key from another laptop"))
    cfg.keys, cfg.epoch, cfg.devices = keys, epoch, devices
    must_update = _gate(cfg, devices, schema)
    if must_update:
        message = _(
            "changes are held until every laptop runs the same apdesk: update {laptops}"
        ).format(laptops=", ".join(must_update))
        return SyncReport(HELD, message, must_update=must_update)
    pushed = push(store, hub, cfg, schema)
    pulled, conflicts, changes = pull(store, hub, cfg)
    snap_seq = hello.get("snapshot_seq")
    if snap_seq is None or int(hello.get("last_seq", 0)) - int(snap_seq) > SNAPSHOT_EVERY:
        upload_snapshot(store, hub)
    return SyncReport(IN_STEP, "", pushed, pulled, conflicts, changes=changes)


def push(store: Store, hub: HubClient, cfg: share_state.ShareConfig, schema: str) -> int:
    txns = store.read(unpushed)
    sent = 0
    start = 0
    while start < len(txns):
        size, end = 0, start
        while end < len(txns) and (end == start or size < PUSH_BYTES):
            size += sum(len(b) for b in txns[end].bodies)
            end += 1
        group = txns[start:end]
        sealed = [
            wire.seal_batch(cfg.key, cfg.epoch, cfg.school, cfg.device, schema, t) for t in group
        ]
        hub.push(sealed)
        store.run(mark_pushed, [t.txn for t in group], group[-1].last_seq)
        sent += len(group)
        start = end
    return sent


def pull(store: Store, hub: HubClient, cfg: share_state.ShareConfig) -> tuple[int, int, Changes]:
    labels = {d["id"]: d["name"] for d in cfg.devices}
    cursor = cfg.pulled
    merged = conflicts = 0
    changes = NO_CHANGES
    while True:
        items, last = hub.pull(cursor)
        if not items:
            break
        group: list[dict[str, Any]] = []
        size = 0
        for item in items:
            plain = wire.open_batch(cfg.keys, cfg.school, item)
            count = sum(len(p["c"]) for p in plain["parts"])
            if group and size + count > MERGE_CHANGES:
                outcome = store.run(merge_batches, group, cursor, labels)
                changes = changes.merge(outcome.changes)
                conflicts += outcome.value.conflicts
                merged += outcome.value.batches
                group, size = [], 0
            group.append(plain)
            size += count
            cursor = int(item["seq"])
        outcome = store.run(merge_batches, group, cursor, labels)
        changes = changes.merge(outcome.changes)
        conflicts += outcome.value.conflicts
        merged += outcome.value.batches
        if cursor >= last:
            break
    return merged, conflicts, changes


@operation
def _prepare_snapshot(session: Session) -> None:
    """Before an export: the school's signing key made if missing (packs from every laptop are
    the school's) and a global id for every row."""
    from apdesk.sync import keys

    keys.signing_key(session)
    snapshot.map_unmapped(session.connection())


def upload_snapshot(store: Store, hub: HubClient) -> None:
    """The whole record, as a SQLCipher file under a one-time key, sealed up to the hub."""
    from apdesk.store import snapshot_db
    from apdesk.sync.connection import read_token, token_account

    cfg = read_config(store)
    la_token = store.read(lambda s: read_token(s, token_account(store))[0])
    store.run(_prepare_snapshot)
    schema = store.schema_version() or ""
    path, key, meta = snapshot_db.export(store, snapshot.tidy)
    try:
        secret = {"la_token": la_token} if la_token else {}
        snapshot.upload(hub, cfg, schema, path, key, meta, secret)
    finally:
        snapshot_db.remove(path)


def fetch_snapshot(store: Store, hub: HubClient) -> Changes:
    """The school's record from its snapshot, in place of this (new) store's database."""
    from apdesk.store import snapshot_db

    cfg = read_config(store)
    manifest = snapshot.read_manifest(hub, cfg)
    own_schema = store.schema_version() or ""
    if manifest.schema > own_schema:
        raise HubRefused(
            409, _("the school's record was shared by a newer apdesk: update apdesk on this laptop")
        )
    snapshot_db.sweep(store.folder)
    path = snapshot_db.new_file(store.folder)
    try:
        snapshot.download(hub, cfg, manifest, path)
        own = store.read(lambda s: state_all(s.connection()))
        audit = store.read(_audit_rows)
        snapshot_db.adopt(
            store, path, manifest.key, lambda conn: snapshot.fill(conn, own, audit, manifest)
        )
    finally:
        snapshot_db.remove(path)
    changes = store.run(_note_join).changes
    la_token = (manifest.data.get("secrets") or {}).get("la_token")
    if la_token:
        from apdesk.sync.connection import token_account

        # in this laptop's keyring, as if typed in Settings
        store.run(_keep_la_token, token_account(store), str(la_token))
    return changes


def _audit_rows(session: Session) -> list[dict[str, Any]]:
    """This laptop's own audit rows (a new store has few or none): they stay its own."""
    table = SQLModel.metadata.tables["auditevent"]
    rows = session.connection().execute(select(table).order_by(table.c.id)).mappings()
    return [dict(row) for row in rows]


@operation
def _note_join(session: Session) -> int:
    """The join in this laptop's audit chain: how many shared rows it now holds."""
    from apdesk.store.audit import AuditRow, append

    rows = SQLModel.metadata.tables["sharerow"]
    alive = session.connection().execute(
        select(func.count()).select_from(rows).where(rows.c.dead.is_(False))
    )
    count = int(alive.scalar_one())
    append(
        session,
        [AuditRow(str(session.info.get("apdesk_actor", "")), "join", "share", "", None,
                  {"rows": count, "tables": len(registry())})],
    )  # fmt: skip
    return count


@operation
def _keep_la_token(session: Session, account: str, token: str) -> str:
    """The school's LA token from the snapshot, kept where Settings would keep it."""
    from apdesk.sync.connection import keep_token

    return keep_token(session, account, token)
