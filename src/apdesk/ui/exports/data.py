"""The exports File > Export offers, as reads that return the file's text: the same services,
formats and checks as `apdesk export ...`."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session

from apdesk.i18n import N_
from apdesk.services import export
from apdesk.services.plans.export import export_plans
from apdesk.services.timetables.export import export_rows


@dataclass(frozen=True)
class ExportKind:
    key: str
    title: str  # shown through _()
    formats: tuple[str, ...]
    note: str


KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "pupils",
        N_("Pupils"),
        ("csv", "json"),
        N_("Every pupil record (as `apdesk export pupils`)."),
    ),
    ExportKind(
        "providers",
        N_("Providers"),
        ("csv", "json"),
        N_("Every provider (as `apdesk export providers`)."),
    ),
    ExportKind(
        "placements",
        N_("Placements"),
        ("csv", "json"),
        N_("Every placement (as `apdesk export placements`)."),
    ),
    ExportKind(
        "plans",
        N_("Plans and reviews"),
        ("json",),
        N_("Plans, reviews, outcomes and follow-ups (as `apdesk export plans`)."),
    ),
    ExportKind(
        "timetables",
        N_("Timetables"),
        ("json",),
        N_("Each pupil's timetable versions and mainstream share (as `apdesk export timetables`)."),
    ),
    ExportKind(
        "attendance",
        N_("Attendance for the MIS"),
        ("csv",),
        N_("Current marks in a date range as UPN, Date, Session, Code."),
    ),
    ExportKind(
        "census",
        N_("School census: AP placements"),
        ("csv",),
        N_(
            "AP placements arranged by the school on a census day, "
            "with the missing items listed first."
        ),
    ),
)


def render_export(session: Session, kind: str, fmt: str) -> tuple[str, int]:
    """The file's text and how many records it holds (a read)."""
    if kind in export.KINDS:
        rows = export.records(session, kind)
        return export.render(session, kind, fmt), len(rows)
    if kind == "plans":
        records = export_plans(session, include_drafts=False)
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n", len(records)
    if kind == "timetables":
        rows = export_rows(session)
        return json.dumps(rows, indent=2) + "\n", len(rows)
    raise ValueError(kind)
