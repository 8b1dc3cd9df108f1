"""Reading the audit log: filters for the viewer and "everything about this pupil" for a SAR.

Audit rows name the changed record by table and id; a row is about a pupil when it is the
pupil's own row or its before/after values carry that pupil's id (or one of their placements').
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session, SQLModel

from apdesk.i18n import _, format_iso_text, format_number, format_percent, ngettext
from apdesk.models import AuditEvent, Placement, Pupil
from apdesk.models.column_words import column_label
from apdesk.models.value_words import value_words
from apdesk.services.amendment_reasons import reason_text
from apdesk.services.audit_records import (
    RecordFacts,
    half_words,
    id_field,
    is_id_field,
    owner_of,
)
from apdesk.services.audit_row import AuditRow as AuditRow  # for its readers
from apdesk.services.record_counts import counted
from apdesk.store.audit import ChainReport, verify_chain
from apdesk.sync.outbox import waiting_text
from apdesk.sync.send_errors import error_text

MAX_ROWS = 5000


@dataclass(frozen=True)
class AuditFilter:
    pupil: str = ""  # UPN or part of a name
    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"value": text}
    return value if isinstance(value, dict) else {"value": value}


def _row(event: AuditEvent) -> AuditRow:
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
    return AuditRow(
        int(event.id or 0),
        at,
        event.actor,
        event.action,
        event.entity,
        event.entity_id,
        _load(event.before),
        _load(event.after),
    )


def _columns(model: type[SQLModel]) -> Any:
    """The table's columns, for core queries that type-check."""
    return model.__table__.c  # type: ignore[attr-defined]


def pupil_ids_matching(session: Session, text: str) -> set[int]:
    """Pupils whose UPN or names hold every word typed, in any order: "Jay Southgate" finds
    the pupil whose legal forename is Poppy, and so does "Poppy Southgate"."""
    pupil = _columns(Pupil)
    fields = (pupil.upn, pupil.surname, pupil.forename, pupil.preferred_name)
    words = text.split() or [""]
    query = select(pupil.id).where(
        and_(*(or_(*(field.ilike(f"%{word}%") for field in fields)) for word in words))
    )
    return {int(i) for i in session.execute(query).scalars()}


def is_about(row: AuditRow, pupil_ids: set[int], placement_ids: set[int]) -> bool:
    if row.entity == "pupil" and row.entity_id.isdigit() and int(row.entity_id) in pupil_ids:
        return True
    if (
        row.entity == "placement"
        and row.entity_id.isdigit()
        and int(row.entity_id) in placement_ids
    ):
        return True
    for values in (row.before, row.after):
        if values.get("pupil_id") in pupil_ids or values.get("placement_id") in placement_ids:
            return True
    return False


def placements_of(session: Session, pupil_ids: set[int]) -> set[int]:
    if not pupil_ids:
        return set()
    placement = _columns(Placement)
    query = select(placement.id).where(placement.pupil_id.in_(pupil_ids))
    return {int(i) for i in session.execute(query).scalars()}


def _query(wanted: AuditFilter) -> Any:
    """The events the user, action and date filters keep, newest first."""
    event = _columns(AuditEvent)
    query = select(AuditEvent).order_by(event.id.desc())
    if wanted.actor.strip():
        query = query.where(event.actor.ilike(f"%{wanted.actor.strip()}%"))
    if wanted.action.strip():
        query = query.where(event.action == wanted.action.strip())
    if wanted.since is not None:
        query = query.where(event.at >= datetime.combine(wanted.since, time.min, UTC))
    if wanted.until is not None:
        end = datetime.combine(wanted.until + timedelta(days=1), time.min, UTC)
        query = query.where(event.at < end)
    return query


def _matching(session: Session, wanted: AuditFilter) -> Iterator[AuditRow]:
    """Newest first; the pupil filter matches UPN or name, then follows their placements."""
    pupil_ids: set[int] | None = None
    if wanted.pupil.strip():
        pupil_ids = pupil_ids_matching(session, wanted.pupil)
        if not pupil_ids:
            return
    placement_ids = placements_of(session, pupil_ids or set())
    for found in session.execute(_query(wanted)).scalars():
        row = _row(found)
        if pupil_ids is None or is_about(row, pupil_ids, placement_ids):
            yield row


def search(session: Session, wanted: AuditFilter, limit: int = MAX_ROWS) -> list[AuditRow]:
    """The newest `limit` events the filters match."""
    return list(islice(_matching(session, wanted), limit))


def count(session: Session, wanted: AuditFilter) -> int:
    """How many events the filters match in all, so a reader shown the newest few is told
    how many more there are."""
    if not wanted.pupil.strip():
        counted = select(func.count()).select_from(_query(wanted).order_by(None).subquery())
        return int(session.execute(counted).scalar_one())
    return sum(1 for _row_found in _matching(session, wanted))


def _audit_label(surname: str, preferred: str | None, forename: str, upn: str) -> str:
    known_as = preferred or forename
    legal = f" ({forename})" if known_as != forename else ""
    return f"{known_as} {surname}{legal} ({upn})"


def pupil_names(session: Session) -> dict[str, dict[int, str]]:
    """Labels for the viewer: pupil id -> "Known-as Surname (UPN)", as every screen names
    them, with the legal forename beside a preferred one so a search finds either name;
    placement id -> its pupil's."""
    pupil, placement = _columns(Pupil), _columns(Placement)
    names = {
        int(pid): _audit_label(surname, preferred, forename, upn)
        for pid, surname, preferred, forename, upn in session.execute(
            select(pupil.id, pupil.surname, pupil.preferred_name, pupil.forename, pupil.upn)
        )
    }
    placements = {
        int(plid): names.get(int(pid), "")
        for plid, pid in session.execute(select(placement.id, placement.pupil_id))
    }
    return {"pupil": names, "placement": placements}


