"""Figures, times and Qt's own words in the reader's language: a Polish SENCO reads 82,7%,
the audit log's times in the same date style as every other screen, and Anuluj, not Cancel."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.placements import add_provider, audit_all

from apdesk import i18n
from apdesk.models import ProviderAudit
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.register import RegisterCell
from apdesk.services.measures.dashboard import Overview
from apdesk.services.measures.display import detail_text, figure_text, target_text
from apdesk.services.measures.model import COUNT, RATE, SHARE, Measure
from apdesk.services.school import SchoolDetails
from apdesk.store import Store
from apdesk.ui.audit.model import WHEN, AuditModel
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.shell import language

Buttons = QDialogButtonBox.StandardButton


def _measure(kind: str, value: float, numerator: int, denominator: int) -> Measure:
    return Measure("attendance_ap", "Attendance", "", kind, numerator, denominator, value,
                   target=0.95)  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "rate", "count", "sessions"),
    [
        ("en_GB", "82.7%", "1,208", "1,208 of 1,461 sessions"),
        (
            "pl_PL",
            "82,7%",
            "1\N{NO-BREAK SPACE}208",
            "1\N{NO-BREAK SPACE}208 z 1\N{NO-BREAK SPACE}461 sesji",
        ),
    ],
)
def test_home_figures_are_written_the_locales_way(
    locale: str, rate: str, count: str, sessions: str
) -> None:
    i18n.set_locale(locale)
    assert figure_text(_measure(RATE, 0.8268, 1208, 1461)) == rate
    assert figure_text(_measure(COUNT, 1208, 1208, 1208)) == count
    assert detail_text(_measure(RATE, 0.8268, 1208, 1461)) == sessions
    assert target_text(_measure(SHARE, 0.5, 1, 2)).endswith("95%")
    one, two = (detail_text(_measure(COUNT, n, n, n)) for n in (1, 2))
    assert (one, two) == (("pupil", "pupils") if locale == "en_GB" else ("uczeń", "uczniowie"))


def test_severe_absence_says_whose_pupils_it_counts() -> None:
    """Beside "27 pupils in AP now", a bare "3 of 29 pupils" looked like a wrong sum."""
    i18n.set_locale("en_GB")
    severe = Measure("severe_absence", "Severely absent", "", SHARE, 3, 29, 3 / 29)
    assert detail_text(severe) == "3 of 29 pupils in AP in the period"


def test_polish_shares_take_the_polish_plural() -> None:
    i18n.set_locale("pl_PL")
    shares = [detail_text(_measure(SHARE, 0.5, 1, d)) for d in (1, 3, 5)]
    assert shares == [
        "1 z 1 umieszczenia trwającego w tym okresie",
        "1 z 3 umieszczeń trwających w tym okresie",
        "1 z 5 umieszczeń trwających w tym okresie",
    ]


def test_home_tiles_group_thousands_in_the_locale(ctx: AppContext, qtbot: QtBot) -> None:
    i18n.set_locale("pl_PL")
    page = HomePage(ctx)
    qtbot.addWidget(page)
    key = next(iter(page.values))
    page.show_overview(Overview(SchoolDetails(name="Szkoła"), {key: 12080}))
    assert page.values[key].text() == "12\N{NO-BREAK SPACE}080"
    i18n.set_locale("en_GB")
    page.show_overview(Overview(SchoolDetails(name="School"), {key: 12080}))
    assert page.values[key].text() == "12,080"


def test_audit_times_use_the_one_date_style_and_a_24_hour_clock() -> None:
    at = datetime(2027, 1, 11, 14, 5, 9, tzinfo=UTC)
    local = at.astimezone()
    i18n.set_locale("pl_PL")
    text = i18n.format_date_time(at)
    assert text == f"{i18n.format_date(local.date())} {local:%H:%M:%S}"
    assert "stycznia 2027" in text and "/" not in text
    model = AuditModel()
    assert WHEN == 0 and model.columnCount() > WHEN


def test_qts_own_buttons_speak_polish(qapp: QApplication, settings: QSettings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(language, "system_locale", lambda: "pl_PL")
    try:
        assert language.apply_startup_language(settings) == "pl_PL"
        box = QDialogButtonBox(Buttons.Save | Buttons.Discard | Buttons.Cancel | Buttons.Close)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts.isdisjoint({"Save", "Discard", "Cancel", "Close"}), texts
        assert "Anuluj" in texts and "Zamknij" in texts
    finally:
        settings.setValue(language.SETTINGS_KEY, "en_GB")
        language.apply_startup_language(settings)
    box = QDialogButtonBox(Buttons.Cancel)
    assert box.buttons()[0].text().replace("&", "") == "Cancel"


def test_without_qts_translations_apdesk_says_the_button_words(
    qapp: QApplication, tmp_path: Path
) -> None:
    i18n.set_locale("pl_PL")
    try:
        language._load_qt_translations("pl_PL", folder=str(tmp_path))  # no qtbase_pl.qm here
        assert isinstance(language._qt_translators[0], language.StandardButtonWords)
        box = QDialogButtonBox(Buttons.Save | Buttons.Discard | Buttons.Cancel | Buttons.Close)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Zapisz", "Odrzuć", "Anuluj", "Zamknij"}, texts
    finally:
        i18n.set_locale("en_GB")
        language._load_qt_translations("en_GB")


def test_audit_changes_show_dates_as_every_other_screen_does() -> None:
    from apdesk.services.audit_log import AuditRow, describe_change

    row = AuditRow(1, datetime(2027, 1, 11, tzinfo=UTC), "senco", "update", "followup", "4",
                   {"done_on": None, "note": "2027-99 plan"},
                   {"done_on": "2026-10-09", "note": "Seen"})  # fmt: skip
    i18n.set_locale("pl_PL")
    text = describe_change(row)
    assert "Data sprawdzenia: (puste) → 9 października 2026" in text, text
    assert "9 października 2026" in text and "2026-10-09" not in text
    assert "2027-99 plan" in text  # text that only starts like a date stays as written


def test_year_groups_are_named_in_the_readers_language(ctx: AppContext, qtbot: QtBot) -> None:
    from apdesk.ui.pupils.page import PupilsPage

    i18n.set_locale("pl_PL")
    try:
        page = PupilsPage(ctx)
        qtbot.addWidget(page)
        years = [page.year_filter.itemText(i) for i in range(page.year_filter.count())]
        assert "Zerówka" in years and "Rok 8" in years, years
        assert not any(text.startswith("Year ") for text in years), years
    finally:
        i18n.set_locale("en_GB")


def test_polish_register_headers_and_qa_reasons_have_no_english_words(
    ctx: AppContext, store: Store
) -> None:
    """A Polish register says "rano"/"po poł.", and a provider's audits are named in Polish in
    the sentence about them ("Audyt BHP wkrótce", not "Health and safety audit wkrótce")."""
    from apdesk.services.qa import assess_qa
    from apdesk.ui.register.model import cell_speech
    from apdesk.ui.register.words import half_text

    with store.session() as session:
        provider = add_provider(session, "Willow Farm Learning")
        soon = date.today() - timedelta(days=350)
        audit_all(session, provider.id or 0, soon)
        audits = session.exec(select(ProviderAudit)).all()
        i18n.set_locale("pl_PL")
        try:
            reasons = assess_qa(provider, audits, date.today()).reasons
            halves = [half_text(AmPm.AM), half_text(AmPm.PM)]
            speech = cell_speech(date.today(), AmPm.PM, RegisterCell())
        finally:
            i18n.set_locale("en_GB")
    assert halves == ["rano", "po poł."]
    assert speech.startswith("po poł.")
    assert reasons and all("audit" not in reason for reason in reasons), reasons
    assert any(reason.startswith("Audyt BHP") for reason in reasons), reasons
