"""Retention: how long each kind of record is kept, what is past its time, and purging it.

Purges run as plain SQL deletes (not ORM deletes) so the audit hook never copies the purged
person's details into a new audit row; one summary row records counts only, and the change set
is told which kinds of record went (`note_change`). Existing audit
rows are left as they are: the hash chain covers their text, so rewriting them would make the
log fail verification (see `AUDIT_NOTE`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from apdesk.i18n import N_, _, format_date, ngettext
from apdesk.models import (
    Attachment,
    AttendanceMark,
    AuditEvent,
    OutboxItem,
    Placement,
    Provider,
    Pupil,
)
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.models.school import Setting
from apdesk.models.types import utcnow
from apdesk.store import Store, audit
from apdesk.store.changes import Action, note_change

IRMS = N_("source: IRMS toolkit for schools")
REGS = N_("source: School Attendance (Pupil Registration) (England) Regulations 2024")
APDESK = N_("apdesk default")
SETTING_PREFIX = "retention."
KINDS = frozenset(kind.value for kind in Kind)
AUDIT_NOTE = N_(
    "Audit rows are kept whole: each row's hash covers its text, so redacting older rows "
    "would break the chain that proves the log is untouched. Purges add one row with counts only."
)


@dataclass(frozen=True)
class Rule:
    """A kind of record's period. `title`, `counted_from` and `source` are English (shown
    through `_`); `default_years` is set when the school changed the period."""

    key: str
    title: str
    years: int
    counted_from: str
    source: str
    purgeable: bool = True
    default_years: int | None = None

    def source_text(self) -> str:
        """Where the period comes from, in the reader's language."""
        source = _(self.source)
        if self.default_years is None:
            return source
        n = self.default_years
        return ngettext(
            "school setting (default {n} year, {source})",
            "school setting (default {n} years, {source})",
            n,
        ).format(n=n, source=source)


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("pupils", N_("Pupils no longer on roll"), 25, N_("date of birth"), IRMS),
    Rule("placements", N_("Placements that have ended"), 6, N_("the placement's end"), APDESK),
    Rule("attendance", N_("Attendance marks"), 6, N_("the date of the mark"), REGS),
    Rule("attachments", N_("Attachments"), 6, N_("the date added"), APDESK),
    Rule("outbox", N_("Delivered notification packs"), 1, N_("delivery"), APDESK),
    Rule("audit", N_("Audit log events"), 6, N_("the event"), APDESK, purgeable=False),
)


@dataclass(frozen=True)
class DueItem:
    rule: str
    entity: str
    entity_id: str
    label: str  # worded in the language chosen when the queue was read
    due_since: date


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def rules(session: Session) -> list[Rule]:
    """The defaults with any period the school has changed (kept as settings in the store)."""
    saved = {
        s.key[len(SETTING_PREFIX) :]: s.value
        for s in session.execute(
            select(Setting).where(_table(Setting).c.key.startswith(SETTING_PREFIX))
        ).scalars()
    }
    out = []
    for rule in DEFAULT_RULES:
        value = saved.get(rule.key)
        if value is not None and value.isdigit() and int(value) != rule.years:
            rule = replace(rule, years=int(value), default_years=rule.years)
        out.append(rule)
    return out


def set_period(session: Session, key: str, years: int) -> None:
    if key not in {r.key for r in DEFAULT_RULES}:
        raise ValidationError(
            "record type",
            _("'{key}' is not known").format(key=key),
            _("use one of the listed types"),
        )
    if not 1 <= years <= 100:
        raise ValidationError(
            "years",
            _("{value} is out of range").format(value=years),
            _("give a number from {low} to {high}").format(low=1, high=100),
        )
    setting = session.get(Setting, SETTING_PREFIX + key) or Setting(key=SETTING_PREFIX + key)
    setting.value = str(years)
    session.add(setting)


def _cutoff(today: date, years: int) -> date:
    return _years_after(today, -years)


