"""In Polish an attendance mark is a register entry ("wpis"), never a grade ("ocena"): a Polish
attendance officer reading "ocena" would think of a pupil's marks for schoolwork. Ratings and
assessments keep "ocena", which is what they are."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from apdesk.i18n import _, ngettext
from apdesk.paths import resource_path

pytestmark = pytest.mark.usefixtures("polish")

POLISH_PO = resource_path("locale", "pl_PL", "LC_MESSAGES", "apdesk.po")

ATTENDANCE_MARKS = [
    "No mark yet",
    "Amend a mark",
    "Awaiting a mark",
    "Attendance marks",
    "no mark",
    "No register marks since the return",
    "Current marks as UPN, Date, Session, Code, ready for your MIS to import.",
    "Late returns: none. Every due mark has arrived.",
    '&Reason for any changed marks (optional; otherwise "Provider return" and the file name):',
]

MARK_WORD = re.compile(r"\b(mark|marks|marked|unmarked)\b", re.IGNORECASE)
# "Mark as left" takes a pupil off the school roll: nothing to do with the register.
NOT_ATTENDANCE = re.compile(r"\bas &?left\b", re.IGNORECASE)


@pytest.mark.parametrize("message", ATTENDANCE_MARKS)
def test_an_attendance_mark_is_a_register_entry(message: str) -> None:
    shown = _(message)
    assert shown != message, "untranslated"
    assert "wpis" in shown.lower()
    assert "ocen" not in shown.lower()


def test_counted_marks_are_entries_in_every_polish_form() -> None:
    shown = [
        ngettext("{n} attendance mark", "{n} attendance marks", n).format(n=n) for n in (1, 3, 5)
    ]
    assert shown == ["1 wpis obecności", "3 wpisy obecności", "5 wpisów obecności"]


def test_a_rating_is_still_a_grade() -> None:
    assert "ocen" in _("Not rated").lower()
    assert "ocen" in _("'{value}' is not a rating").lower()


def _mark_messages() -> list[tuple[str, str | None]]:
    """Every (singular, plural or None) msgid of the Polish catalogue using "mark" as a word."""
    with POLISH_PO.open("rb") as f:
        catalog = read_po(f)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        text = " ".join(ids)
        if MARK_WORD.search(text.replace("&", "")) and not NOT_ATTENDANCE.search(text):
            found.append((ids[0], ids[1] if len(ids) > 1 else None))
    return found


def test_no_message_about_marks_calls_them_grades() -> None:
    messages = _mark_messages()
    assert len(messages) > 30
    graded = []
    for singular, plural in messages:
        if plural is None:
            shown = [_(singular)]
        else:
            shown = [ngettext(singular, plural, n) for n in (1, 3, 5)]
        graded += [text for text in shown if "ocen" in text.lower()]
    assert graded == []
