"""What the Sharing page and `apdesk share status|devices|conflicts` show: plain data, read only."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import Session, SQLModel

from apdesk.i18n import _
from apdesk.models.record_words import RECORD_WORDS
from apdesk.models.sharing import TEXT_FIELDS
from apdesk.share import state as share_state
from apdesk.store import hlc
from apdesk.store.share_rows import in_conflict, metas_by_gid, table_info, winner


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    schema: str
    last_seen: str | None
    revoked: bool
    this: bool


@dataclass(frozen=True)
class Status:
    sharing: bool
    school: str = ""
    device: str = ""
    name: str = ""
    hub: str = ""
    last_sync: str | None = None
    last_state: str = ""
    last_message: str = ""
    pending: int = 0  # changes made here that the hub does not have yet
    conflicts: int = 0
    must_update: list[str] = dc_field(default_factory=list)
    devices: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Version:
    stamp: str
    device: str  # the laptop's name
    when: str  # ISO time of the edit
    text: str


@dataclass(frozen=True)
class ConflictRow:
    id: str  # the same on every laptop
    kind: str  # "text", "delete", "attendance" or "unique"
    table: str
    local_id: str | None
    record: str  # "Pupil: Ann Bee (A123...)", for a person
    field: str = ""
    versions: list[Version] = dc_field(default_factory=list)  # text: oldest first
    current: str = ""  # the text shown now (the latest version)
    detail: dict[str, Any] = dc_field(default_factory=dict)
    summary: list[tuple[str, Any]] = dc_field(default_factory=list)  # a kept record's fields

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromtimestamp(hlc.millis_of(stamp) / 1000, UTC)
    except (ValueError, OverflowError):
        return ""
    return moment.isoformat(timespec="seconds") if hlc.millis_of(stamp) else ""


def _device(cfg: share_state.ShareConfig | None, stamp: str) -> str:
    device = hlc.device_of(stamp)
    return cfg.label(device) if cfg is not None else device[:6]


def pending_changes(conn: Connection) -> int:
    log = SQLModel.metadata.tables["sharelog"]
    query = select(func.coalesce(func.sum(func.json_array_length(log.c.body, "$.c")), 0)).where(
        log.c.pushed.is_(False)
    )
    return int(conn.execute(query).scalar_one())


def status(session: Session) -> Status:
    conn = session.connection()
    if not share_state.is_sharing(conn):
        return Status(False)
    cfg = share_state.load(conn)
    extra = cfg.extra
    return Status(
        sharing=True,
        school=cfg.school,
        device=cfg.device,
        name=cfg.name,
        hub=cfg.hub,
        last_sync=extra.get("last_sync"),
        last_state=extra.get("last_state", ""),
        last_message=extra.get("last_message", ""),
        pending=pending_changes(conn),
        conflicts=len(conflicts(session)),
        must_update=json.loads(extra.get("must_update", "[]")),
        devices=len([d for d in cfg.devices if not d.get("revoked")]),
    )


def devices(session: Session) -> list[DeviceRow]:
    conn = session.connection()
    if not share_state.is_sharing(conn):
        return []
    cfg = share_state.load(conn)
    return [
        DeviceRow(
            d["id"],
            d["name"],
            d.get("schema", ""),
            d.get("last_seen"),
            bool(d["revoked"]),
            d["id"] == cfg.device,
        )
        for d in cfg.devices
    ]


def record_word(table: str) -> str:
    """The kind of record in the reader's language ("attendancemark": "Attendance mark")."""
    word = RECORD_WORDS.get(table)
    return _(word) if word else table.capitalize()


def _pupil_name(conn: Connection, key: int) -> str | None:
    """ "Forename Surname (UPN)", or None when the pupil is gone."""
    pupil = SQLModel.metadata.tables["pupil"]
    row = conn.execute(
        select(pupil.c.forename, pupil.c.surname, pupil.c.upn).where(pupil.c.id == key)
    ).first()
    return f"{row[0]} {row[1]} ({row[2]})" if row else None


def record_label(conn: Connection, table: str, local_id: str | None) -> str:
    """A record as a person knows it: a pupil's name, a provider's name, a placement's pupil."""
    word = record_word(table)
    if local_id is None:
        return _("{record} (deleted)").format(record=word)
    tables = SQLModel.metadata.tables
    try:
        key = int(local_id)
    except ValueError:
        return f"{word} {local_id}"
    named: str | None = None
    if table == "pupil":
        named = _pupil_name(conn, key)
    elif table == "provider":
        provider = tables["provider"]
        named = conn.execute(select(provider.c.name).where(provider.c.id == key)).scalar()
    elif "pupil_id" in tables[table].c:
        table_obj = tables[table]
        pupil_id = conn.execute(
            select(table_obj.c.pupil_id).where(table_obj.c[table_info(table).key] == key)
        ).scalar()
        pupil = _pupil_name(conn, int(pupil_id)) if pupil_id is not None else None
        if pupil:
            return _("{record} of {pupil}").format(record=word, pupil=pupil)
    if named:
        return _("{record}: {name}").format(record=word, name=named)
    return f"{word} {key}"