def review_queue(session: Session, today: date) -> list[DueItem]:
    """Every purgeable record past its period, oldest first."""
    period = {r.key: r.years for r in rules(session)}
    items: list[DueItem] = []
    left = select(Pupil).where(_table(Pupil).c.on_roll.is_(False))
    for pupil in session.execute(left).scalars():
        due = _years_after(pupil.dob, period["pupils"])
        if due <= today:
            items.append(DueItem("pupils", "pupil", str(pupil.id), _pupil_label(pupil), due))
    names = _pupil_names(session)
    providers = {p.id: p.name for p in session.execute(select(Provider)).scalars()}
    cut = _cutoff(today, period["placements"])
    for placement in session.execute(select(Placement)).scalars():
        ended = placement.ended_on or placement.end_date
        if ended is not None and ended <= cut and placement.status.value in ("ended", "cancelled"):
            due = _years_after(ended, period["placements"])
            label = _placement_label(placement, names, providers)
            items.append(DueItem("placements", "placement", str(placement.id), label, due))
    cut = _cutoff(today, period["attendance"])
    mark = _table(AttendanceMark).c
    for mark_id, mark_date, pupil_id, half, code in session.execute(
        select(mark.id, mark.mark_date, mark.pupil_id, mark.session, mark.code).where(
            mark.mark_date <= cut
        )
    ).all():
        due = _years_after(mark_date, period["attendance"])
        label = _("{pupil}: {code} on {day} {session}").format(
            pupil=names.get(pupil_id, "?"),
            code=code,
            day=format_date(mark_date),
            session=_("AM") if half == "AM" else _("PM"),
        )
        items.append(DueItem("attendance", "attendancemark", str(mark_id), label, due))
    cut = _cutoff(today, period["attachments"])
    att = _table(Attachment).c
    for att_id, filename, added_at, pupil_id in session.execute(
        select(att.id, att.filename, att.added_at, att.pupil_id)
    ).all():
        if added_at.date() <= cut:
            due = _years_after(added_at.date(), period["attachments"])
            label = f"{filename} ({names.get(pupil_id, '?')})"
            items.append(DueItem("attachments", "attachment", str(att_id), label, due))
    cut = _cutoff(today, period["outbox"])
    box = _table(OutboxItem).c
    for pack_id, delivered, kind in session.execute(
        select(box.id, box.delivered_at, box.kind).where(box.status == OutboxStatus.DELIVERED.value)
    ).all():
        if delivered is not None and delivered.date() <= cut:
            due = _years_after(delivered.date(), period["outbox"])
            label = _("{kind} pack delivered {day} ({id})").format(
                kind=_pack_kind(kind), day=format_date(delivered.date()), id=pack_id[:8]
            )
            items.append(DueItem("outbox", "outboxitem", pack_id, label, due))
    return sorted(items, key=lambda i: (i.due_since, i.rule, i.entity_id))


def _pupil_names(session: Session) -> dict[int, str]:
    """Records are named in words (whose, what, when), never by a bare id."""
    table = _table(Pupil).c
    rows = session.execute(select(table.id, table.forename, table.surname, table.upn)).all()
    return {pid: f"{surname}, {forename} ({upn})" for pid, forename, surname, upn in rows}


def _placement_label(
    placement: Placement, names: dict[int, str], providers: dict[int | None, str]
) -> str:
    start = placement.started_on or placement.start_date
    ended = placement.ended_on or placement.end_date
    if start is not None and ended is not None:
        when = _("{start} to {end}").format(start=format_date(start), end=format_date(ended))
    else:
        when = format_date(start or ended)
    return _("{pupil}: placement at {provider} ({when})").format(
        pupil=names.get(placement.pupil_id, "?"),
        provider=providers.get(placement.provider_id, "?"),
        when=when,
    )


def _pack_kind(kind: str) -> str:
    """A pack's kind as the Outbox words it; a kind this version does not know, as stored."""
    try:
        return _(PackKind(kind).label)
    except ValueError:
        return kind


def _pupil_label(pupil: Pupil) -> str:
    return f"{pupil.surname}, {pupil.forename} ({pupil.upn})"


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


