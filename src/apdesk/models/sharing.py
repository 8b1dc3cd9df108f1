"""What sharing the record between laptops keeps beside it: global ids, clocks, the change log.

A shared record is known everywhere by a global id (a UUID); each laptop keeps its own integer
ids. `ShareRow` maps one to the other and holds the hybrid logical clock stamps that decide
merges (and, once the record is deleted, its tombstone). `ShareLog` is the local change log,
written in the same transaction as the change. `ShareText` holds the competing versions of a
long text while two laptops' edits are in conflict; `ShareConflict` the other conflicts (delete
against edit, two attendance codes for one session). `ShareState` is this laptop's part:
device id, clock, keys, where it has read the hub up to.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class ShareRow(SQLModel, table=True):
    __table_args__ = (Index("ix_sharerow_local", "tbl", "lid", unique=True),)

    gid: str = Field(primary_key=True, max_length=36)
    tbl: str = Field(max_length=40)
    lid: str | None = None  # the local primary key as text; None once deleted
    stamp: str | None = None  # when it was made; None: part of the baseline shared at start
    fstamps: str | None = None  # JSON {field: stamp} of the fields changed since it was made
    dead: bool = False
    tomb: str | None = None  # JSON: the deleted row's values and what its delete had seen


class ShareText(SQLModel, table=True):
    """One competing version of a long text (present only while there are two or more)."""

    gid: str = Field(primary_key=True, max_length=36)
    field: str = Field(primary_key=True, max_length=60)
    stamp: str = Field(primary_key=True, max_length=40)
    value: str = ""


class ShareLog(SQLModel, table=True):
    """One flush's changes, in the wire form; `txn` groups one transaction's flushes.

    Rows leave once the hub has them; `seq` never counts back (AUTOINCREMENT), because other
    laptops remember how far they have applied this laptop's changes by it."""

    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, primary_key=True)
    txn: str = Field(max_length=36, index=True)
    stamp: str = Field(max_length=40)
    body: str = ""
    pushed: bool = Field(default=False, index=True)


class ShareConflict(SQLModel, table=True):
    """A conflict that is not a text's versions: delete against edit, or two attendance codes."""

    key: str = Field(primary_key=True, max_length=200)
    gid: str = Field(max_length=36, index=True)
    tbl: str = Field(max_length=40)
    kind: str = Field(max_length=20)
    detail: str = ""  # JSON, without personal values
    opened: str = ""  # the stamp of the change that raised it
    resolved: bool = False
    resolution: str = ""  # JSON: who resolved it, how, and what it covered


class ShareState(SQLModel, table=True):
    """This laptop's sharing facts (some secret: written without an audit row)."""

    key: str = Field(primary_key=True, max_length=60)
    value: str = ""


SHARE_TABLES = frozenset({"sharerow", "sharetext", "sharelog", "shareconflict", "sharestate"})
LOCAL_TABLES = SHARE_TABLES | {
    "auditevent",
    "marktally",
    "pupilmarkstamp",
    "placementmarkstamp",
    "daymarkstamp",
}
"""Tables that never travel: each laptop's audit chain is its own, and so is sharing's state;
the mark tally and the pupils', placements' and days' mark stamps are derived from the marks,
and each laptop's store keeps its own."""

SECRET_SETTINGS = frozenset({"school_signing_key", "la_token"})
"""Settings written without the ORM (so without an audit row): they travel only in a snapshot."""

TEXT_FIELDS: dict[str, frozenset[str]] = {
    "pupil": frozenset({"health_needs", "family_support", "safety_info"}),
    "placement": frozenset(
        {
            "interventions_tried",
            "send_needs",
            "health_needs",
            "family_support",
            "safety_info",
            "learning_outcomes",
            "success_measures",
            "exit_strategy",
            "child_voice",
            "family_voice",
            "outcome_notes",
            "other_ap",
            "key_contact_details",
        }
    ),
    "plan": frozenset({"exit_strategy", "transition_plan"}),
    "plantarget": frozenset({"what", "measure", "baseline", "target"}),
    "review": frozenset({"attendees", "decisions"}),
    "reviewdetail": frozenset({"child_voice", "family_voice", "provider_report"}),
    "voiceentry": frozenset({"text"}),
    "provider": frozenset({"notes", "accreditations"}),
    "provideraudit": frozenset({"notes"}),
    "qualityconcern": frozenset({"concern", "told", "outcome"}),
    "followup": frozenset({"note"}),
    "targetprogress": frozenset({"note"}),
    "timetableversion": frozenset({"notes"}),
    "reintegrationgoal": frozenset({"notes"}),
    "subjectrating": frozenset({"note"}),
    "suspension": frozenset({"reason"}),
    "contact": frozenset({"address"}),
}
"""Long text: edits made on two laptops since their common base are both kept, for a person to
choose between. Every other field is structured: the latest edit by the clock wins."""

NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "school": (),
    "setting": ("key",),
    "pupil": ("upn",),
    "period": ("number",),
    "iapactivity": ("name",),
    "plan": ("placement_id",),
    "reviewdetail": ("review_id",),
    "reintegrationgoal": ("pupil_id",),
    "timetableversionstate": ("version_id",),
}
"""Records that are one of a kind by these fields (references by the referenced record's global
id): two laptops that make the same one offline give it the same global id, so the two merge
into one record instead of breaking a unique rule."""

WHOLE_ROW: dict[str, tuple[str, str, frozenset[str]]] = {
    "outboxitem": ("status", "delivered", frozenset({"pack"})),
}
"""Tables that merge as a whole row: (field, value, fields that never change). A pack's state
travels whole on each change, and a delivered pack stays delivered (with its receipt) whatever
an offline laptop later thought of it: the row with the value wins, then the latest by the clock.
"""

_NAMESPACE = uuid.UUID("5c6a1f0e-2f4b-4c7e-9d1a-6b0f3e2a9c41")


def natural_gid(table: str, parts: tuple[str, ...]) -> str:
    """The global id every laptop gives the record `table` with these natural key values."""
    return str(uuid.uuid5(_NAMESPACE, table + ":" + "\x1f".join(parts)))


def new_gid() -> str:
    return str(uuid.uuid4())
