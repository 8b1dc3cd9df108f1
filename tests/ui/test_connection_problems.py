"""What a person reads when the LA cannot be reached: sentences that say what happened and what
to do, never an exception's name, from real servers on 127.0.0.1 (a closed port, a server with
no apdesk inbox, a server that never answers, one with a certificate nobody trusts); and Send now
with no LA connection says so and opens the settings."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from tests.helpers.outbox import WAIT_MS, closed_port_url, queue_start, school_with_placement

from apdesk.sync.sender import SendPolicy, connection_check, make_client
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox import connection_dialog
from apdesk.ui.outbox.connection_dialog import SettingsDialog
from apdesk.ui.outbox.page import OutboxPage


class _NotHere(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 that answers 404 to everything."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotHere)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if tls is not None else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent() -> Iterator[str]:
    """Accepts the connection and never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def self_signed(folder: Path) -> ssl.SSLContext:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> SettingsDialog:
    made = SettingsDialog(ctx)
    qtbot.addWidget(made)
    made.show()
    return made


def result_of(qtbot: QtBot, dialog: SettingsDialog, url: str) -> str:
    dialog.endpoint.setText(url)
    dialog.test_button.click()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT_MS)
    text = dialog.test_result.text()
    assert "Error" not in text and "(" not in text.split(";")[0]  # no exception names
    return text


def test_a_closed_port_is_a_sentence_with_the_address(qtbot: QtBot, dialog: SettingsDialog) -> None:
    url = closed_port_url()
    assert result_of(qtbot, dialog, url) == (
        f"The LA's server did not answer at {url}; check the address or try again later."
    )


def test_a_server_without_an_inbox_says_to_check_the_address(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    with serving() as url:
        text = result_of(qtbot, dialog, url)
    assert text.startswith(f"A server answered at {url}, but it has no apdesk inbox there")


def test_a_server_that_never_answers_timed_out(
    qtbot: QtBot, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_dialog, "PROBE_POLICY", SendPolicy(timeout=0.5))
    with silent() as url:
        text = result_of(qtbot, dialog, url)
    assert text.startswith(f"The LA's server did not answer at {url} in time")


def test_an_untrusted_certificate_is_named(tmp_path: Path) -> None:
    with serving(self_signed(tmp_path)) as url, make_client(SendPolicy()) as client:
        text = connection_check(client, url)
    assert text.startswith(f"The LA's server at {url} showed a certificate this computer")


def test_send_now_without_a_connection_says_so_and_opens_the_settings(
    qtbot: QtBot, ctx: AppContext
) -> None:
    queue_start(ctx.store, school_with_placement(ctx.store))
    page = OutboxPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.send_button.click()
    qtbot.waitUntil(lambda: isinstance(page.property("no_connection_box"), QMessageBox))
    box = page.property("no_connection_box")
    assert box.isVisible()
    assert box.text() == "Nothing can be sent yet: no LA connection is set up."
    assert "stay safe in the outbox" in box.informativeText()
    settings = box.defaultButton()
    assert settings.text().replace("&", "") == "Open LA connection settings…"
    settings.click()
    qtbot.waitUntil(lambda: ctx.windows.get(("settings", "la connection")) is not None)
    opened = ctx.windows.get(("settings", "la connection"))
    assert isinstance(opened, SettingsDialog) and opened.isVisible()
    assert QApplication.activeModalWidget() is not box
    opened.reject()
