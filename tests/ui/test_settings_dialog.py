"""Settings > LA connection: saved through the services, the token never shown back, and a
real connection test against the inbox on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.outbox import WAIT_MS, closed_port_url
from tests.helpers.sync_harness import Inbox

from apdesk.sync import connection, keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.connection_dialog import SettingsDialog
from apdesk.ui.outbox.sync_controller import SyncController
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES

SECRET = "a-brand-new-school-token-0123456789"


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> SettingsDialog:
    made = SettingsDialog(ctx)
    qtbot.addWidget(made)
    made.show()
    return made


def shown_text(widget: QWidget) -> str:
    texts = [e.text() + e.placeholderText() for e in widget.findChildren(QLineEdit)]
    texts += [label.text() for label in widget.findChildren(QLabel)]
    return "\n".join(texts)


def test_saves_endpoint_and_token_and_never_shows_the_token(
    qtbot: QtBot, ctx: AppContext, dialog: SettingsDialog
) -> None:
    assert "not set" in dialog.token_state.text()
    qtbot.keyClicks(dialog.endpoint, "https://la.example.gov.uk/apdesk/")
    qtbot.keyClicks(dialog.token, SECRET)
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    with ctx.store.session() as session:
        assert connection.endpoint(session) == "https://la.example.gov.uk/apdesk"
        assert connection.read_token(session, connection.token_account(ctx.store)) == (
            SECRET,
            "keyring",
        )

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.endpoint.text() == "https://la.example.gov.uk/apdesk"
    assert again.token.text() == ""
    assert "set (in keyring)" in again.token_state.text()
    assert SECRET not in shown_text(again)


def test_a_bad_endpoint_is_refused_next_to_the_field(
    qtbot: QtBot, ctx: AppContext, dialog: SettingsDialog
) -> None:
    qtbot.keyClicks(dialog.endpoint, "la dot example")
    qtbot.keyClicks(dialog.token, SECRET)
    dialog.save()
    assert dialog.isVisible()
    assert "is not a web address" in dialog.errors["LA endpoint"].text()
    assert dialog.endpoint.text() == "la dot example"  # the input is kept
    with ctx.store.session() as session:
        assert connection.endpoint(session) == ""
        assert connection.read_token(session, connection.token_account(ctx.store)) == ("", "")


def test_test_connection_reaches_the_running_inbox(
    qtbot: QtBot, dialog: SettingsDialog, inbox: Inbox
) -> None:
    dialog.endpoint.setText(inbox.url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"), timeout=WAIT_MS)
    assert dialog.test_button.isEnabled()


def test_test_connection_reports_a_closed_port(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.endpoint.setText(closed_port_url())
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "did not answer at" in dialog.test_result.text(), timeout=WAIT_MS)
    assert "Error" not in dialog.test_result.text()


def test_la_public_key_file_is_checked_and_kept(
    ctx: AppContext, dialog: SettingsDialog, inbox: Inbox, tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-key.pem"
    bad.write_text("hello")
    dialog.endpoint.setText(inbox.url)
    dialog.load_la_key(bad)
    dialog.save()
    assert "LA public key" in dialog.errors["LA public key"].text()
    good = tmp_path / "la-keys.pem"
    good.write_bytes(inbox.keys.pem_bundle())
    dialog.load_la_key(good)
    dialog.save()
    with ctx.store.session() as session:
        signing, encryption = connection.la_public_keys(session)
    assert signing is not None and encryption is not None


def test_exports_the_school_public_key(
    ctx: AppContext, dialog: SettingsDialog, tmp_path: Path
) -> None:
    target = tmp_path / "school.pem"
    dialog.write_school_key(target)
    with ctx.store.session() as session:
        assert target.read_bytes() == keys.public_key_pem(session)
        key_id = keys.signer_key_id(session)
    assert dialog.school_key.text() == f"key id {key_id} · exported to school.pem"


def test_the_window_has_settings_and_send_now(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx, [spec for spec in PAGES if spec.key == "outbox"])
    qtbot.addWidget(window)
    window.show()
    ui = window.sync_ui
    assert ui.settings_action.shortcut().toString() == "Ctrl+,"
    assert ui.send_action.shortcut().toString() == "F5"
    ui.settings_action.trigger()
    found = window.findChildren(SettingsDialog)
    assert len(found) == 1 and found[0].isVisible()
    found[0].reject()
    window.close()
    assert not SyncController.for_context(ctx).active  # closing the window stopped sending
