"""Subject access requests on the pupil's record: when each arrived, the one-month deadline,
when it was answered; and the export with the other people's details a person chose to redact.

The export itself is `services.sar` (the same JSON and PDF as `apdesk sar`); this module keeps
the requests and applies the redactions chosen in the window before the files are written."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import N_, _
from apdesk.models import Pupil, SubjectAccessRequest
from apdesk.models.errors import ValidationError
from apdesk.services.sar import SubjectAccess, respond_by

REDACTED = N_("[redacted]")


@dataclass(frozen=True)
class RequestRow:
    id: int
    pupil_id: int
    pupil_name: str
    upn: str
    requested_on: date
    respond_by: date
    requested_by: str
    completed_on: date | None
    notes: str

    @property
    def is_open(self) -> bool:
        return self.completed_on is None


def _row(request: SubjectAccessRequest, pupil: Pupil) -> RequestRow:
    return RequestRow(
        request.id or 0,
        pupil.id or 0,
        pupil.display_name,
        pupil.upn,
        request.requested_on,
        request.respond_by,
        request.requested_by,
        request.completed_on,
        request.notes,
    )


def record_request(
    session: Session,
    pupil_id: int,
    requested_on: date | None,
    requested_by: str,
    notes: str,
    today: date,
) -> RequestRow:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(_("Pupil"), _("is no longer in the store"), _("choose another pupil"))
    if requested_on is None:
        raise ValidationError(
            _("Received on"), _("is missing"), _("enter the day the request arrived")
        )
    if requested_on > today:
        raise ValidationError(
            _("Received on"), _("is in the future"), _("enter the day it arrived")
        )
    request = SubjectAccessRequest(
        pupil_id=pupil_id,
        requested_on=requested_on,
        respond_by=respond_by(requested_on),
        requested_by=requested_by.strip(),
        notes=notes.strip(),
    )
    session.add(request)
    session.flush()
    return _row(request, pupil)


def complete_request(session: Session, request_id: int, completed_on: date) -> RequestRow:
    request = session.get(SubjectAccessRequest, request_id)
    if request is None:
        raise ValidationError(
            _("Request"), _("is no longer in the store"), _("show the record again")
        )
    if completed_on < request.requested_on:
        raise ValidationError(
            _("Answered on"), _("is before the request arrived"), _("check the date")
        )
    request.completed_on = completed_on
    session.add(request)
    session.flush()
    pupil = session.get(Pupil, request.pupil_id)
    assert pupil is not None
    return _row(request, pupil)


def requests_for(session: Session, pupil_id: int) -> list[RequestRow]:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        return []
    rows = session.exec(
        select(SubjectAccessRequest)
        .where(col(SubjectAccessRequest.pupil_id) == pupil_id)
        .order_by(col(SubjectAccessRequest.requested_on).desc())
    ).all()
    return [_row(r, pupil) for r in rows]


def open_requests(session: Session) -> list[RequestRow]:
    """Requests not yet answered, the nearest deadline first (for Home's today list)."""
    rows = session.exec(
        select(SubjectAccessRequest, Pupil)
        .join(Pupil, col(Pupil.id) == col(SubjectAccessRequest.pupil_id))
        .where(col(SubjectAccessRequest.completed_on).is_(None))
        .order_by(col(SubjectAccessRequest.respond_by))
    ).all()
    return [_row(request, pupil) for request, pupil in rows]


def redacted(access: SubjectAccess, chosen: Iterable[int]) -> SubjectAccess:
    """A copy of the export with the chosen third-party items (by their index in
    `access.third_party`) replaced by "[redacted]", in the reader's language, wherever they
    appear in the records."""
    picked = set(chosen)
    out = copy.deepcopy(access)
    mark = _(REDACTED)
    for number, item in enumerate(access.third_party):
        if number not in picked:
            continue
        table = item["table"]
        rows = out.audit_events if table == "audit" else out.sections.get(table, [])
        for row in rows:
            if row.get("id") == item["record_id"] and row.get(item["field"]) == item["value"]:
                row[item["field"]] = mark
        out.third_party[number] = {**item, "value": mark, "redacted": True}
    return out
