"""apdesk's GUI on the demo store, as `apdesk --demo` starts it, with a test door on stdin.

The accessibility harness starts this instead of `apdesk --demo` for two things an assistive
technology cannot know: what each label really shows on screen (to catch a label whose
accessible name hides its text) and planted faults (to prove the harness catches them). One
JSON command per line on stdin; one JSON answer per line on stdout, after the line `READY`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QSocketNotifier, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyle,
    QToolButton,
    QWidget,
)

PLANTED = "a11y-planted"


def plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def labels() -> list[dict[str, Any]]:
    """Every label on screen: the text it shows, its accessible name and where it is."""
    found = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for label in window.findChildren(QLabel):
            if (
                not label.isVisible()
                or not label.text()
                or (label.pixmap() is not None and (not label.pixmap().isNull()))
            ):
                continue
            top_left = label.mapToGlobal(label.rect().topLeft())
            found.append(
                {
                    "text": plain(label),
                    "name": label.accessibleName(),
                    "rect": [top_left.x(), top_left.y(), label.width(), label.height()],
                }
            )
    return found


class TabEater(QLineEdit):
    """A field that keeps Tab for itself, as a hand-made editor might: a keyboard trap."""

    def event(self, event: QEvent) -> bool:
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and (event.key() in tab)
        ):
            self.insert("    ")
            return True
        return super().event(event)


def main_window() -> QMainWindow:
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QMainWindow) and window.isVisible():
            return window
    raise LookupError("no main window")


def plant(fault: str) -> dict[str, Any]:
    """Add one deliberate accessibility fault to the window's status bar."""
    window = main_window()
    widget: QWidget
    if fault == "unnamed-button":
        button = QToolButton()
        button.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget = button
    elif fault == "tab-trap":
        trap = TabEater()
        trap.setAccessibleName("Planted notes")
        widget = trap
    elif fault == "group-caption":
        # A group's caption tied to its first box, as a form row's caption would be.
        widget = QWidget()
        row = QHBoxLayout(widget)
        caption = QLabel("Planted reasons:")
        box = QCheckBox("Planted exclusion")
        box.setAccessibleName("Planted exclusion")
        caption.setBuddy(box)
        row.addWidget(caption)
        row.addWidget(box)
    elif fault == "masking-label":
        widget = QLabel("Placed on 3 March 2027 at Brookside")
        widget.setAccessibleName("Placement start")
    else:
        raise ValueError(fault)
    widget.setObjectName(PLANTED)
    window.statusBar().addWidget(widget)
    widget.show()
    return {"planted": fault}


def unplant() -> dict[str, Any]:
    removed = 0
    for widget in main_window().findChildren(QWidget, PLANTED):
        widget.hide()
        widget.setParent(None)
        widget.deleteLater()
        removed += 1
    return {"removed": removed}


def answer(line: str) -> None:
    request = json.loads(line)
    cmd = request.pop("cmd")
    try:
        if cmd == "labels":
            reply: dict[str, Any] = {"labels": labels()}
        elif cmd == "plant":
            reply = plant(request["fault"])
        elif cmd == "unplant":
            reply = unplant()
        elif cmd == "quit":
            QApplication.quit()
            reply = {}
        else:
            raise ValueError(cmd)
        reply = {"ok": True, **reply}
    except Exception as exc:
        reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def main() -> int:
    app = QApplication(sys.argv[:1])
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)

    def readable() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
            QApplication.quit()
            return
        if line.strip():
            answer(line)

    notifier.activated.connect(readable)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    from apdesk.ui.shell.launch import run_gui

    return run_gui(store=None, demo=True)


if __name__ == "__main__":
    raise SystemExit(main())
