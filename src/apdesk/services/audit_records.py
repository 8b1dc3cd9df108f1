"""What an audit row's record is, in words a school office reads: never a record number.

An audit row names its record by table and id, and a change row carries only the fields that
changed, so the reader is told whose record it is and which mark it was by looking the records
up: "Mark / for 7 December 2026 AM", the pupil by the name every screen uses. A first mark
taken back (undone) is kept as a blank entry that replaces it; the rows that write it read as
"Undone" with the mark it took back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, select
from sqlmodel import Session, SQLModel

from apdesk.i18n import _, format_date
from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.services.amendment_reasons import UNDONE
from apdesk.services.pupils.picks import display_name

if TYPE_CHECKING:
    from apdesk.services.audit_row import AuditRow

MARK = "attendancemark"


@dataclass(frozen=True)
class MarkFacts:
    """A mark as the reader names it; `taken_back` is the code an undo entry took back."""

    code: str
    day: date
    half: str
    reason: str
    pupil_id: int
    taken_back: str = ""

    @property
    def is_undo(self) -> bool:
        return not self.code and self.reason == UNDONE


@dataclass(frozen=True)
class RecordFacts:
    """The names a page of audit rows needs, read once with the rows."""

    pupils: dict[int, str] = field(default_factory=dict)  # id -> "Known-as Surname"
    placements: dict[int, int] = field(default_factory=dict)  # id -> pupil id
    providers: dict[int, str] = field(default_factory=dict)
    owners: dict[tuple[str, str], int] = field(default_factory=dict)  # record -> pupil id
    marks: dict[int, MarkFacts] = field(default_factory=dict)


def _columns(model: type[SQLModel]) -> Any:
    return model.__table__.c  # type: ignore[attr-defined]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mark_ids(rows: Iterable[AuditRow]) -> set[int]:
    """The marks the rows are about, and the entries that replaced them."""
    found: set[int] = set()
    for row in rows:
        if row.entity == MARK and row.entity_id.isdigit():
            found.add(int(row.entity_id))
            later = _int(row.after.get("superseded_by"))
            if later is not None:
                found.add(later)
    return found


def _marks(session: Session, ids: set[int]) -> dict[int, MarkFacts]:
    """Each mark's code, session and pupil; an undo entry with the code it took back."""
    mark = _columns(AttendanceMark)
    facts: dict[int, MarkFacts] = {}
    undone: dict[int, str] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(
            mark.id, mark.code, mark.mark_date, mark.session, mark.amendment_reason,
            mark.pupil_id,
        ).where(mark.id.in_(chunk))  # fmt: skip
        for mid, code, day, half, reason, pupil_id in session.execute(query):
            kept = MarkFacts(str(code), day, getattr(half, "value", str(half)), reason or "",
                             int(pupil_id))  # fmt: skip
            facts[int(mid)] = kept
        taken = select(mark.superseded_by, mark.code).where(
            mark.superseded_by.in_(chunk), mark.superseded_by != mark.id
        )
        undone.update((int(later), str(code)) for later, code in session.execute(taken))
    for mid, code in undone.items():
        found = facts.get(mid)
        if found is not None and found.is_undo:
            facts[mid] = MarkFacts(found.code, found.day, found.half, found.reason,
                                   found.pupil_id, code)  # fmt: skip
    return facts


def _owners(
    session: Session, rows: list[AuditRow], placements: dict[int, int]
) -> dict[tuple[str, str], int]:
    """The pupil each changed record belongs to, read from its table's pupil (or placement)
    column: a change row carries only the fields that changed."""
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if row.action == "update" and row.entity_id:
            wanted.setdefault(row.entity, set()).add(row.entity_id)
    owners: dict[tuple[str, str], int] = {}
    for entity, ids in wanted.items():
        table = SQLModel.metadata.tables.get(entity)
        if table is None or "id" not in table.c:
            continue
        column = table.c.get("pupil_id")
        through = column is None
        column = table.c.get("placement_id") if through else column
        if column is None:
            continue
        numbered = isinstance(table.c.id.type, Integer)  # else a text id (a pack's UUID)
        keys = sorted(int(i) for i in ids if i.isdigit()) if numbered else sorted(ids)
        for start in range(0, len(keys), 500):
            query = select(table.c.id, column).where(table.c.id.in_(keys[start : start + 500]))
            for rid, owner in session.execute(query):
                pupil_id = placements.get(owner) if through else owner
                if isinstance(pupil_id, int):
                    owners[(entity, str(rid))] = pupil_id
    return owners


def record_facts(session: Session, rows: list[AuditRow]) -> RecordFacts:
    """Pupils', providers' and marks' names for these rows, and whose each changed record is."""
    pupil, placement, provider = _columns(Pupil), _columns(Placement), _columns(Provider)
    pupils = {
        int(pid): display_name(forename, surname, preferred)
        for pid, forename, surname, preferred in session.execute(
            select(pupil.id, pupil.forename, pupil.surname, pupil.preferred_name)
        )
    }
    placements = {
        int(plid): int(pid)
        for plid, pid in session.execute(select(placement.id, placement.pupil_id))
    }
    providers = {
        int(pid): str(name) for pid, name in session.execute(select(provider.id, provider.name))
    }
    marks = _marks(session, _mark_ids(rows))
    owners = _owners(session, rows, placements)
    owners.update({(MARK, str(mid)): found.pupil_id for mid, found in marks.items()})
    return RecordFacts(pupils, placements, providers, owners, marks)


def half_words(half: str) -> str:
    return _("AM") if half == "AM" else _("PM")


def mark_words(found: MarkFacts) -> str:
    """ "Mark / for 7 December 2026 AM": the code and session, as the register shows them."""
    code = found.taken_back if found.is_undo else found.code
    when = f"{format_date(found.day)} {half_words(found.half)}"
    if not code:
        return _("Mark for {session}").format(session=when)
    return _("Mark {code} for {session}").format(code=code, session=when)


def mark_of(row: AuditRow, facts: RecordFacts | None) -> MarkFacts | None:
    """The mark a row is about, for a mark's row whose mark is still in the store."""
    if facts is None or row.entity != MARK or not row.entity_id.isdigit():
        return None
    return facts.marks.get(int(row.entity_id))


def is_undo(row: AuditRow, facts: RecordFacts | None) -> bool:
    """A row written by taking a first mark back: the blank entry, or the mark it replaces."""
    found = mark_of(row, facts)
    if found is None or facts is None:
        return False
    if found.is_undo and row.action in ("create", "update"):
        return True
    later = _int(row.after.get("superseded_by"))
    replaced_by = facts.marks.get(later) if later is not None else None
    return row.action == "update" and replaced_by is not None and replaced_by.is_undo


def owner_of(row: AuditRow, facts: RecordFacts | None) -> int | None:
    """The pupil whose record a row changed, for rows that carry no pupil of their own."""
    if facts is None:
        return None
    return facts.owners.get((row.entity, row.entity_id))


def id_field(name: str, value: Any, facts: RecordFacts | None) -> tuple[str, str] | None:
    """A field that holds a record number, as the label and words a reader is shown; None
    leaves the field out (a number means nothing to a reader)."""
    number = _int(value)
    if name == "superseded_by":
        return _("Replaced by a later entry"), _("Yes") if value is not None else _("No")
    if facts is None or number is None:
        return None
    if name == "pupil_id" and number in facts.pupils:
        return _("Pupil"), facts.pupils[number]
    if name == "provider_id" and number in facts.providers:
        return _("Provider"), facts.providers[number]
    return None


def is_id_field(name: str) -> bool:
    return name == "id" or name.endswith("_id") or name == "superseded_by"
