"""The user guide's screenshots, made from the demo school so they always show the app as it is.

    python tools/guide_screenshots.py [OUTDIR]      (default: docs/guide/images)

Builds the demo store in a temporary folder, opens the real main window offscreen at 1280x800,
visits the pages and dialogs each guide page talks about, and saves a PNG of each. Run it after
changing a page, and look at the pictures before committing them.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlmodel import col, func, select

from apdesk.models import OutboxItem, Placement, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.upn import make_upn
from apdesk.services.demo import DEMO_PASSPHRASE, populate
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)
IMPORT_CSV = "UPN,Surname,Forename,DOB,Year,Tutor group\n" + "".join(
    f"{make_upn(855, 4001, 26, 300 + i)},{surname},{forename},{dob},{year},{year}B\n"
    for i, (surname, forename, dob, year) in enumerate(
        [("Ashdown", "Mia", "14/03/2013", 8), ("Bell", "Noah", "02/11/2012", 9),
         ("Okafor", "Tayo", "21/06/2011", 10), ("Nowak", "Lena", "09/01/2013", 8)]
    )
)  # fmt: skip


def settle(rounds: int = 8) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


class Camera:
    """Saves widgets as PNGs, small: the guide ships them in the repository."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def __call__(self, widget: QWidget, name: str) -> None:
        widget.show()
        widget.raise_()
        settle()
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        path = self.out / f"{name}.png"
        image.save(str(path), "PNG", 0)  # type: ignore[call-overload]  # 0: the smallest file Qt can write
        self.saved.append(path)
        print(f"{path} {path.stat().st_size // 1024} KB")


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def shoot_dialog(
    shoot: Camera, name: str, opener: Callable[[], object], size: tuple[int, int] | None = None
) -> QDialog | None:
    """Run `opener` and photograph the dialog it opened (at `size` when given)."""
    before = set(open_dialogs())
    opener()
    settle()
    new = [d for d in open_dialogs() if d not in before]
    if not new:
        print(f"{name}: no dialog opened", file=sys.stderr)
        return None
    dialog = new[-1]
    if size is not None:
        dialog.resize(*size)
    shoot(dialog, name)
    return dialog


def close(dialog: QDialog | None) -> None:
    """Close without the unsaved-input question (the tour typed nothing worth keeping)."""
    if dialog is not None:
        mark_saved = getattr(dialog, "mark_saved", None)
        if callable(mark_saved):
            mark_saved()
        dialog.reject()
        settle()


