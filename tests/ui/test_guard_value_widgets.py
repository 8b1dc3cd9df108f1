"""A field of apdesk's own (the school's logo) is input the unsaved-changes guard follows through
its value and its `changed` signal: no hidden text box stands in for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.services.demo.logo import demo_logo
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.input_scan import inputs_of
from apdesk.ui.widgets.logo_field import LogoField


class Stars(QWidget):
    """A made-up rating field: a value and a signal, no Qt input widget inside."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stars = 0

    def input_value(self) -> object:
        return self.stars

    def rate(self, stars: int) -> None:
        self.stars = stars
        self.changed.emit()


class Form(GuardedDialog):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Form")
        self.logo = LogoField(b"", self)
        self.stars = Stars(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.logo)
        layout.addWidget(self.stars)
        self.watch_input()

    def save(self) -> None:
        self.saved_and_close()


def test_a_field_with_a_value_and_a_changed_signal_is_followed(qtbot: QtBot) -> None:
    form = Form()
    qtbot.addWidget(form)
    assert form.stars in inputs_of(form) and form.logo in inputs_of(form)
    form.stars.rate(4)
    assert form.isWindowModified() and form.has_unsaved_input()
    form.stars.rate(0)
    assert not form.isWindowModified()


def test_a_logo_chosen_or_removed_is_a_change_without_a_hidden_text_box(qtbot: QtBot) -> None:
    form = Form()
    qtbot.addWidget(form)
    assert not form.logo.findChildren(QLineEdit)
    form.logo.set_logo(demo_logo())
    assert form.isWindowModified()
    form.mark_saved()
    form.logo.set_logo(b"")
    assert form.isWindowModified()
