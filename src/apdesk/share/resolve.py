"""A person settles a conflict; the settlement travels to every laptop like any change.

- A text: keep one version, or an edited merge. The edit is logged as having seen every
  version, so each laptop closes the conflict when it merges it, whichever laptop resolved it.
- A delete against an edit: keep the record, or delete it after all (with what refers to it).
- Two attendance codes: mark the session checked (the chain stays as it is; amend the register
  as usual if the current code is wrong).
- A clash on a unique field: dismiss it (the other laptop's record stays out).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, SQLModel, select

from apdesk.i18n import N_, _
from apdesk.models.column_words import column_label
from apdesk.models.errors import ValidationError
from apdesk.share import state as share_state
from apdesk.share import views
from apdesk.share.merge import Merger
from apdesk.store.changelog import RESOLVING_KEY, log_resolution
from apdesk.store.operations import operation
from apdesk.store.share_rows import registry

KEEP, DELETE, CHECKED, DISMISS, MERGED = "keep", "delete", "checked", "dismiss", "merged"


def model_for(table: str) -> type[SQLModel]:
    for mapper in SQLModel._sa_registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            found: type[SQLModel] = mapper.class_
            return found
    raise LookupError(table)


# What settles each kind of conflict (the choices a person types or clicks are keys).
SETTLING_WORDS = {
    "delete": N_("choose keep or delete"),
    "attendance": N_("choose checked"),
    "unique": N_("choose dismiss"),
    "keep": N_("choose keep"),
}


# What `apdesk share conflicts --resolve` says was done, by the choice made.
SETTLED_WORDS = {
    KEEP: N_("{record}: kept"),
    DELETE: N_("{record}: deleted"),
    CHECKED: N_("{record}: marked as checked"),
    DISMISS: N_("{record}: dismissed"),
}


def _find(session: Session, conflict_id: str) -> views.ConflictRow:
    for row in views.conflicts(session):
        if row.id == conflict_id:
            return row
    raise ValidationError(
        "conflict",
        _("'{conflict}' is not an open conflict").format(conflict=conflict_id),
        _("list them with `share conflicts`"),
    )


@operation
def resolve_conflict(
    session: Session, conflict_id: str, choice: str, merged_text: str | None = None
) -> str:
    """Settle one conflict. `choice`: a text version's number (1, 2, ...) or stamp, `merged`
    (with `merged_text`), `keep`, `delete`, `checked` or `dismiss`. Returns what was done."""
    row = _find(session, conflict_id)
    if row.kind == "text":
        return _resolve_text(session, row, choice, merged_text)
    if row.kind == "delete" and choice == DELETE:
        _delete_record(session, row)
    elif not (
        (row.kind == "delete" and choice == KEEP)
        or (row.kind == "attendance" and choice == CHECKED)
        or (row.kind == "unique" and choice == DISMISS)
    ):
        raise ValidationError(
            "choice",
            _("'{choice}' does not settle this conflict").format(choice=choice),
            _(SETTLING_WORDS.get(row.kind, SETTLING_WORDS["keep"])),
        )
    detail: dict[str, Any] = {"choice": choice}
    if row.kind == "attendance":
        detail["marks"] = list(row.detail.get("marks") or [])
    elif "stamp" in row.detail:
        detail["stamp"] = str(row.detail["stamp"])
    log_resolution(session, row.id, detail)
    cfg = share_state.load(session.connection())
    Merger(session, cfg.baseline, "").resolve(row.id, detail)
    return _(SETTLED_WORDS[choice]).format(record=row.record)


def _resolve_text(
    session: Session, row: views.ConflictRow, choice: str, merged_text: str | None
) -> str:
    if choice == MERGED:
        if merged_text is None:
            raise ValidationError("merged text", _("is missing"), _("give the edited text"))
        text = merged_text
    else:
        picked = [v for n, v in enumerate(row.versions, 1) if choice in (str(n), v.stamp)]
        if len(picked) != 1:
            raise ValidationError(
                "choice",
                _("'{choice}' is not one of the versions").format(choice=choice),
                _("give 1 to {n}, or merged with the edited text").format(n=len(row.versions)),
            )
        text = picked[0].text
    if row.local_id is None:
        raise ValidationError("record", _("was deleted"), _("nothing to settle"))
    model = model_for(row.table)
    info = registry()[row.table]
    key: Any = int(row.local_id) if info.table.c[info.key].type.python_type is int else row.local_id
    obj = session.get(model, key)
    if obj is None:
        raise ValidationError("record", _("is gone"), _("sync and look again"))
    resolving = session.info.setdefault(RESOLVING_KEY, set())
    resolving.add((row.table, row.local_id, row.field))
    setattr(obj, row.field, text)
    flag_modified(obj, row.field)
    session.add(obj)
    session.flush()
    return _("{record}: {field} settled").format(
        record=row.record, field=column_label(row.field, row.table)
    )


def _delete_record(session: Session, row: views.ConflictRow) -> None:
    """Delete after all: the record and, first, every record that refers to it."""
    if row.local_id is None:
        return
    model = model_for(row.table)
    info = registry()[row.table]
    key: Any = int(row.local_id) if info.table.c[info.key].type.python_type is int else row.local_id
    obj = session.get(model, key)
    if obj is not None:
        _delete_with_children(session, obj)
        session.flush()


def _delete_with_children(session: Session, obj: SQLModel) -> None:
    from apdesk.store.share_rows import children_of

    table = str(obj.__tablename__)
    identity = inspect(obj).identity
    key = identity[0] if identity else None
    for child, column in children_of(table):
        child_model = model_for(child.name)
        found = session.exec(select(child_model).where(getattr(child_model, column) == key)).all()
        for item in found:
            if item is not obj:
                if child.table.c[column].nullable and child.name == "attendancemark":
                    setattr(item, column, None)
                    session.add(item)
                else:
                    _delete_with_children(session, item)
    session.delete(obj)
