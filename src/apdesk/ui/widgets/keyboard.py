"""The keyboard habits every view, date box and text box in apdesk shares, set in one place.

Qt's item views take Tab for moving between cells (`tabKeyNavigation`), so a keyboard user who
tabs into a table never gets out and nothing after it can be reached; Qt's date boxes take Tab
for moving between day, month and year, and its multi-line text boxes type a tab character. In
apdesk the arrow keys move within a control and Tab always moves on to the next one. And a
control that takes the focus inside a scrolled form is scrolled into view, however the focus
got there (Qt does so only for Tab pressed inside the form, not for the wrap from the dialog's
buttons back to the first field). `install` applies all this to every such control as it takes
the focus, the ones dialogs make included.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)


def keyboard_friendly(view: QAbstractItemView) -> QAbstractItemView:
    """Tab leaves the view; the arrow keys move within it."""
    view.setTabKeyNavigation(False)
    return view


def set_shortcut(button: QAbstractButton, sequence: str | QKeySequence) -> None:
    """Give `button` a shortcut and keep the Alt+letter of its text's &mnemonic: a button has
    one shortcut of its own, so setting one drops the mnemonic unless it is added back."""
    button.setShortcut(QKeySequence(sequence))
    mnemonic = QKeySequence.mnemonic(button.text())
    if not mnemonic.isEmpty() and mnemonic != button.shortcut():
        QShortcut(mnemonic, button, button.animateClick)


def move_focus(widget: QWidget, forward: bool = True) -> None:
    """Give the focus to the next (or previous) control Tab would reach after `widget`."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    window = widget.window()
    other = step(widget)
    while other is not None and other is not widget:
        takes_tab = other.focusPolicy() & Qt.FocusPolicy.TabFocus
        usable = other.isVisible() and other.isEnabled() and other.window() is window
        if takes_tab and usable and not widget.isAncestorOf(other) and other.focusProxy() is None:
            other.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return
        other = step(other)


class _TabLeaves(QObject):
    """On a date box: Tab and Shift+Tab move to the next control, never to the next section."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            move_focus(watched, forward=not backwards)
            return True
        return False


_TAB_LEAVES: list[_TabLeaves] = []


def _focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
    # Before the next key reaches it: a view (or its viewport) or date box that took the focus.
    if new is None:
        return
    parent = new.parent()
    view = new if isinstance(new, QAbstractItemView) else parent
    if isinstance(view, QAbstractItemView) and view.tabKeyNavigation():
        keyboard_friendly(view)
    box = new if isinstance(new, QDateTimeEdit) else parent
    if isinstance(box, QDateTimeEdit) and not box.property("apdesk_tab_leaves"):
        box.installEventFilter(_TAB_LEAVES[0])
        box.setProperty("apdesk_tab_leaves", True)
    text = new if isinstance(new, (QPlainTextEdit, QTextEdit)) else parent
    if isinstance(text, (QPlainTextEdit, QTextEdit)) and not text.tabChangesFocus():
        text.setTabChangesFocus(True)
    _scroll_into_view(new)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` so that it shows."""
    child, ancestor = widget, widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea) and ancestor.widget() is not None:
            if ancestor.widget().isAncestorOf(child):
                ancestor.ensureWidgetVisible(child, 16, 16)
            child = ancestor
        ancestor = ancestor.parentWidget()


def install(app: QApplication) -> None:
    """Apply these habits to every view and date box that takes the focus (once)."""
    if app.property("apdesk_keyboard_habits"):
        return
    _TAB_LEAVES.append(_TabLeaves(app))
    app.focusChanged.connect(_focus_moved)
    app.setProperty("apdesk_keyboard_habits", True)