def build_store(folder: Path, today: date) -> Store:
    store, _recovery = Store.create(
        folder, DEMO_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    populate(store, pupils=80, seed=7, today=today)  # with timetables, plans and the register
    with store.session() as session:
        queued = session.exec(select(func.count()).select_from(OutboxItem)).one()
    if not queued:  # the demo school's notifications to the LA, when the demo has them
        try:
            from apdesk.services.demo.outbox import populate_outbox
        except ImportError:
            return store
        with store.session() as session:
            populate_outbox(session, today)
    return store


def placement_id(store: Store, status: PlacementStatus) -> int:
    with store.session() as session:
        found = session.exec(
            select(Placement.id)
            .where(col(Placement.status) == status.value)
            .order_by(col(Placement.id))
        ).first()
    return int(found or 0)


def provider_return(store: Store, pupil_id: int) -> bytes:
    """A provider's CSV return for last week's Monday to Wednesday, one morning missed."""
    with store.session() as session:
        pupil = session.get(Pupil, pupil_id)
        upn = pupil.upn if pupil else ""
    today = date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    lines = ["UPN,Date,AM/PM,Mark,Comment"]
    for offset, half, code, note in (
        (0, "AM", "B", ""), (0, "PM", "B", ""), (1, "AM", "N", "Phoned in unwell"),
        (1, "PM", "B", ""), (2, "AM", "B", ""),
    ):  # fmt: skip
        day = (monday + timedelta(days=offset)).strftime("%d/%m/%Y")
        lines.append(f"{upn},{day},{half},{code},{note}")
    return ("\n".join(lines) + "\n").encode()


def first_setup(shoot: Camera, scratch: Path) -> None:
    from apdesk.ui.shell.setup_wizard import SetupWizard

    wizard = SetupWizard(scratch / "new-store", InlineTaskRunner(), kdf=KdfParams.fast())
    wizard.resize(720, 560)
    wizard.show()
    page = wizard.school_page
    for attr, text in {"name": "Riverside Academy", "urn": "123456", "la_code": "855"}.items():
        page.edits[attr].setText(text)
    shoot(wizard, "setup-1-school")
    wizard.next()
    wizard.passphrase_page.passphrase.edit.setText("marble kettle orchard lantern")
    wizard.passphrase_page.again.edit.setText("marble kettle orchard lantern")
    shoot(wizard, "setup-2-passphrase")
    wizard.next()
    shoot(wizard, "setup-3-recovery-key")
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    if wizard.store is not None:
        wizard.store.lock()


def review_with_register(reviews: QWidget, window: MainWindow, shoot: Camera) -> None:
    """The first review due whose pupil has register marks, so the dialog shows attendance."""
    table = reviews.table  # type: ignore[attr-defined]
    for row in range(table.model().rowCount()):
        table.setCurrentIndex(table.model().index(row, 0))
        current = reviews.current()  # type: ignore[attr-defined]
        if current is None or current.kind != "review":
            continue
        reviews.hold_review()  # type: ignore[attr-defined]
        settle()
        dialog = reviews.dialog  # type: ignore[attr-defined]
        if isinstance(dialog, QDialog) and "No register" in dialog.attendance.text():  # type: ignore[attr-defined]
            close(dialog)
            continue
        break
    else:
        return
    dialog.hide()
    shoot(window, "reviews")
    shoot(dialog, "review-dialog")
    close(dialog)


def tour(window: MainWindow, shoot: Camera, store: Store, scratch: Path) -> None:
    """Every page and dialog the guide shows, in the guide's order."""
    keys = [spec.key for spec in window.specs]

    def show(key: str) -> QWidget | None:
        if key not in keys:
            print(f"no {key} page yet", file=sys.stderr)
            return None
        window.sidebar.setCurrentRow(keys.index(key))
        settle()
        return window.pages[key]

    show("home")
    shoot(window, "home")

    active = placement_id(store, PlacementStatus.ACTIVE)
    with store.session() as session:
        placement = session.get(Placement, active)
        pupil_id = placement.pupil_id if placement else 0
    pupils = show("pupils")
    if pupils is not None:
        pupils.select_pupil(pupil_id)  # type: ignore[attr-defined]
        shoot(window, "pupils")
        csv = scratch / "pupils.csv"
        csv.write_text(IMPORT_CSV, encoding="utf-8")
        dialog = pupils.import_pupils()  # type: ignore[attr-defined]
        dialog.path.setText(str(csv))
        shoot(dialog, "import-1-choose")
        dialog.next()
        shoot(dialog, "import-2-columns")
        dialog.next()
        shoot(dialog, "import-3-check")
        close(dialog)

    placements = show("placements")
    if placements is not None:
        placements.select(active)  # type: ignore[attr-defined]
        shoot(window, "placements")
        editor = placements.open_placement(active)  # type: ignore[attr-defined]
        editor.resize(1240, 780)
        shoot(editor, "placement-editor")
        close(editor)
        for name, action in (("referral", "print_referral"), ("letter", "print_letter")):
            placements.select(active)  # type: ignore[attr-defined]
            opener = getattr(placements, action)
            close(shoot_dialog(shoot, f"print-{name}", opener, size=(1100, 760)))

    register = show("register")
    if register is not None:
        register.select_pupil(pupil_id)  # type: ignore[attr-defined]
        shoot(window, "attendance-register")
        register.open_import()  # type: ignore[attr-defined]
        dialog = register.import_dialog  # type: ignore[attr-defined]
        dialog.load(provider_return(store, pupil_id), "riverside-return.csv")
        shoot(dialog, "attendance-import")
        close(dialog)

    home = window.pages.get("home")
    measures = getattr(getattr(home, "dashboard", None), "measures", []) or []
    behind = [m for m in measures if m.placement_ids]
    wanted = [m for m in behind if "attend" in m.name] or behind
    show("home")
    if wanted:
        opener = lambda: home.show_behind(wanted[0])  # type: ignore[union-attr]  # noqa: E731
        close(shoot_dialog(shoot, "attendance-behind", opener, size=(960, 480)))

    timetables = show("timetables")
    if timetables is not None:
        combo = timetables.pupil_combo  # type: ignore[attr-defined]
        if combo.count() > 1:
            combo.setCurrentIndex(1)
        shoot(window, "timetable")
        close(shoot_dialog(shoot, "timetable-suggest", timetables.commands.suggest))  # type: ignore[attr-defined]

    reviews = show("reviews")
    if reviews is not None:
        review_with_register(reviews, window, shoot)

    if show("outbox") is not None:
        shoot(window, "outbox")
    sync_ui = getattr(window, "sync_ui", None)
    if sync_ui is not None:
        close(shoot_dialog(shoot, "la-settings", sync_ui.settings_action.trigger))

    show("home")
    security = window.security_ui.actions[0]
    dialog = shoot_dialog(shoot, "security-passphrase", security.trigger)
    if dialog is not None:
        tabs = dialog.tabs  # type: ignore[attr-defined]
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            label = tabs.tabText(index).replace("&", "").lower().replace(" ", "-")
            shoot(dialog, f"security-{label}")
        close(dialog)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "guide" / "images"
    app = QApplication.instance() or QApplication(argv[:1])
    scratch = Path(tempfile.mkdtemp(prefix="apdesk-guide-"))
    os.environ["APDESK_HOME"] = str(scratch)
    from apdesk.ui.theme.apply import install_theme

    install_theme(app, QSettings(str(scratch / "look.ini"), QSettings.Format.IniFormat))
    shoot = Camera(out)
    first_setup(shoot, scratch)
    store = build_store(scratch / "demo", date.today())
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store.folder, InlineTaskRunner(), settings, store=store)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    settle()
    tour(window, shoot, store, scratch)
    window.close()
    ctx.lock()
    shutil.rmtree(scratch, ignore_errors=True)
    total = sum(p.stat().st_size for p in shoot.saved)
    print(f"{len(shoot.saved)} screenshots, {total // 1024} KB")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