HIDDEN = ("id", "created_at", "updated_at", "content", "pack")


def record_summary(conn: Connection, table: str, local_id: str | None) -> list[tuple[str, Any]]:
    """The filled-in fields of a record, for a person deciding whether to keep it."""
    if local_id is None or table not in SQLModel.metadata.tables:
        return []
    from apdesk.share import rows as share_rows

    info = table_info(table)
    found = share_rows.read_row(conn, info, local_id) or {}
    return [
        (name, value)
        for name, value in found.items()
        if name not in HIDDEN and name not in info.refs and value not in (None, "", [], False)
    ]


def conflicts(session: Session, gid: str | None = None) -> list[ConflictRow]:
    """Open conflicts, oldest first; only one record's if `gid` is given."""
    conn = session.connection()
    cfg = share_state.load(conn) if share_state.is_sharing(conn) else None
    texts = SQLModel.metadata.tables["sharetext"]
    query = select(texts.c.gid, texts.c.field, texts.c.stamp, texts.c.value).order_by(
        texts.c.gid, texts.c.field, texts.c.stamp
    )
    if gid is not None:
        query = query.where(texts.c.gid == gid)
    grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for g, name, stamp, value in conn.execute(query):
        grouped.setdefault((str(g), str(name)), []).append((str(stamp), str(value)))
    metas = metas_by_gid(conn, {g for g, _ in grouped})
    found: list[ConflictRow] = []
    for (g, name), versions in grouped.items():
        meta = metas.get(g)
        if meta is None or meta.dead or not in_conflict(versions):
            continue
        found.append(
            ConflictRow(
                id=f"text:{g}:{name}", kind="text", table=meta.tbl, local_id=meta.lid,
                record=record_label(conn, meta.tbl, meta.lid), field=name,
                versions=[Version(s, _device(cfg, s), _when(s), v) for s, v in versions],
                current=winner(versions)[1],
            )
        )  # fmt: skip
    table = SQLModel.metadata.tables["shareconflict"]
    query2 = select(table).where(table.c.resolved.is_(False), table.c.gid != "")
    if gid is not None:
        query2 = query2.where(table.c.gid == gid)
    for row in conn.execute(query2.order_by(table.c.opened, table.c.key)).mappings():
        meta = metas_by_gid(conn, [row["gid"]]).get(row["gid"])
        detail = json.loads(row["detail"] or "{}")
        stamp = str(detail.get("stamp") or "")
        if stamp and cfg is not None:
            detail["by"] = cfg.label(hlc.device_of(stamp))
            detail["when"] = _when(stamp)
        elif detail.get("marks"):  # the session's marks, oldest first, and who recorded them
            detail.update(_chain(conn, cfg, str(row["key"]), list(detail["marks"])))
        local_id = meta.lid if meta else None
        found.append(
            ConflictRow(
                id=str(row["key"]), kind=str(row["kind"]), table=str(row["tbl"]),
                local_id=local_id, record=record_label(conn, str(row["tbl"]), local_id),
                detail=detail,
                summary=record_summary(conn, str(row["tbl"]), local_id)
                if row["kind"] == "delete" else [],
            )
        )  # fmt: skip
    return found


def _chain(
    conn: Connection, cfg: share_state.ShareConfig | None, key: str, gids: list[str]
) -> dict[str, Any]:
    """For an attendance check: the session, each mark's code and laptop, which is current."""
    _kind, _pupil, day, half = key.split(":")
    marks = SQLModel.metadata.tables["attendancemark"]
    made = sorted(metas_by_gid(conn, gids).values(), key=lambda m: (m.stamp or "", m.gid))
    chain = []
    for meta in made:
        if meta.lid is None:
            continue
        row = conn.execute(
            select(marks.c.code, marks.c.superseded_by).where(marks.c.id == int(meta.lid))
        ).first()
        if row is None:
            continue
        device = hlc.device_of(meta.stamp) if meta.stamp else ""
        chain.append(
            {
                "code": row[0], "current": row[1] is None,
                "by": (cfg.label(device) if cfg else device[:6]) if device else "",
                "when": _when(meta.stamp) if meta.stamp else "",
            }
        )  # fmt: skip
    return {
        "date": day, "session": half, "chain": chain,
        "by": ", ".join(dict.fromkeys(str(c["by"]) for c in chain if c["by"])),
    }  # fmt: skip


def conflicts_for(session: Session, table: str, local_id: int | str) -> list[ConflictRow]:
    """The open conflicts of one record (for its banner)."""
    from apdesk.store.share_rows import metas_by_lid

    meta = metas_by_lid(session.connection(), table, [str(local_id)]).get(str(local_id))
    return [] if meta is None else conflicts(session, meta.gid)


def text_fields(table: str) -> frozenset[str]:
    return TEXT_FIELDS.get(table, frozenset())
