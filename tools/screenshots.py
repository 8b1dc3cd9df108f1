"""Screenshots of the main window and dialogs, for the docs and for looking at layout changes.

    python tools/screenshots.py OUTDIR [--store DIR] [--scheme light|dark|hc] [--lang pl_PL]
                                       [--pages]

Without --store it builds a demo school in a temporary folder. The window wears apdesk's look
in the scheme asked for (light by default), in the language asked for (British English by
default). With --pages it shows every page of the sidebar at 1366x768, a school laptop's
screen, instead of the dialogs. Works under Xvfb or with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from apdesk.i18n import DEFAULT_LOCALE, set_locale
from apdesk.services.demo import DEMO_PASSPHRASE, populate
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.security.unlock_dialog import UnlockDialog
from apdesk.ui.shell.about import AboutDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.setup_wizard import SetupWizard
from apdesk.ui.theme.apply import Appearance, install_theme


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)

    def __call__(self, widget: QWidget, name: str) -> None:
        widget.show()
        widget.raise_()
        for _ in range(5):
            QApplication.processEvents()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)


def demo_store(folder: Path | None, scratch: Path) -> Store:
    if folder is not None:
        passphrase = os.environ.get("APDESK_PASSPHRASE", DEMO_PASSPHRASE)
        return Store.open(folder, passphrase=passphrase)
    store, _recovery = Store.create(scratch / "demo", DEMO_PASSPHRASE, use_keyring=False)
    populate(store, pupils=200, seed=7)
    return store


def shoot_pages(window: MainWindow, shoot: Shooter) -> None:
    """Every page of the sidebar, in order, at the size of a common school laptop's screen."""
    window.resize(1366, 768)
    for row, spec in enumerate(window.specs):
        window.sidebar.setCurrentRow(row)
        for _ in range(20):
            QApplication.processEvents()
        shoot(window, f"page-{row + 1:02d}-{spec.key}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--store", type=Path, help="an existing store (default: a new demo)")
    parser.add_argument("--scheme", choices=["light", "dark", "hc"], default="light")
    parser.add_argument("--lang", default=DEFAULT_LOCALE, help="a locale such as pl_PL")
    parser.add_argument("--pages", action="store_true", help="every page at 1366x768")
    args = parser.parse_args(argv)

    set_locale(args.lang)
    app = QApplication(sys.argv[:1])
    shoot = Shooter(args.out)
    scratch = Path(tempfile.mkdtemp(prefix="apdesk-shots-"))
    look = QSettings(str(scratch / "look.ini"), QSettings.Format.IniFormat)
    install_theme(app, look).set_appearance(Appearance(args.scheme, "normal"))
    tasks = InlineTaskRunner()
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    store = demo_store(args.store, scratch)
    ctx = AppContext(store.folder, tasks, settings, store=store)

    window = MainWindow(ctx)
    if args.pages:
        shoot_pages(window, shoot)
        window.close()
        ctx.lock()
        return 0
    window.resize(1100, 700)
    shoot(window, "main-window")
    about = AboutDialog(ctx, window)
    shoot(about, "about")
    about.close()

    unlock = UnlockDialog(store.folder, tasks)
    unlock.passphrase.edit.setText("not the passphrase")
    unlock.submit()
    shoot(unlock, "unlock-wrong-passphrase")
    unlock.show_recovery_page()
    unlock.new_passphrase.edit.setText("lantern otter")
    shoot(unlock, "unlock-recovery")
    unlock.close()

    wizard = SetupWizard(scratch / "new-store", tasks, kdf=KdfParams.fast())
    wizard.show()
    page = wizard.school_page
    for attr, text in {"name": "Riverside Academy", "urn": "12", "la_code": "855"}.items():
        page.edits[attr].setText(text)
    wizard.next()  # the URN is refused inline
    shoot(wizard, "wizard-1-school")
    page.edits["urn"].setText("123456")
    wizard.next()
    wizard.passphrase_page.passphrase.edit.setText("marble kettle orchard")
    shoot(wizard, "wizard-2-passphrase")
    wizard.passphrase_page.again.edit.setText("marble kettle orchard")
    wizard.next()
    for _ in range(5):
        app.processEvents()
    shoot(wizard, "wizard-3-recovery")
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    if wizard.store is not None:
        wizard.store.lock()

    window.lock_action.trigger()
    if window.unlock_dialog is not None:
        window.unlock_dialog.reject()
    shoot(window, "main-window-locked")
    window.close()
    ctx.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
