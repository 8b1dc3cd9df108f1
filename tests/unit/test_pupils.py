"""The pupil register: input rules, duplicates, the filtered list, the detail page and contacts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from apdesk.models import Placement, Provider, VoiceEntry
from apdesk.models.enums import PlacementStatus, SenStatus, VoiceOf
from apdesk.models.errors import ValidationError
from apdesk.models.upn import make_upn
from apdesk.services.pupils import (
    ContactInput,
    PupilInput,
    PupilNotFound,
    add_contact,
    create_pupil,
    get_pupil,
    list_pupils,
    pupil_detail,
    update_contact,
    update_pupil,
)
from apdesk.store import Store

TODAY = date(2025, 3, 3)


def pupil(serial: int = 1, **changes: Any) -> PupilInput:
    data = PupilInput(
        upn=make_upn(855, 4001, 22, serial),
        forename="Ava",
        surname="Testwood",
        dob=date(2011, 2, 14),  # Year 9 in 2024/25
        nc_year=9,
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"upn": "A12"}, "UPN", "13 characters"),
        ({"upn": make_upn(855, 4001, 22, 1)[:-1] + "9"}, "UPN", "check letter"),
        ({"upn": "A12345678901²"}, "UPN", "plain letters or digits"),
        ({"forename": "  "}, "Forename", "empty"),
        ({"surname": ""}, "Surname", "empty"),
        ({"dob": None}, "Date of birth", "missing"),
        ({"dob": date(2026, 1, 1)}, "Date of birth", "future"),
        ({"dob": date(2023, 1, 1)}, "Date of birth", "outside school age"),
        ({"dob": date(1990, 1, 1)}, "Date of birth", "outside school age"),
        ({"nc_year": 15}, "Year", "not a year group"),
        ({"nc_year": -1}, "Year", "not a year group"),
        ({"nc_year": None}, "Year", "missing"),
    ],
)
def test_bad_input_names_the_field_and_the_fix(
    changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        pupil(**changes).validate(TODAY)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert caught.value.fix


def test_temporary_upn_reception_and_tidied_names_are_accepted() -> None:
    data = pupil(
        upn=make_upn(855, 4001, 24, 7, temporary=True).lower(),
        forename="  Ava   Rose ",
        dob=date(2020, 5, 1),
        nc_year=0,
    )
    data.validate(TODAY)
    assert data.upn.isupper() and data.upn[-1].isalpha()
    assert data.forename == "Ava Rose"
    assert data.warnings(TODAY) == []


def test_out_of_year_group_is_a_warning_not_a_refusal() -> None:
    data = pupil(nc_year=5)
    data.validate(TODAY)
    assert "Year 9" in data.warnings(TODAY)[0]


def test_duplicate_upn_and_duplicate_name_and_dob_are_refused(store: Store) -> None:
    with store.session() as s:
        first = create_pupil(s, pupil(1), TODAY)
    with store.session() as s, pytest.raises(ValidationError, match="already belongs"):
        create_pupil(s, pupil(1, forename="Other"), TODAY)
    with store.session() as s, pytest.raises(ValidationError) as caught:
        create_pupil(s, pupil(2, forename="AVA", surname="testwood"), TODAY)
    assert first.upn in caught.value.message
    with store.session() as s:
        assert len(list_pupils(s)) == 1


def test_update_keeps_its_own_upn_and_refuses_a_missing_pupil(store: Store) -> None:
    with store.session() as s:
        made = create_pupil(s, pupil(1), TODAY)
        assert made.id is not None
        changed = update_pupil(s, made.id, pupil(1, preferred_name="Avie", nc_year=10), TODAY)
        assert changed.nc_year == 10 and changed.display_name == "Avie Testwood"
        with pytest.raises(PupilNotFound):
            get_pupil(s, 999)


def _provider(s, name: str) -> Provider:  # type: ignore[no-untyped-def]
    provider = Provider(name=name)
    s.add(provider)
    s.flush()
    return provider


def test_list_filters_and_current_provider(store: Store) -> None:
    with store.session() as s:
        ava = create_pupil(s, pupil(1), TODAY)
        ben = create_pupil(
            s,
            pupil(
                2,
                forename="Ben",
                surname="Adley",
                sen_status=SenStatus.EHC_PLAN,
                nc_year=10,
                dob=date(2010, 1, 5),
                looked_after=True,
            ),
            TODAY,
        )
        farm = _provider(s, "Meadow Farm")
        tutor = _provider(s, "Online Tutors")
        s.add(
            Placement(pupil_id=ben.id or 0, provider_id=farm.id or 0, status=PlacementStatus.ACTIVE)
        )
        s.add(
            Placement(
                pupil_id=ben.id or 0, provider_id=tutor.id or 0, status=PlacementStatus.ACTIVE
            )
        )
        s.add(
            Placement(pupil_id=ava.id or 0, provider_id=farm.id or 0, status=PlacementStatus.ENDED)
        )
    with store.session() as s:
        assert [r.surname for r in list_pupils(s)] == ["Adley", "Testwood"]
        row = list_pupils(s, "adl")[0]
        assert (row.in_ap_now, row.provider) == (True, "Meadow Farm, Online Tutors")
        assert row.sen_label == "EHC plan" and row.year_label == "Year 10"
        assert [r.forename for r in list_pupils(s, in_ap_now=False)] == ["Ava"]
        assert [r.forename for r in list_pupils(s, year=9)] == ["Ava"]
        assert [r.forename for r in list_pupils(s, sen_status=SenStatus.EHC_PLAN)] == ["Ben"]
        assert [r.forename for r in list_pupils(s, looked_after=True)] == ["Ben"]
        assert [r.forename for r in list_pupils(s, f"testwood {ava.upn[:5]}")] == ["Ava"]
        assert list_pupils(s, "nobody") == []
        update_pupil(s, ava.id or 0, pupil(1, surname="Zoë-Testwood"), TODAY)
        assert [r.surname for r in list_pupils(s, "ZOË")] == ["Zoë-Testwood"]


def test_detail_has_contacts_placements_and_voice(store: Store) -> None:
    with store.session() as s:
        made = create_pupil(s, pupil(1), TODAY)
        pid = made.id or 0
        farm = _provider(s, "Meadow Farm")
        s.add(
            Placement(
                pupil_id=pid,
                provider_id=farm.id or 0,
                status=PlacementStatus.ENDED,
                start_date=date(2024, 1, 8),
            )
        )
        s.add(
            Placement(
                pupil_id=pid,
                provider_id=farm.id or 0,
                status=PlacementStatus.ACTIVE,
                start_date=date(2025, 1, 6),
                hours_per_week=10,
            )
        )
        s.add(
            VoiceEntry(
                pupil_id=pid,
                voice_of=VoiceOf.CHILD,
                said_on=date(2025, 1, 10),
                text="I like the animals.",
            )
        )
        contact = add_contact(s, pid, ContactInput(name=" Mrs  Testwood ", phone="07700 900123"))
        with pytest.raises(ValidationError, match="Email"):
            add_contact(s, pid, ContactInput(name="Mr Testwood", email="not-an-address"))
        update_contact(s, contact.id or 0, ContactInput(name="Mrs Testwood", relationship="Mother"))
    with store.session() as s:
        detail = pupil_detail(s, pid)
    assert [c.relationship for c in detail.contacts] == ["Mother"]
    assert [p.status for p in detail.placements] == [PlacementStatus.ACTIVE, PlacementStatus.ENDED]
    assert detail.placements[0].provider == "Meadow Farm"
    assert detail.voice[0].text == "I like the animals."