def about_whom(
    row: AuditRow, names: dict[str, dict[int, str]], facts: RecordFacts | None = None
) -> str:
    """The pupil an audit row concerns, if any: by its own id, the ids it carries, or (for a
    change, which carries only what changed) the pupil whose record it is."""
    if row.entity in names and row.entity_id.isdigit():
        found = names[row.entity].get(int(row.entity_id))
        if found:
            return found
    owner = owner_of(row, facts)
    if owner is not None and owner in names["pupil"]:
        return names["pupil"][owner]
    for values in (row.after, row.before):
        for key, table in (("pupil_id", "pupil"), ("placement_id", "placement")):
            value = values.get(key)
            if isinstance(value, int) and value in names[table]:
                return names[table][value]
    return ""


def actions(session: Session) -> list[str]:
    found = session.execute(select(_columns(AuditEvent).action).distinct()).scalars()
    return sorted(str(a) for a in found)


def chain_status(session: Session) -> ChainReport:
    return verify_chain(session)


def chain_words(report: ChainReport) -> str:
    """What the chain check found, in the reader's words: the count grouped as they write
    numbers (2 387), or the first event that does not match."""
    if report.ok:
        return ngettext(
            "Audit chain verified: {n} event, none altered, removed or reordered.",
            "Audit chain verified: {n} events, none altered, removed or reordered.",
            report.rows,
        ).format(n=format_number(report.rows))
    return _("Audit chain broken at event {id}: the log has been altered.").format(
        id=report.first_bad_id
    )


# Values kept as codes (shared rows each laptop words itself): worded for the reader.
# A mark's fixed amendment reasons are stored in English: worded for the reader too.
# A session reads as the register says it ("AM"; "rano" in Polish).
VALUE_WORDS = {
    "waiting": waiting_text,
    "last_error": error_text,
    "amendment_reason": reason_text,
    "session": half_words,
    "first_session": half_words,
}


# Numbers kept in a form a person does not read them in: attendance as a fraction (0.85).
def _percent(value: float) -> str:
    """Attendance at referral is kept as a fraction (0.873); an older value as a percentage."""
    return format_percent((value * 100 if value <= 1 else value) / 100, 1)


NUMBER_WORDS = {"attendance_at_referral": _percent}


def _show_field(name: str, value: Any, table: str = "") -> str:
    """One value in the reader's words: a code as its label, a number as their locale
    writes it, a date in the one date style."""
    words = VALUE_WORDS.get(name)
    if words is not None and isinstance(value, str) and value:
        return words(value)
    number = NUMBER_WORDS.get(name)
    if number is not None and isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return _show(value_words(table, name, value))


def _id_line(row: AuditRow, name: str, facts: RecordFacts | None) -> str | None:
    """A record-number field in words ("Pupil: Jay Southgate"), or None to leave it out."""
    old, new = row.before.get(name), row.after.get(name)
    if row.action in ("create", "delete"):
        value = new if row.action == "create" else old
        shown = None if value is None else id_field(name, value, facts)
        return None if shown is None else f"{shown[0]}: {shown[1]}"
    before, after = id_field(name, old, facts), id_field(name, new, facts)
    if before is None or after is None or before[1] == after[1]:
        return None
    return f"{after[0]}: {before[1]} → {after[1]}"


def purged_words(row: AuditRow) -> list[str]:
    """What a purge's summary row counts, by kind of record in the reader's words ("3
    attendance marks"): the row keeps counts by table, and nothing about whom."""
    deleted = row.after.get("deleted", {})
    if row.action != "purge" or not isinstance(deleted, dict):
        return []
    return [counted(str(table), int(n)) for table, n in sorted(deleted.items())]


def describe_change(row: AuditRow, facts: RecordFacts | None = None) -> str:
    """Before → after per field, one line each, for people rather than machines: in the order
    of the fields' words in the reader's language, and a new record's empty fields left out.
    A record number is shown as what it points at (a pupil's or provider's name) or not at all.
    A purge says what it deleted, a kind of record a line."""
    if row.action == "purge":
        return "\n".join(purged_words(row))
    names = sorted(set(row.before) | set(row.after))
    lines = []
    for name in names:
        if is_id_field(name):
            line = _id_line(row, name, facts)
            if line is not None:
                lines.append(line)
            continue
        old, new = row.before.get(name), row.after.get(name)
        label = column_label(name, row.entity)
        if row.action == "create":
            if new not in (None, "", []):
                lines.append(f"{label}: {_show_field(name, new, row.entity)}")
        elif row.action == "delete":
            lines.append(f"{label}: {_show_field(name, old, row.entity)}")
        else:
            before = _show_field(name, old, row.entity)
            after = _show_field(name, new, row.entity)
            if before != after:  # a moment moved within its second reads the same: no line
                lines.append(f"{label}: {before} → {after}")
    return "\n".join(sorted(lines, key=str.casefold))


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return _("(empty)")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):  # a date or moment kept as text reads in the one date style
        return format_iso_text(value)
    if isinstance(value, int | float):  # 25.0 reads "25", 13.5 "13,5" in Polish
        return format_number(value)
    return str(value)
