"""The printed timetable reads back with its subjects, legend, dates and plain-English summary;
the demo gives The Bridge pupils at different stages of stepping back into mainstream."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta

from pypdf import PdfReader
from sqlmodel import select
from tests.helpers.timetables import (
    START,
    full_week,
    make_placement,
    make_pupil,
    with_iap,
)

from apdesk.documents.timetable_pdf import render_timetable
from apdesk.models import SubjectRating
from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import DEFAULT_PERIODS
from apdesk.services.school import SchoolDetails, save_school
from apdesk.services.timetables import SlotValue, create_version, load_structure, share_history
from apdesk.services.timetables.checks import check_timetable
from apdesk.services.timetables.demo_timetables import populate_timetables
from apdesk.services.timetables.groups import group_view, save_group
from apdesk.services.timetables.printout import printout_for
from apdesk.services.timetables.structure import save_structure
from apdesk.services.timetables.versions import list_versions, version_in_force
from apdesk.store import Store


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_has_subjects_legend_dates_and_kinds(store: Store) -> None:
    with store.session() as s:
        save_school(s, SchoolDetails(name="Hilltop High", urn="123456"))
        pupil = make_pupil(s, 1, "Robin")
        placement = make_placement(s, pupil.id or 0, ["FRI_PM"])
        group = save_group(s, "The Bridge", "B12", "Mr Okafor", "Ms Hart")
        grid = with_iap(full_week(load_structure(s)), {"Maths"}, "Emotional regulation")
        grid[(1, "FRI", 7)] = SlotValue.offsite(placement.id or 0, "Motor vehicle")
        create_version(s, pupil.id or 0, START, grid, group_id=group.id,
                       next_review=START + timedelta(weeks=6))  # fmt: skip
        pdf = render_timetable(printout_for(s, pupil.id or 0, START), date(2025, 3, 1))
    text = text_of(pdf)
    for expected in ("Hilltop High", "Robin Tester1's timetable", "English", "Science",
                     "Emotional regulation", "Motor vehicle", "Riverside Skills Centre",
                     "What the boxes mean", "LESSON", "IAP", "OFF-SITE", "WITH FRIENDS",
                     "Monday 3 March 2025", "Next review: 14 April 2025", "Lunch",
                     "Mr Okafor and Ms Hart"):  # fmt: skip
        assert expected in text, expected
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None and "Robin" not in (metadata.title or "")


def test_a_two_week_cycle_prints_a_page_per_week(store: Store) -> None:
    with store.session() as s:
        save_structure(s, DEFAULT_PERIODS, 2, anchor=START)
        pupil = make_pupil(s, 2)
        grid = full_week(load_structure(s))
        grid.pop((2, "WED", 1))
        create_version(s, pupil.id or 0, START, grid, part_time_reason="Agreed with parent")
        pdf = render_timetable(printout_for(s, pupil.id or 0, START))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert "(week 2)" in reader.pages[1].extract_text()
    assert "NOT TIMETABLED" in reader.pages[1].extract_text()
    assert "NOT TIMETABLED" not in reader.pages[0].extract_text()


def test_demo_timetables_step_pupils_back_into_mainstream(store: Store) -> None:
    today = date(2025, 11, 20)
    with store.session() as s:
        pupils = [make_pupil(s, n) for n in range(1, 10)]
        placement = make_placement(s, pupils[-1].id or 0, ["TUE_AM", "TUE_PM"])
        made = populate_timetables(s, random.Random(3), today)
        assert made["timetabled_pupils"] == 7 and made["iap_groups"] == 1
        histories = [share_history(s, p.id or 0) for p in pupils[:6]]
        finals = sorted(round(h[-1].share.mainstream_share, 2) for h in histories)
        assert finals[0] == 0.2 and finals[-1] == 0.8
        longest = max(histories, key=len)
        shares = [r.share.mainstream_share for r in longest]
        assert shares == sorted(shares) and len(shares) >= 5
        assert any(
            v.status.value == "proposed" for p in pupils for v in list_versions(s, p.id or 0)
        )
        assert s.exec(select(SubjectRating)).first() is not None
        off = version_in_force(s, placement.pupil_id, today)
        assert off is not None
        for p in pupils:
            v = version_in_force(s, p.id or 0, today)
            if v is not None:
                assert check_timetable(s, v.id or 0) == [], p.id
        view = group_view(s, off.group_id or 0, today)
        assert 0 < view.busiest() <= 8 and len(view.staff) == 2
        kinds = {c.kind for c in printout_for(s, placement.pupil_id, today).grid.values()}
        assert SlotKind.OFFSITE in kinds
