"""A refusal names the field by the words a person reads, in their language, never by the key
the code matches on ("session", "minutes_late"); the key itself stays as raised."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from apdesk.models import Pupil, ValidationError
from apdesk.models.field_labels import field_label
from apdesk.models.upn import make_upn
from apdesk.services import retention
from apdesk.services.attendance.marks import check_minutes_late, parse_session, record_mark
from apdesk.services.pupils import ContactInput, PupilInput
from apdesk.store import Store

MON = date(2025, 1, 6)


def refused(call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as refusal:
        call()
    return refusal.value


def test_in_english_a_refusal_reads_naturally() -> None:
    session = refused(lambda: parse_session("noon"))
    assert str(session).startswith("Session: 'noon' is not AM or PM (use AM or PM")
    assert session.field == "session"  # what the code matches on is unchanged
    late = refused(lambda: check_minutes_late(301, "L"))
    assert str(late).startswith("Minutes late: 301 is out of range")
    assert late.field == "minutes_late"


def test_an_unlisted_key_still_reads_as_words() -> None:
    assert str(ValidationError("end_date", "is before the start")) == (
        "End date: is before the start"
    )
    assert field_label("  review__interval ") == "Review interval"
    assert field_label("--hub") == "--hub"
    assert field_label("") == ""


def test_in_polish_a_refused_mark_names_the_field_in_polish(polish: None, store: Store) -> None:
    session = str(refused(lambda: parse_session("noon")))
    assert session.startswith("Sesja: „noon”") and "session" not in session
    late = str(refused(lambda: check_minutes_late(10, "B")))
    assert late.startswith("Minuty spóźnienia: podano minuty") and "minutes_late" not in late
    with store.session() as s:
        pupil = Pupil(upn=make_upn(855, 4001, 2020, 1), forename="Ada", surname="Ash",
                      dob=date(2011, 1, 1))  # fmt: skip
        s.add(pupil)
        s.flush()
        pupil_id = pupil.id or 0
        record_mark(s, pupil_id, MON, "AM", "/", today=MON)
        change = refused(lambda: record_mark(s, pupil_id, MON, "AM", "I", today=MON))
        assert change.field == "reason"
        assert str(change).startswith("Powód: zmiana / na I jest poprawką")
        years = str(refused(lambda: retention.set_period(s, "outbox", 0)))
        assert years.startswith("Lata przechowywania: 0 jest poza zakresem")


def test_in_polish_a_refused_editor_save_names_the_field_in_polish(polish: None) -> None:
    email = str(refused(ContactInput(name="Ann Ash", email="ann.example").validate))
    assert email == "E-mail: „ann.example” nie jest adresem e-mail (sprawdź go)"
    pupil = PupilInput(upn=make_upn(855, 4001, 2020, 1), forename="Ada", surname="Ash")
    dob = refused(lambda: pupil.validate(MON))
    assert dob.field == "Date of birth"
    assert str(dob).startswith("Data urodzenia: ") and "Date of birth" not in str(dob)
