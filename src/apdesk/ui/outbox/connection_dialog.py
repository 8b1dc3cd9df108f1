"""File › Settings › LA connection: where packs go, the school's token, and the keys both sides
check.

The token is write-only here: it goes to the keyring (or the encrypted store) and is never
shown back, only where it is kept. "Test connection" makes a real request, off the GUI thread.
Saving is one operation: the endpoint, the LA's keys and the token are kept together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.files import write_atomic
from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.operations.settings import SchoolKey, save_la_connection, school_public_key
from apdesk.sync import connection, keys
from apdesk.sync.sender import SendPolicy, connection_check, make_client
from apdesk.sync.util import key_id
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.core.tasks import Pool
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.secret import SecretEdit
from apdesk.ui.widgets.value_label import ValueLabel

PROBE_POLICY = SendPolicy(timeout=10.0, connect_timeout=5.0)
PLACES = {
    "keyring": N_("set (in keyring)"),
    "store": N_("set (in the encrypted store)"),
    "": N_("not set"),
}


@dataclass(frozen=True)
class ConnectionView:
    """What the dialog may show: never the token itself."""

    endpoint: str
    token_place: str
    la_keys: str
    school_key_id: str


def load_view(session: Session, account: str) -> ConnectionView:
    """A read: the school's key is shown only once made (making it is a write)."""
    url = connection.endpoint(session)
    _token, place = connection.read_token(session, account)
    ed, x = connection.la_public_keys(session)
    school = keys.signer_key_id(session) if keys.read_secret(session, keys.SIGNING_KEY) else ""
    held = [
        _("signing key {key}").format(key=key_id(ed)) if ed else "",
        _("encryption key {key}").format(key=key_id(x)) if x else "",
    ]
    return ConnectionView(url, place, "\n".join(h for h in held if h), school)


def probe(endpoint: str) -> str:
    """A real request to the LA (on the network pool): "" when it answered, else why not."""
    with make_client(PROBE_POLICY) as client:
        return connection_check(client, endpoint)


