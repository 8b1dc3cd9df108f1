"""Starting to share, enrolling another laptop with a one-time code, and revoking one.

`start` registers the school and this laptop with the hub, uploads a sealed snapshot and
makes a code; on a laptop that already shares it only makes a new code. `join` makes a new
store (its own passphrase, data key and recovery key), enrols with the code and loads the
record. `revoke` shuts a laptop out and starts a new key epoch that the revoked laptop never
receives.
"""

from __future__ import annotations

import secrets
import uuid
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.errors import ValidationError
from apdesk.share import crypto, engine, wire
from apdesk.share import state as share_state
from apdesk.share.client import HubClient
from apdesk.store import KdfParams, Store, hlc
from apdesk.store.operations import operation
from apdesk.store.share_rows import state_set


@dataclass(frozen=True)
class Enrolment:
    code: str
    expires_at: str
    hub: str


@dataclass(frozen=True)
class Started:
    school: str
    device: str
    enrolment: Enrolment
    already_sharing: bool


@dataclass(frozen=True)
class Joined:
    school: str
    device: str
    rows: int
    recovery_key: str
    report: engine.SyncReport


def _card(keys: dict[int, bytes], epoch: int, school: str, device: str, name: str,
          private: str) -> bytes:  # fmt: skip
    public = crypto.public_b64(crypto.private_from_hex(private))
    return wire.seal_blob(
        keys[epoch], crypto.aad("card", school, device, epoch), {"name": name, "public": public}
    )


def check_hub_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")) or url[-3:] == "://":
        raise ValidationError(
            "--hub",
            _("'{url}' is not a web address").format(url=url),
            _("give it as https://host"),
        )
    return url


@operation
def _begin_sharing(session: Session, facts: dict[str, str]) -> None:
    """This laptop's sharing facts; the outbox rows it queued before (its own audit
    checkpoints among them) are named as this laptop's, before the change log starts."""
    from sqlmodel import col, select

    from apdesk.models import OutboxItem

    for item in session.exec(select(OutboxItem).where(col(OutboxItem.device) == "")).all():
        item.device = facts["device"]
        session.add(item)
    session.flush()
    state_set(session.connection(), facts)


