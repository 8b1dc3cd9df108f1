"""Every control and component on one sheet, rendered in every scheme to PNGs.

    python tools/widget_gallery.py OUTDIR [--scale 1 2] [--text-size normal]

Writes gallery-<scheme>@<scale>x.png for light, dark and high contrast. Runs offscreen.
tests/ui/test_theme.py renders the same `Gallery` in every scheme and text size and fails on
any stylesheet warning. Sample words only, never a person's data, and never translated: it is
a developer's sheet, not part of the program.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.ui.theme.apply import Appearance, install_theme
from apdesk.ui.theme.icon_names import ICONS
from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.tokens import SCHEMES, SPACING, TEXT_SIZES
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.card import Card, KpiTile
from apdesk.ui.widgets.chip import StatusChip
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.page_header import PageHeader
from apdesk.ui.widgets.toast import Toast


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(SPACING["sm"])
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    return label


class Gallery(QWidget):
    """Built with sample words, never a person's data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("apdesk widget gallery")
        self.setAccessibleName("Widget gallery")
        grid = QGridLayout(self)
        grid.setContentsMargins(SPACING["xl"], SPACING["lg"], SPACING["xl"], SPACING["lg"])
        grid.setHorizontalSpacing(SPACING["xxl"])
        grid.setVerticalSpacing(SPACING["lg"])
        grid.addWidget(self._header(), 0, 0, 1, 3)
        grid.addLayout(self._controls(), 1, 0)
        grid.addLayout(self._components(), 1, 1)
        grid.addLayout(self._views(), 1, 2)
        grid.addWidget(self._icons(), 2, 0, 1, 3)
        self.toast = Toast(self)
        self.toast.show_message("Saved: the placement is now Referred.")

    def _header(self) -> PageHeader:
        header = PageHeader("Placements", "77 placements · 32 active · 3 packs waiting to send")
        for text, name, primary in (
            ("Print…", "action.print", False),
            ("Import…", "action.import", False),
            ("New placement…", "action.new", True),
        ):
            action = QAction(icon(name, "on_accent" if primary else "fg"), text, self)
            header.add_action(action, primary=primary)
        return header

    def _controls(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SPACING["sm"])
        column.addWidget(_label("Page title", "page-title"))
        column.addWidget(_label("Section heading", "section"))
        column.addWidget(_label("Body text: every pupil on roll needs a code for every session."))
        column.addWidget(_label("Caption: updated 2 minutes ago", "caption"))
        column.addWidget(_label("Buttons", "section"))
        primary = QPushButton(icon("action.save", "on_accent"), "Save")
        primary.setProperty("variant", "primary")
        disabled_primary = QPushButton("Send")
        disabled_primary.setProperty("variant", "primary")
        disabled_primary.setEnabled(False)
        danger = QPushButton(icon("action.delete", "danger"), "Delete")
        danger.setProperty("variant", "danger")
        plain = QPushButton(icon("action.print"), "Print")
        off = QPushButton("Disabled")
        off.setEnabled(False)
        tool = QToolButton()
        tool.setIcon(icon("action.refresh"))
        tool.setAccessibleName("Refresh")
        column.addLayout(_row(primary, plain, danger))
        column.addLayout(_row(disabled_primary, off, tool))
        column.addWidget(_label("Fields", "section"))
        self.focused = QLineEdit("Riverside Academy")
        empty = QLineEdit()
        empty.setPlaceholderText("Search pupils")
        gone = QLineEdit("Not editable now")
        gone.setEnabled(False)
        combo = QComboBox()
        combo.addItems(["Every status", "Draft", "Referred", "Active", "Ended"])
        spin = QSpinBox()
        spin.setValue(15)
        date = QDateEdit(QDate(2026, 9, 1))
        date.setCalendarPopup(True)
        notes = QPlainTextEdit("Notes wrap onto the next line.")
        notes.setFixedHeight(56)
        for widget in (self.focused, empty, gone):
            column.addWidget(widget)
        column.addLayout(_row(combo, spin, date))
        column.addWidget(notes)
        column.addWidget(_label("Choices", "section"))
        checked = QCheckBox("Medical needs")
        checked.setChecked(True)
        partly = QCheckBox("Some reasons")
        partly.setTristate(True)
        partly.setCheckState(Qt.CheckState.PartiallyChecked)
        gone_check = QCheckBox("Disabled")
        gone_check.setChecked(True)
        gone_check.setEnabled(False)
        on = QRadioButton("Morning")
        on.setChecked(True)
        column.addLayout(_row(checked, QCheckBox("Bullying"), partly, gone_check))
        column.addLayout(_row(on, QRadioButton("Afternoon")))
        column.addStretch(1)
        return column

    def _components(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SPACING["sm"])
        column.addWidget(_label("Banners", "section"))
        column.addWidget(Banner("info", "Showing 3 of 77 placements: those due a review."))
        column.addWidget(Banner("success", "Sent: the LA has the notification."))
        column.addWidget(Banner("warning", "Marks missing for 8 sessions.", action="Open register"))
        column.addWidget(Banner("danger", "Not sent: the LA refused the token.", dismissible=True))
        column.addWidget(_label("Tiles and cards", "section"))
        tiles = QHBoxLayout()
        tiles.addWidget(KpiTile("Pupils in AP now", "27", "in 32 placements", clickable=True))
        tiles.addWidget(KpiTile("Attendance in AP", "75.6%", "1,138 of 1,506 sessions"))
        column.addLayout(tiles)
        card = Card("Key contact")
        card.body.addWidget(QLabel("Ms R. Ellery, SENCO and AP coordinator"))
        chips = QHBoxLayout()
        for state in ("draft", "referred", "active", "ended"):
            chips.addWidget(StatusChip(state, state.capitalize()))
        chips.addStretch(1)
        card.body.addLayout(chips)
        column.addWidget(card)
        empty = EmptyState(
            "empty.list",
            "No placements yet.",
            "A placement puts a pupil with a provider for a while.",
            action="New placement…",
        )
        column.addWidget(empty)
        column.addStretch(1)
        return column

    def _views(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SPACING["sm"])
        column.addWidget(_label("Tables and tabs", "section"))
        tabs = QTabWidget()
        table = QTableWidget(6, 3)
        table.setHorizontalHeaderLabels(["Pupil", "Provider", "Status"])
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = [
            ("Mia Ashdown", "Calm Minds", "state.queued", "Queued"),
            ("Jay Northcott", "Northbridge Online", "state.sending", "Sending"),
            ("Sam Dunmore", "Motor Skills Workshop", "state.delivered", "Delivered"),
            ("Daisy Bramall", "Green Shoots Farm", "state.attention", "Needs attention"),
            ("Mo Ingram", "Brightpath Tutoring", "state.overdue", "Review overdue"),
            ("Theo Upton", "Oakwood Centre", "state.warning", "1 warning"),
        ]
        for r, (pupil, provider, state, word) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(pupil))
            table.setItem(r, 1, QTableWidgetItem(provider))
            table.setItem(r, 2, QTableWidgetItem(icon(state), word))
        table.selectRow(2)
        table.resizeColumnsToContents()
        table.setMinimumHeight(230)
        tabs.addTab(table, "Placements")
        tabs.addTab(QWidget(), "Reviews")
        tabs.addTab(QWidget(), "History")
        column.addWidget(tabs)
        pages = QListWidget()
        pages.setObjectName("Sidebar")
        pages.ensurePolished()  # items laid out before the stylesheet's padding overlap
        pages.setIconSize(QSize(20, 20))
        for key in ("home", "pupils", "placements", "register"):
            QListWidgetItem(icon(f"page.{key}"), key.capitalize(), pages)
        pages.setCurrentRow(2)
        pages.setFixedHeight(170)
        column.addWidget(_label("Sidebar", "section"))
        column.addWidget(pages)
        progress = QProgressBar()
        progress.setValue(62)
        column.addWidget(progress)
        column.addStretch(1)
        return column

    def _icons(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING["md"])
        for n, name in enumerate(ICONS):
            button = QToolButton()
            button.setIcon(icon(name))
            button.setIconSize(QSize(20, 20))
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setAutoRaise(True)
            grid.addWidget(button, n // 32, n % 32)
        return box


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0, 2.0])
    parser.add_argument("--text-size", choices=sorted(TEXT_SIZES), default="normal")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    scratch = Path(tempfile.mkdtemp(prefix="apdesk-gallery-"))
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    manager = install_theme(app, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    for scheme in SCHEMES:
        manager.preview(Appearance(scheme, args.text_size))
        gallery = Gallery()
        gallery.show()
        gallery.resize(gallery.sizeHint().expandedTo(gallery.size()))
        gallery.focused.setFocus()
        gallery.activateWindow()
        for _ in range(5):
            app.processEvents()
        for scale in args.scale:
            image = gallery.grab().toImage() if scale == 1 else _render(gallery, scale)
            path = args.out / f"gallery-{scheme}@{scale:g}x.png"
            image.save(str(path))
            print(path)
        gallery.close()
        gallery.deleteLater()
    return 0


def _render(widget: Gallery, scale: float):  # type: ignore[no-untyped-def]
    """The widget drawn at `scale` device pixels per pixel (what a HiDPI screen shows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap

    size = widget.size() * scale
    pixmap = QPixmap(size)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    widget.render(pixmap)
    return pixmap.toImage()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
