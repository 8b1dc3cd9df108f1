"""Exports of pupils, providers and placements as JSON or CSV, for the LA, audits and spreadsheets.

Field names are the model's own snake_case names, so they stay stable from release to release;
dates are ISO and enums are written by value. CSV cells that a spreadsheet would run as a
formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from apdesk.models import Placement, Provider, Pupil

KINDS = ("pupils", "providers", "placements")
FORMATS = ("csv", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLACEMENT_FIRST = ["id", "upn", "provider", "status", "start_date", "end_date", "hours_per_week"]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _columns(model: type[SQLModel]) -> list[str]:
    return list(model.model_fields)


def _record(obj: SQLModel) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in _columns(type(obj))}


def pupil_records(session: Session) -> list[dict[str, Any]]:
    query = select(Pupil).order_by(col(Pupil.surname), col(Pupil.forename), col(Pupil.id))
    return [_record(p) for p in session.exec(query)]


def provider_records(session: Session) -> list[dict[str, Any]]:
    return [_record(p) for p in session.exec(select(Provider).order_by(col(Provider.id)))]


def placement_records(session: Session) -> list[dict[str, Any]]:
    """Each placement with the pupil's UPN and the provider's name up front."""
    query = (
        select(Placement, Pupil.upn, Provider.name)
        .join(Pupil, col(Pupil.id) == col(Placement.pupil_id))
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .order_by(col(Placement.id))
    )
    records = []
    for placement, upn, provider in session.exec(query):
        fields = _record(placement)
        record = {"id": fields.pop("id"), "upn": upn, "provider": provider}
        for name in PLACEMENT_FIRST[3:]:
            record[name] = fields.pop(name)
        record.update(fields)
        records.append(record)
    return records


def records(session: Session, kind: str) -> list[dict[str, Any]]:
    readers = {
        "pupils": pupil_records,
        "providers": provider_records,
        "placements": placement_records,
    }
    if kind not in readers:
        raise ValueError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    return readers[kind](session)


def header(kind: str) -> list[str]:
    """The column names, even when there are no rows to take them from."""
    if kind == "pupils":
        return _columns(Pupil)
    if kind == "providers":
        return _columns(Provider)
    rest = [n for n in _columns(Placement) if n not in PLACEMENT_FIRST]
    return PLACEMENT_FIRST + rest


def neutralise(cell: str) -> str:
    """A leading apostrophe stops a spreadsheet running the cell as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def to_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(_cell(row.get(name))) for name in columns])
    return buffer.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def render(session: Session, kind: str, fmt: str) -> str:
    """The whole export as text in `fmt` ('csv' or 'json')."""
    rows = records(session, kind)
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, header(kind))
    raise ValueError(f"unknown format {fmt!r}: choose csv or json")
