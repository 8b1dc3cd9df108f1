"""Everything the printed timetable needs, gathered in one read so the PDF code runs no SQL."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from apdesk.documents.timetable_pdf import TimetablePrintout
from apdesk.i18n import _
from apdesk.models import IapGroup, Placement, Provider, Pupil
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.school import school_details
from apdesk.services.timetables.groups import staff_of
from apdesk.services.timetables.share import compute_share
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import (
    get_version,
    list_versions,
    load_grid,
    read_state,
    version_in_force,
)


def find_pupil(session: Session, upn: str) -> Pupil:
    pupil = session.exec(select(Pupil).where(Pupil.upn == upn.strip().upper())).first()
    if pupil is None:
        raise ValidationError(
            "UPN",
            _("no pupil with UPN {upn}").format(upn=upn),
            _("check the UPN on the pupil list"),
        )
    return pupil


def printout_for(
    session: Session, pupil_id: int, on_date: date, version_id: int | None = None
) -> TimetablePrintout:
    """The version in force on `on_date` (or a given version; else the first one still to come)."""
    version = get_version(session, version_id) if version_id else None
    version = version or version_in_force(session, pupil_id, on_date)
    if version is None:
        later = [v for v in list_versions(session, pupil_id) if v.status is VersionStatus.ACCEPTED]
        if not later:
            raise ValidationError(
                "Timetable",
                _("this pupil has no timetable yet"),
                _("make one in Timetables first"),
            )
        version = get_version(session, later[0].version_id)
    pupil = session.get(Pupil, version.pupil_id)
    if pupil is None:  # pragma: no cover - the foreign key prevents it
        raise ValidationError("Pupil", _("not found"), _("choose a pupil on roll"))
    structure = load_structure(session)
    grid = load_grid(session, version.id or 0)
    state = read_state(session, version.id or 0)
    group = session.get(IapGroup, version.group_id) if version.group_id else None
    providers = {}
    for value in grid.values():
        if value.placement_id and value.placement_id not in providers:
            placement = session.get(Placement, value.placement_id)
            provider = session.get(Provider, placement.provider_id) if placement else None
            providers[value.placement_id] = provider.name if provider else ""
    return TimetablePrintout(
        school=school_details(session),
        pupil_name=pupil.display_name,
        nc_year=pupil.nc_year,
        effective_date=version.effective_date,
        next_review=state.next_review,
        status=state.status,
        structure=structure,
        grid=grid,
        share=compute_share(grid, structure),
        group_name=group.name if group else "",
        group_room=group.room if group else "",
        group_staff=staff_of(group) if group else [],
        providers=providers,
    )


def printout_by_upn(session: Session, upn: str, on_date: date) -> TimetablePrintout:
    """The printout of the pupil with `upn`, as `printout_for` chooses the version."""
    return printout_for(session, find_pupil(session, upn).id or 0, on_date)