class SettingsDialog(GuardedDialog):
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ConnectionView | None = None
        self.la_pem: bytes | None = None  # a chosen key file, kept until Save
        self.exported_to: Path | None = None
        self.setWindowTitle(_("Settings — LA connection"))
        self.setAccessibleName(_("LA connection settings"))
        self.setMinimumWidth(680)

        self.endpoint = QLineEdit(self)
        self.endpoint.setAccessibleName(_("LA endpoint"))
        self.endpoint.setPlaceholderText("https://la.example.gov.uk/apdesk")
        self.token = SecretEdit(self)
        self.token.setAccessibleName(_("LA token"))
        self.token_state = ValueLabel(_("Token state"), "", self)
        self.la_key_state = ValueLabel(_("LA public key state"), "", self)
        self.la_key_state.setWordWrap(True)
        self.choose_key = QPushButton(_("&Choose key file…"), self)
        self.choose_key.setAccessibleName(_("Choose the LA public key file"))
        self.choose_key.clicked.connect(self.choose_la_key)
        self.school_key = ValueLabel(_("School public key"), "", self)
        self.export_key = QPushButton(_("E&xport school public key…"), self)
        self.export_key.setAccessibleName(_("Export the school public key"))
        self.export_key.clicked.connect(self.export_school_key)
        self.test_button = QPushButton(_("&Test connection"), self)
        self.test_button.setAccessibleName(_("Test the connection to the LA"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = ValueLabel(_("Connection test result"), "", self)
        self.test_result.setWordWrap(True)
        self.errors = {
            name: ErrorLabel(self) for name in ("LA endpoint", "LA token", "LA public key")
        }
        self.error = ErrorLabel(self)

        box = QGroupBox(_("LA connection"), self)
        form = QFormLayout(box)
        form.addRow(_("LA &endpoint:"), self.endpoint)
        form.addRow("", self.errors["LA endpoint"])
        form.addRow(_("LA t&oken:"), self.token)
        form.addRow("", self.token_state)
        form.addRow("", self.errors["LA token"])
        form.addRow(_("LA public key:"), self._row(self.la_key_state, self.choose_key))
        form.addRow("", self.errors["LA public key"])
        form.addRow(_("School public key:"), self._row(self.school_key, self.export_key))
        form.addRow("", self._row(self.test_result, self.test_button))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setAccessibleName(_("Save the LA connection settings"))
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setAccessibleName(_("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for before, after in ((self.endpoint, self.token), (self.token, self.choose_key),
                              (self.choose_key, self.export_key),
                              (self.export_key, self.test_button)):  # fmt: skip
            QWidget.setTabOrder(before, after)

        self.account = connection.token_account(ctx.store)  # the keyring entry of the token
        self.loader: Loader[ConnectionView] = Loader(ctx, self._fetch, self.show_view, self)
        self.follower = ChangeFollower(self, ctx, {Kind.SETTING}, self.loader.reload)
        self.loader.reload()

    def _fetch(self, session: Session) -> ConnectionView:
        return load_view(session, self.account)

    def _row(self, label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    def show_view(self, view: ConnectionView) -> None:
        first = self.view is None
        untouched = first or not self.has_unsaved_input()
        self.view = view
        if not self.endpoint.text():
            self.endpoint.setText(view.endpoint)
        if first:
            self.watch_input()  # the saved settings are on screen: from now on, typing counts
        elif untouched:
            self.mark_saved()
        place = _(PLACES.get(view.token_place, PLACES[""]))
        self.token_state.setText(
            _("Token: {place}. Type a new one to replace it.").format(place=place)
        )
        self.token.setPlaceholderText(place)
        if self.la_pem is None:
            self.la_key_state.setText(view.la_keys or _("none set (receipts are not checked)"))
        text = (
            _("key id {key}").format(key=view.school_key_id)
            if view.school_key_id
            else _("made with the first pack")
        )
        if self.exported_to is not None:
            text += " · " + _("exported to {name}").format(name=self.exported_to.name)
            self.school_key.setToolTip(str(self.exported_to))
        self.school_key.setText(text)

    # -- keys ------------------------------------------------------------------
    def choose_la_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("LA public key"), "", _("PEM files (*.pem);;All files (*)")
        )
        if path:
            self.load_la_key(Path(path))

    def load_la_key(self, path: Path) -> None:
        try:
            self.la_pem = path.read_bytes()
            self.setWindowModified(True)
        except OSError as exc:
            self.errors["LA public key"].show_message(
                _("{name} cannot be read ({reason})").format(name=path.name, reason=exc.strerror)
            )
            return
        self.errors["LA public key"].show_message("")
        self.la_key_state.setText(_("{name} (saved when you press Save)").format(name=path.name))

    def export_school_key(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export school public key"), "school-public-key.pem", _("PEM files (*.pem)")
        )
        if path:
            self.write_school_key(Path(path))

    def write_school_key(self, path: Path) -> None:
        """An operation: the key pair is made on first use. The file is written after."""
        self.ctx.op(school_public_key).success(lambda key: self._export(key, path)).failure(
            self._failed
        ).run()

    def _export(self, key: SchoolKey, path: Path) -> None:
        try:
            write_atomic(path, key.pem)
        except OSError as exc:
            self.error.show_message(
                _("{name} could not be written ({reason}): choose another folder.").format(
                    name=path.name, reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self.error.show_message("")
        self.exported_to = path
        self.loader.reload()

    # -- test ------------------------------------------------------------------
    def test_connection(self) -> None:
        url = self.endpoint.text().strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            self.errors["LA endpoint"].show_message(
                _("LA endpoint: give it as https://host/path, then test again.")
            )
            return
        self.errors["LA endpoint"].show_message("")
        self.test_button.setEnabled(False)
        self.test_result.setText(_("Testing {url}…").format(url=url))
        self.ctx.tasks.submit(
            lambda: probe(url),
            self._tested,
            self._probe_failed,
            pool=Pool.NETWORK,
        )

    def _probe_failed(self, exc: BaseException) -> None:
        self._tested(describe_error(exc))

    def _tested(self, reason: str) -> None:
        self.test_button.setEnabled(True)
        if reason:
            self.test_result.setText(reason)  # a whole sentence: what happened, what to do
        else:
            self.test_result.setText(_("Connected: the LA answered."))

    # -- save ------------------------------------------------------------------
    def save(self) -> None:
        for label in (*self.errors.values(), self.error):
            label.show_message("")
        url, token, pem = self.endpoint.text(), self.token.text(), self.la_pem
        self.ctx.op(save_la_connection, self.account, url, token, pem).success(self._saved).failure(
            self._failed
        ).source(self).run()

    def has_unsaved_input(self) -> bool:
        return super().has_unsaved_input() or self.la_pem is not None

    def _saved(self, _place: str) -> None:
        self.token.clear()
        self.la_pem = None
        self.mark_saved()
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.errors:
            self.errors[exc.field].show_message(str(exc))
        else:
            self.error.show_message(describe_error(exc))
