"""Send now with no LA connection set up: say so, and offer the settings, instead of a round
that quietly does nothing. Both Send now buttons (the Outbox's and File > Send to LA now) ask
here first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from apdesk.i18n import _
from apdesk.ui.core.context import AppContext


def open_connection_settings(ctx: AppContext, parent: QWidget) -> QWidget | None:
    """Settings — LA connection, one window however often it is asked for."""
    from apdesk.ui.outbox.connection_dialog import SettingsDialog

    if not ctx.is_unlocked:
        return None

    return ctx.windows.show(
        ("settings", "la connection"), lambda: SettingsDialog(ctx, parent), delete_on_close=True
    )


def no_connection_box(ctx: AppContext, parent: QWidget) -> QMessageBox:
    """The message, with a button that opens the LA connection settings (the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("No LA connection"))
    box.setText(_("Nothing can be sent yet: no LA connection is set up."))
    box.setInformativeText(
        _(
            "The packs stay safe in the outbox until it is. Set the LA's address and the "
            "school's token (both from the LA) in the LA connection settings."
        )
    )
    settings = box.addButton(_("Open LA connection &settings…"), QMessageBox.ButtonRole.AcceptRole)
    settings.setAccessibleName(_("Open the LA connection settings"))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(settings)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    settings.clicked.connect(lambda: open_connection_settings(ctx, parent))
    return box


def send_or_explain(ctx: AppContext, parent: QWidget, send: Callable[[], None]) -> None:
    """`send()` when an LA address is set; else the message offering the settings."""
    from apdesk.sync import connection  # keys and crypto: loaded when first asked, not at start

    def decide(endpoint: str) -> None:
        if endpoint:
            send()
        else:
            box = no_connection_box(ctx, parent)
            parent.setProperty("no_connection_box", box)  # for tests and screenshots
            box.open()

    if ctx.is_unlocked:
        ctx.query(connection.endpoint).success(decide).run()