def start(store: Store, hub_url: str, name: str, *, client: HubClient | None = None) -> Started:
    hub_url = check_hub_url(hub_url)
    already = store.read(lambda s: share_state.is_sharing(s.connection()))
    if already:
        cfg = engine.read_config(store)
        return Started(cfg.school, cfg.device, issue_code(store, client=client), True)
    school, device = str(uuid.uuid4()), secrets.token_hex(hlc.DEVICE_CHARS // 2)
    keys = {0: crypto.new_key()}
    private = crypto.private_hex(crypto.new_device_key())
    schema = store.schema_version() or ""
    hub = client or HubClient(hub_url, school)
    hub.school = school
    try:
        token = hub.register_school(device, _card(keys, 0, school, device, name, private), schema)
        facts = {
            "school": school, "device": device, "hub": hub_url, "token": token,
            "device_key": private, "keys": crypto.keyring_bytes(keys).decode(), "epoch": "0",
            "name": name, "baseline": hlc.ZERO + device, "clock": hlc.tick(hlc.ZERO),
            "pulled": "0", "vector": "{}",
        }  # fmt: skip
        store.run(_begin_sharing, facts)
        hub.token = token
        engine.upload_snapshot(store, hub)
        enrolment = new_enrolment(store, hub)
    finally:
        if client is None:
            hub.close()
    return Started(school, device, enrolment, False)


def issue_code(store: Store, *, client: HubClient | None = None) -> Enrolment:
    """A new one-time code on a laptop that already shares (the Sharing page's Enrol…)."""
    cfg = engine.read_config(store)
    with _using(cfg, client) as hub:
        return new_enrolment(store, hub)


def new_enrolment(store: Store, hub: HubClient) -> Enrolment:
    """A one-time code for another laptop (24 hours); the keys travel sealed under it."""
    cfg = engine.read_config(store)
    code = crypto.new_code()
    lookup, secret = crypto.parse_code(code)
    blob = crypto.seal(
        crypto.code_wrap_key(secret), crypto.keyring_bytes(cfg.keys), crypto.aad("enrol", lookup)
    )
    expires = hub.create_enrolment(lookup, crypto.verifier_hash(crypto.code_verifier(secret)), blob)
    return Enrolment(code, expires, cfg.hub)


def join(
    folder: Path,
    hub_url: str,
    code: str,
    passphrase: str,
    name: str,
    *,
    kdf: KdfParams | None = None,
    use_keyring: bool = True,
    client: HubClient | None = None,
) -> Joined:
    """A new store that shares the school's record; the code is used up once this succeeds."""
    hub_url = check_hub_url(hub_url)
    lookup, secret = crypto.parse_code(code)
    verifier = crypto.code_verifier(secret)
    hub = client or HubClient(hub_url)
    try:
        school, blob, epoch = hub.read_enrolment(lookup, verifier)
        keys = crypto.keyring_from(
            crypto.open_sealed(crypto.code_wrap_key(secret), blob, crypto.aad("enrol", lookup))
        )
        if epoch not in keys:
            raise ValidationError(
                "enrolment code",
                _("was made before the school's key changed"),
                _("make a new code"),
            )
        store, recovery = Store.create(folder, passphrase, kdf=kdf, use_keyring=use_keyring)
        try:
            device = secrets.token_hex(hlc.DEVICE_CHARS // 2)
            private = crypto.private_hex(crypto.new_device_key())
            card = _card(keys, epoch, school, device, name, private)
            token = hub.use_enrolment(lookup, verifier, device, card, epoch,
                                      store.schema_version() or "")  # fmt: skip
            hub.school, hub.token = school, token
            facts = {
                "school": school, "device": device, "hub": hub_url, "token": token,
                "device_key": private, "keys": crypto.keyring_bytes(keys).decode(),
                "epoch": str(epoch), "name": name, "baseline": hlc.ZERO + device,
                "clock": hlc.tick(hlc.ZERO), "pulled": "0", "vector": "{}", "needs_snapshot": "1",
            }  # fmt: skip
            store.run(_begin_sharing, facts)
            report = engine.sync_once(store, client=hub)
            rows = _joined_rows(store)
        finally:
            store.lock()
    finally:
        if client is None:
            hub.close()
    return Joined(school, device, rows, recovery, report)


def _joined_rows(store: Store) -> int:
    from sqlalchemy import func, select
    from sqlmodel import SQLModel

    rows = SQLModel.metadata.tables["sharerow"]
    query = select(func.count()).select_from(rows).where(rows.c.dead.is_(False))
    return int(store.read(lambda s: s.connection().execute(query).scalar_one()))


def revoke(store: Store, device: str, *, client: HubClient | None = None) -> int:
    """Shut `device` (an id, or the start of one, or its name) out; returns the new epoch."""
    first = engine.sync_once(store, client=client)  # current devices and keys first
    if first.state == engine.OFFLINE:
        from apdesk.share.client import HubUnreachable

        raise HubUnreachable(first.message)
    cfg = engine.read_config(store)
    target = _find_device(cfg, device)
    epoch = max(cfg.keys) + 1
    keys = {**cfg.keys, epoch: crypto.new_key()}
    wrapped = {
        d["id"]: crypto.wrap_for_device(
            d["public"], keys, crypto.aad("keys", cfg.school, d["id"], epoch)
        )
        for d in cfg.devices
        if not d["revoked"] and d["id"] not in (target, cfg.device) and d["public"]
    }
    with _using(cfg, client) as hub:
        hub.revoke(target, epoch, wrapped)
    store.run(engine.save_hello, keys, epoch, cfg.devices)
    return epoch


def _find_device(cfg: share_state.ShareConfig, wanted: str) -> str:
    wanted_lower = wanted.strip().lower()
    matches = [
        d for d in cfg.devices
        if d["id"] == wanted_lower or d["name"].lower() == wanted_lower
        or (len(wanted_lower) >= 4 and d["id"].startswith(wanted_lower))
    ]  # fmt: skip
    active = [d for d in matches if not d["revoked"]]
    if len(active) != 1:
        known = ", ".join(f"{d['name']} ({d['id'][:8]})" for d in cfg.devices if not d["revoked"])
        raise ValidationError(
            "DEVICE",
            ngettext(
                "'{wanted}' matches {n} sharing laptop",
                "'{wanted}' matches {n} sharing laptops",
                len(active),
            ).format(wanted=wanted, n=len(active)),
            _("give one of: {laptops}").format(laptops=known),
        )
    if active[0]["id"] == cfg.device:
        raise ValidationError("DEVICE", _("is this laptop"), _("revoke it from another laptop"))
    return str(active[0]["id"])


def _using(
    cfg: share_state.ShareConfig, client: HubClient | None
) -> AbstractContextManager[HubClient]:
    """The caller's client as it is, or a new one closed afterwards."""
    if client is not None:
        return nullcontext(client)
    return HubClient(cfg.hub, cfg.school, cfg.token)
