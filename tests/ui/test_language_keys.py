"""The Language dialog and its restart question, driven from the keyboard alone: Tab walks the
choice and the buttons, Escape changes nothing, Enter saves; on the question, Enter and Escape
both leave the restart for later."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from apdesk import i18n
from apdesk.locale_choice import saved_choice
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.language import (
    RESTART_PROPERTY,
    SETTINGS_KEY,
    LanguageDialog,
    offer_restart,
    restart_wanted,
)
from apdesk.ui.shell.main_window import MainWindow


def opened(qtbot: QtBot, settings: QSettings) -> LanguageDialog:
    dialog = LanguageDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.combo.setFocus()
    return dialog


def pick_another(qtbot: QtBot, dialog: LanguageDialog) -> None:
    """Down on the closed list moves to the next language, as a keyboard user would."""
    before = dialog.chosen()
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Down)
    assert dialog.chosen() != before


def test_escape_closes_the_dialog_leaving_the_language_as_it_was(
    qtbot: QtBot, settings: QSettings
) -> None:
    settings.setValue(SETTINGS_KEY, "pl_PL")
    running, kept = i18n.current_locale(), saved_choice()
    dialog = opened(qtbot, settings)
    dialog.combo.setCurrentIndex(0)  # the computer's own language, then one step down
    pick_another(qtbot, dialog)
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == LanguageDialog.DialogCode.Rejected
    assert settings.value(SETTINGS_KEY) == "pl_PL"
    assert saved_choice() == kept
    assert i18n.current_locale() == running


def test_enter_saves_the_language_chosen(qtbot: QtBot, settings: QSettings) -> None:
    dialog = opened(qtbot, settings)
    pick_another(qtbot, dialog)
    chosen = dialog.chosen()
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert settings.value(SETTINGS_KEY) == chosen


def test_tab_goes_from_the_choice_to_save_then_cancel_and_back(
    qtbot: QtBot, settings: QSettings
) -> None:
    dialog = opened(qtbot, settings)
    visited: list[str] = []
    for _step in range(3):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
        here: QWidget | None = dialog.focusWidget()
        visited.append(
            here.text().replace("&", "") if isinstance(here, QPushButton) else type(here).__name__
        )
    assert visited == ["Save", "Cancel", "QComboBox"]


def answer_with(key: Qt.Key, seen: list[QMessageBox]) -> None:
    """Press `key` in the question, once it shows."""
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    seen.append(box)
    QtBot.keyClick(box.focusWidget() or box, key)


def test_enter_or_escape_on_the_restart_question_leaves_it_for_later(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        seen: list[QMessageBox] = []
        QTimer.singleShot(0, lambda k=key, s=seen: answer_with(k, s))
        assert offer_restart(window, "en_GB", "pl_PL") is False
        assert seen and not restart_wanted()
        assert window.isVisible()
        restart = next(b for b in seen[0].buttons() if b.text() == "&Restart now")
        assert restart.property("variant") == "plain"  # not painted as the one Enter presses
    QApplication.instance().setProperty(RESTART_PROPERTY, False)  # type: ignore[union-attr]
