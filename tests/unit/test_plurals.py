"""Counts read as words: no "review(s)" or "1 pupils", in English or in Polish's three forms."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from apdesk.i18n import DEFAULT_LOCALE, ngettext, set_locale

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "locale" / "apdesk.pot"


def test_no_message_hedges_its_plural_with_s_in_brackets() -> None:
    with TEMPLATE.open("rb") as f:
        ids = [m.id for m in read_po(f) if m.id]
    hedged = [i for i in ids if "(s)" in (i if isinstance(i, str) else " ".join(i))]
    assert not hedged


def test_counts_take_the_right_form_in_english_and_polish() -> None:
    def overdue(n: int) -> str:
        return ngettext("{n} review overdue", "{n} reviews overdue", n).format(n=n)

    set_locale(DEFAULT_LOCALE)
    assert [overdue(n) for n in (1, 2)] == ["1 review overdue", "2 reviews overdue"]
    set_locale("pl_PL")
    try:
        assert [overdue(n) for n in (1, 3, 5, 22)] == [
            "1 zaległy przegląd",
            "3 zaległe przeglądy",
            "5 zaległych przeglądów",
            "22 zaległe przeglądy",
        ]
    finally:
        set_locale(DEFAULT_LOCALE)
