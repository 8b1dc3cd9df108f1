"""Choosing the language: the one picked in View > Language…, else the computer's own.

Catalogs are read once at start, before any window is built, so a change applies when apdesk
starts again; the dialog offers to restart it at once (closing the window asks about unsaved
work first), so nothing half-translated is ever on screen.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import (
    DEFAULT_LOCALE,
    LANGUAGE_NAMES,
    N_,
    PSEUDO_LOCALE,
    _,
    available_locales,
    current_locale,
    set_locale,
)
from apdesk.locale_choice import save_choice
from apdesk.ui.core import settings_keys
from apdesk.ui.shell.help_menu import menu_named
from apdesk.ui.theme.props import restyle

SETTINGS_KEY = settings_keys.LANGUAGE.name
FOLLOW_SYSTEM = ""  # stored value meaning "use the computer's language"
RESTART_PROPERTY = "apdesk_restart"  # set on the application: start again once it has quit
_qt_translators: list[QTranslator] = []


def system_locale() -> str:
    """The computer's language: APDESK_LANGUAGE (for support calls), else Qt's reading of the OS."""
    return os.environ.get("APDESK_LANGUAGE") or QLocale.system().name()


def choose_locale(chosen: str, system: str, available: list[str] | None = None) -> str:
    """The locale to use: the chosen one if we have it, else the system's (matched on the
    language when the country differs, pl_PL for pl), else the source language."""
    known = available if available is not None else available_locales()
    if chosen and chosen in known:
        return chosen
    real = [code for code in known if code != PSEUDO_LOCALE]
    if system in real:
        return system
    language = system.split("_")[0].split(".")[0]
    return next((code for code in real if code.split("_")[0] == language), DEFAULT_LOCALE)


def saved_choice(settings: QSettings) -> str:
    return str(settings.value(SETTINGS_KEY, FOLLOW_SYSTEM) or FOLLOW_SYSTEM)


def apply_startup_language(settings: QSettings) -> str:
    """Call once before the first window: switches catalogs, Qt's locale and Qt's own texts."""
    locale = choose_locale(saved_choice(settings), system_locale())
    set_locale(locale)
    if locale != PSEUDO_LOCALE:
        QLocale.setDefault(QLocale(locale))
    _load_qt_translations(locale)
    return locale


# Qt's own words on standard buttons (QPlatformTheme's source texts), for when Qt's
# translations are not installed beside it: then our catalogue says them.
QT_BUTTON_WORDS = frozenset(
    {
        N_("OK"), N_("Save"), N_("Save All"), N_("Open"), N_("&Yes"), N_("Yes to &All"),
        N_("&No"), N_("N&o to All"), N_("Abort"), N_("Retry"), N_("Ignore"), N_("Close"),
        N_("Cancel"), N_("Discard"), N_("Help"), N_("Apply"), N_("Reset"),
        N_("Restore Defaults"),
    }
)  # fmt: skip


class StandardButtonWords(QTranslator):
    """Translates Qt's standard button texts through apdesk's catalogue, and nothing else."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context in ("QPlatformTheme", "QDialogButtonBox") and source in QT_BUTTON_WORDS:
            return _(source)
        return ""  # not ours: Qt keeps its own text

    def isEmpty(self) -> bool:
        return False


def _load_qt_translations(locale: str, folder: str | None = None) -> None:
    """Qt's standard buttons (OK, Cancel, Close) in the same language: Qt's own translations
    where they are installed (the wheel ships them), else apdesk's words for the buttons."""
    app = QApplication.instance()
    for old in _qt_translators:
        if app is not None:
            app.removeTranslator(old)
    _qt_translators.clear()
    if app is None or locale in (DEFAULT_LOCALE, PSEUDO_LOCALE):
        return
    folder = folder or QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(QLocale(locale), "qtbase", "_", folder):
        translator = StandardButtonWords(app)
    app.installTranslator(translator)
    _qt_translators.append(translator)


def language_name(locale: str) -> str:
    return LANGUAGE_NAMES.get(locale) or QLocale(locale).nativeLanguageName() or locale


class LanguageDialog(QDialog):
    """Pick a language, or follow the computer's; saved in settings for the next start."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Language"))
        self.setAccessibleName(_("Language"))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(_("Language of apdesk and its letters"))
        system = choose_locale("", system_locale())
        self.combo.addItem(
            _("Same as this computer ({language})").format(language=language_name(system)),
            FOLLOW_SYSTEM,
        )
        for code in available_locales():
            # The pseudo-locale is for checking layouts (APDESK_LANGUAGE=en_XA), not a language
            # a school would choose: offered only to someone already using it.
            if code == PSEUDO_LOCALE and saved_choice(settings) != PSEUDO_LOCALE:
                continue
            self.combo.addItem(language_name(code), code)
        index = self.combo.findData(saved_choice(settings))
        self.combo.setCurrentIndex(max(index, 0))
        label = QLabel(_("&Language:"), self)
        label.setBuddy(self.combo)
        note = QLabel(
            _(
                "apdesk, its letters and forms change language the next time it starts. "
                "Dates and numbers follow the language too."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label, self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> str:
        return str(self.combo.currentData() or FOLLOW_SYSTEM)

    def accept(self) -> None:
        self.settings.setValue(SETTINGS_KEY, self.chosen())
        self.settings.sync()
        save_choice(self.chosen())  # the commands speak the same language
        super().accept()


def install_language(window: QMainWindow) -> QAction:
    """Adds View > Language… beside Appearance (the window needs a `ctx` with settings): both
    change how apdesk looks, and Help is where nobody looks for them."""
    action = QAction(_("&Language…"), window)
    action.setStatusTip(_("Choose the language of apdesk, its letters and forms"))
    menu_named(window, _("&View")).addAction(action)

    def show() -> None:
        dialog = LanguageDialog(window.ctx.settings, window)  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        before = current_locale()  # the language running now, whatever was saved since
        dialog.accepted.connect(lambda: offer_restart(window, before, dialog.chosen()))
        dialog.open()

    action.triggered.connect(show)
    window.language_action = action  # type: ignore[attr-defined]
    return action


def offer_restart(window: QMainWindow, before: str, chosen: str) -> bool:
    """Offer to start again in the language just chosen; True if the window is closing for it.
    Closing asks about unsaved work as quitting does; if the user keeps the window, no restart."""
    after = choose_locale(chosen, system_locale())
    if after == before:
        return False
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Language"))
    box.setText(_("apdesk will speak {language} when it starts again.").format(
        language=language_name(after)))  # fmt: skip
    box.setInformativeText(_("Restart now? Any unsaved changes are asked about first."))
    restart = box.addButton(_("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)
    # Enter and Escape both leave the restart for later, so no button looks like the one
    # Enter presses: the style had painted "Restart now", the accepting one, primary.
    restyle(restart, variant="plain")
    box.setDefaultButton(later)
    box.setEscapeButton(later)
    box.exec()
    if box.clickedButton() is not restart:
        return False
    app = QApplication.instance()
    if app is None:
        return False
    app.setProperty(RESTART_PROPERTY, True)
    if window.close():
        return True
    app.setProperty(RESTART_PROPERTY, False)  # the user kept the window open
    return False


def restart_wanted() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property(RESTART_PROPERTY))


def restart_command(argv: list[str], executable: str, frozen: bool) -> list[str]:
    """How to start this apdesk again with the same store: a bundle is its own program."""
    if frozen:
        return [executable, *argv[1:]]
    return [executable, "-m", "apdesk", *argv[1:]]
