"""The main pages in Polish and in the pseudo-locale: translated, and no label cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import clipped_widgets

from apdesk import i18n
from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell import language
from apdesk.ui.shell.language import (
    RESTART_PROPERTY,
    SETTINGS_KEY,
    LanguageDialog,
    apply_startup_language,
    choose_locale,
    offer_restart,
    restart_command,
    restart_wanted,
)
from apdesk.ui.shell.main_window import MainWindow


@pytest.fixture
def demo_store(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def build_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("locale", ["pl_PL", i18n.PSEUDO_LOCALE])
def test_main_pages_show_no_clipped_text(
    qtbot: QtBot, demo_store: Store, ctx: AppContext, locale: str
) -> None:
    set_locale(locale)
    window = build_window(qtbot, ctx)
    problems: dict[str, list[str]] = {}
    for row, spec in enumerate(window.specs):
        window.sidebar.setCurrentRow(row)
        # Twice, as the event loop would: the page lays itself out, then the window takes the
        # new minimum size that asks for.
        QApplication.processEvents()
        QApplication.processEvents()
        found = clipped_widgets(window.pages[spec.key])
        if found:
            problems[spec.key] = found
    problems_in_shell = clipped_widgets(window.statusBar())
    assert not problems and not problems_in_shell, (problems, problems_in_shell)
    if locale == "pl_PL":  # Polish must fit a 1280-pixel-wide screen, sidebar included
        assert window.minimumSizeHint().width() <= 1280
        assert window.sidebar.item(0).text() == "Start"
        assert window.menuBar().actions()[0].text() == "&Plik"
    else:
        assert all(window.sidebar.item(r).text().startswith("[") for r in range(3))


def test_pseudo_locale_shows_every_label_through_the_catalog(
    qtbot: QtBot, demo_store: Store, ctx: AppContext
) -> None:
    """Text from the program (not from the data) comes back accented and bracketed."""
    set_locale(i18n.PSEUDO_LOCALE)
    window = build_window(qtbot, ctx)
    window.sidebar.setCurrentRow([s.key for s in window.specs].index("placements"))
    page = window.pages["placements"]
    labels = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()]
    assert labels and all(text.startswith("[") for text in labels[:2]), labels


def test_language_follows_the_setting_then_the_system() -> None:
    known = ["en_GB", "pl_PL", "en_XA"]
    assert choose_locale("", "pl_PL", known) == "pl_PL"
    assert choose_locale("", "pl", known) == "pl_PL"
    assert choose_locale("", "pl_PL.UTF-8", known) == "pl_PL"
    assert choose_locale("", "fr_FR", known) == "en_GB"
    assert choose_locale("", "en_XA", known) == "en_GB"  # never picked up by accident
    assert choose_locale("en_XA", "pl_PL", known) == "en_XA"
    assert choose_locale("en_GB", "pl_PL", known) == "en_GB"
    assert choose_locale("de_DE", "pl_PL", known) == "pl_PL"


def test_startup_applies_the_saved_choice_or_the_system_language(
    qapp: QApplication, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "system_locale", lambda: "pl_PL")
    assert apply_startup_language(settings) == "pl_PL"
    assert i18n._("&Save") == "&Zapisz"
    settings.setValue(SETTINGS_KEY, "en_GB")
    assert apply_startup_language(settings) == "en_GB"
    assert i18n._("&Save") == "&Save"


def test_language_dialog_saves_the_choice_for_the_next_start(
    qtbot: QtBot, settings: QSettings
) -> None:
    dialog = LanguageDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.combo.setCurrentIndex(dialog.combo.findData("pl_PL"))
    dialog.accept()
    assert settings.value(SETTINGS_KEY) == "pl_PL"
    again = LanguageDialog(settings)
    qtbot.addWidget(again)
    assert again.chosen() == "pl_PL"
    # The pseudo-locale is for checking layouts: not offered to a school choosing a language.
    assert [again.combo.itemData(i) for i in range(again.combo.count())] == ["", "en_GB", "pl_PL"]
    settings.setValue(SETTINGS_KEY, "en_XA")
    tester = LanguageDialog(settings)
    qtbot.addWidget(tester)
    assert tester.chosen() == "en_XA"  # someone already using it can still see what it is


def test_the_view_menu_offers_the_language_beside_the_appearance(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = build_window(qtbot, ctx)
    action = window.language_action  # type: ignore[attr-defined]
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert action in menus["&View"].actions()
    assert [a.text() for a in menus["&View"].actions()] == ["&Appearance…", "&Language…"]
    assert action not in menus["&Help"].actions()
    assert list(menus).count("&View") == 1
    action.trigger()
    dialog = window.findChild(LanguageDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_new_language_offers_a_restart_that_asks_about_unsaved_work_first(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """Restart now closes the window the way Quit does; if the user keeps the window (Cancel on
    an unsaved editor), nothing restarts. Later leaves it for the next start."""
    window = build_window(qtbot, ctx)
    refuse = {"close": True}
    window.closeEvent = lambda event: event.ignore() if refuse["close"] else event.accept()
    answers = iter(["&Later", "&Restart now", "&Restart now"])

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                   and w.isVisible())  # fmt: skip
        assert "Polski" in box.text() or "polski" in box.text()
        wanted = next(answers)
        next(b for b in box.buttons() if b.text() == wanted).click()

    for expected in (False, False):  # Later; then Restart now, but the window is kept
        QTimer.singleShot(0, answer)
        assert offer_restart(window, "en_GB", "pl_PL") is expected
        assert not restart_wanted()
    refuse["close"] = False
    QTimer.singleShot(0, answer)
    assert offer_restart(window, "en_GB", "pl_PL") is True
    assert restart_wanted()
    QApplication.instance().setProperty(RESTART_PROPERTY, False)  # type: ignore[union-attr]
    assert offer_restart(window, "pl_PL", "pl_PL") is False  # no change: nothing to offer


def test_a_restart_starts_the_same_apdesk_on_the_same_store() -> None:
    argv = ["/usr/bin/apdesk", "--store", "/srv/ap"]
    assert restart_command(argv, "/usr/bin/python3", False) == [
        "/usr/bin/python3", "-m", "apdesk", "--store", "/srv/ap"
    ]  # fmt: skip
    assert restart_command(["apdesk", "--demo"], "/opt/apdesk/apdesk", True) == [
        "/opt/apdesk/apdesk", "--demo"
    ]  # fmt: skip