def _cascade(
    session: Session,
    table: Table,
    where: ColumnElement[bool],
    counts: dict[str, int],
    null_optional: bool,
) -> None:
    """Delete rows of `table` matching `where` and, first, every row that points at them.

    Found from the schema's foreign keys, so tables added later are covered too. With
    `null_optional`, optional references (e.g. a mark's placement) are cleared, not deleted.
    Each bulk statement names the rows it touched (`note_change`), so a purge reaches the
    school's other laptops too, as a purge: no tombstone keeps the values anywhere.
    """
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table or child is table:
                continue
            targets = select(fk.column).where(where)
            if null_optional and fk.parent.nullable:
                cleared = _keys(session, child, fk.parent.in_(targets))
                session.execute(
                    update(child).where(fk.parent.in_(targets)).values({fk.parent.name: None})
                )
                _noted(session, "update", child, cleared, [fk.parent.name])
            else:
                _cascade(session, child, fk.parent.in_(targets), counts, null_optional)
    gone = _keys(session, table, where)
    result = session.execute(delete(table).where(where))
    counts[table.name] = counts.get(table.name, 0) + int(result.rowcount or 0)  # type: ignore[attr-defined]
    _noted(session, "delete", table, gone, None)


def _keys(session: Session, table: Table, where: ColumnElement[bool]) -> list[Any]:
    key = next(iter(table.primary_key.columns))
    return list(session.execute(select(key).where(where)).scalars())


def _noted(
    session: Session, action: Action, table: Table, ids: list[Any], fields: list[str] | None
) -> None:
    if ids and table.name in KINDS:
        note_change(session, action, Kind(table.name), ids, fields=fields)


ROOTS: dict[str, tuple[type[SQLModel], bool]] = {
    "pupils": (Pupil, False),
    "placements": (Placement, True),
    "attendance": (AttendanceMark, True),
    "attachments": (Attachment, True),
    "outbox": (OutboxItem, True),
}


def _summary_row(session: Session, actor: str, counts: dict[str, int]) -> None:
    """One chained audit row with counts only: nothing about who the records were about."""
    table = _table(AuditEvent)
    prev = session.execute(select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar()
    prev_hash = prev or audit.GENESIS
    at = utcnow()
    row: dict[str, object] = {
        "at": at,
        "actor": actor,
        "action": "purge",
        "entity": "retention",
        "entity_id": "",
        "before": "",
        "after": json.dumps({"deleted": counts}, sort_keys=True),
        "prev_hash": prev_hash,
    }
    fields = {k: str(v) for k, v in row.items() if k not in ("prev_hash", "at")}
    fields["at"] = at.isoformat()
    row["hash"] = audit.row_hash(prev_hash, fields)
    session.execute(insert(table), [row])


def purge(session: Session, items: Sequence[DueItem]) -> dict[str, int]:
    """Delete the chosen records (and what hangs off them) in the caller's transaction; the
    operation `purge_records` calls this. Run `vacuum(store)` after the commit, so no free page
    keeps them."""
    by_rule: dict[str, list[str]] = {}
    for item in items:
        if item.rule not in ROOTS:
            titles = {rule.key: _(rule.title) for rule in DEFAULT_RULES}
            raise ValidationError(
                "record type",
                _("'{records}' cannot be purged").format(records=titles.get(item.rule, item.rule)),
                _(AUDIT_NOTE),
            )
        by_rule.setdefault(item.rule, []).append(item.entity_id)
    counts: dict[str, int] = {}
    if not by_rule:
        return counts
    for rule, ids in by_rule.items():
        model, null_optional = ROOTS[rule]
        table = _table(model)
        key_col = table.c.id
        keys = [int(i) for i in ids] if rule != "outbox" else list(ids)
        _cascade(session, table, key_col.in_(keys), counts, null_optional)
    actor = str(session.info.get(audit.ACTOR_KEY, ""))
    _summary_row(session, actor, {k: v for k, v in counts.items() if v})
    note_change(session, "create", Kind.AUDIT)
    return {k: v for k, v in counts.items() if v}


def vacuum(store: Store) -> None:
    """Rebuild the file so freed pages go, and empty the WAL that still holds the old pages."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def today_utc() -> date:
    return datetime.now(UTC).date()
