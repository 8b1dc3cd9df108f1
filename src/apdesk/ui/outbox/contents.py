"""What a pack tells the LA, in words: what it is about, the pupil by the name the school uses,
to whom, when it was made and sent. The technical detail (ids, members with sizes and SHA-256,
the notification and manifest as JSON) is folded away below, for whoever needs it.

Read-only: a pack is signed, so nothing here may change it.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date, format_number
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.services.pupils import year_label
from apdesk.sync.overview import PackOverview
from apdesk.sync.verify import VerifiedPack
from apdesk.ui.outbox.model import problem_text
from apdesk.ui.widgets.basics import monospace_font
from apdesk.ui.widgets.screen_fit import fit_to_screen


def pretty(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False)


def on_day(value: datetime | None) -> str:
    """ "6 December 2026 at 11:30", local time, in the locale's style."""
    if value is None:
        return ""
    local = value.astimezone()
    return _("{day} at {time}").format(day=format_date(local.date()), time=f"{local:%H:%M}")


def what_text(view: PackOverview) -> str:
    pupil, provider = view.row.pupil_name, view.provider
    sentences = {
        PackKind.PLACEMENT_START.value: _(
            "Tells the LA that {pupil} is placed at {provider}, with the referral form."
        ),
        PackKind.PLACEMENT_CHANGE.value: _(
            "Tells the LA that {pupil}'s placement at {provider} has changed, with the "
            "referral form as it stands now."
        ),
        PackKind.PLACEMENT_END.value: _(
            "Tells the LA that {pupil}'s placement at {provider} has ended, and how."
        ),
        PackKind.ATTENDANCE_SUMMARY.value: _(
            "Tells the LA how many sessions {pupil} attended at {provider}."
        ),
        PackKind.AUDIT_CHECKPOINT.value: _(
            "The school's signed audit checkpoint: proof of what the record held that day. "
            "It names no pupil."
        ),
    }
    text = sentences.get(view.row.kind, _("A notification about {pupil}."))
    return text.format(pupil=pupil, provider=provider)


def pupil_text(view: PackOverview) -> str:
    parts = [view.row.pupil_name]
    if view.legal_name and view.legal_name != view.row.pupil_name:
        parts[0] += " " + _("(legal name {name}, as the LA receives it)").format(
            name=view.legal_name
        )
    if view.row.upn:
        parts.append(_("UPN {upn}").format(upn=view.row.upn))
    if view.nc_year is not None:
        parts.append(year_label(view.nc_year))
    return " · ".join(parts)


def placement_text(view: PackOverview) -> str:
    parts = [view.provider]
    if view.start_date and view.end_date:
        parts.append(
            _("from {start} to {end}").format(
                start=format_date(view.start_date), end=format_date(view.end_date)
            )
        )
    elif view.start_date:
        parts.append(_("from {start}").format(start=format_date(view.start_date)))
    if view.hours_per_week is not None:
        parts.append(_("{hours} hours a week").format(hours=format_number(view.hours_per_week)))
    return " · ".join(parts)


def to_text(view: PackOverview) -> str:
    la = (
        _("The local authority (LA {code})").format(code=view.la_code)
        if view.la_code
        else _("The local authority")
    )
    if view.endpoint:
        return _("{la}, at {address}").format(la=la, address=view.endpoint)
    return _("{la}; no LA connection is set up yet, so the pack waits here.").format(la=la)


def sent_text(view: PackOverview) -> str:
    row = view.row
    if row.status == OutboxStatus.DELIVERED.value:
        return _("Delivered on {when}; the LA's receipt is held.").format(
            when=on_day(row.delivered_at)
        )
    if row.status == OutboxStatus.SENDING.value:
        return _("Being sent now.")
    problem = problem_text(row)
    if row.status == OutboxStatus.ATTENTION.value:
        return _("Not sent: {problem}").format(problem=problem)
    return (
        _("Not sent yet: {problem}").format(problem=problem)
        if problem
        else _("Not sent yet: it goes at the next sending round.")
    )


def privacy_text(pack: VerifiedPack) -> str:
    if pack.encrypted:
        return _(
            "Signed by the school, so the LA can tell it is unchanged; the pupil's details are "
            "encrypted so that only the LA can read them."
        )
    return _("Signed by the school, so the LA can tell it is unchanged.")


def _text_view(text: str, name: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setFont(monospace_font())
    view.setPlainText(text)
    view.setAccessibleName(name)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return view


def _sentence(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class PackContentsDialog(QDialog):
    def __init__(self, view: PackOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = view
        self.pack = pack = view.pack
        kind = _(view.row.kind_label)
        title = f"{kind}: {view.row.pupil_name}" if view.row.pupil_name else kind
        self.setWindowTitle(_("Pack contents — {title}").format(title=title))
        self.setAccessibleName(_("Pack contents"))
        fit_to_screen(self, 760, 560)
        self.heading = QLabel(title, self)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.words: dict[str, QLabel] = {}  # by a key that does not change with the language
        form = QFormLayout()
        rows = [("what", _("What:"), what_text(view))]
        if view.row.pupil_name:
            rows.append(("pupil", _("Pupil:"), pupil_text(view)))
        if view.provider:
            rows.append(("placement", _("Placement:"), placement_text(view)))
        rows += [
            ("to", _("To:"), to_text(view)),
            ("from", _("From:"), view.school),
            ("made", _("Made:"), on_day(view.row.created_at)),
            ("sent", _("Sent:"), sent_text(view)),
            ("safe", _("Safe:"), privacy_text(pack)),
        ]
        for key, caption, text in rows:
            label = _sentence(text, caption.rstrip(":"), self)
            self.words[key] = label
            form.addRow(caption, label)

        self.toggle = QToolButton(self)
        self.toggle.setText(_("Technical &detail"))
        self.toggle.setAccessibleName(_("Show the technical detail"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.show_detail)
        self.detail = self._detail(pack)
        self.detail.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(_("&Close"))  # in the person's language, not Qt's
        close_button.setAccessibleName(_("Close the pack contents"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.toggle)
        layout.addWidget(self.detail, 1)
        self.stretch = QWidget(self)
        layout.addWidget(self.stretch, 1)
        layout.addWidget(buttons)

    def show_detail(self, shown: bool) -> None:
        self.detail.setVisible(shown)
        self.stretch.setVisible(not shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(
            _("Hide the technical detail") if shown else _("Show the technical detail")
        )

    def _detail(self, pack: VerifiedPack) -> QWidget:
        box = QWidget(self)
        box.setAccessibleName(_("Technical detail"))
        summary = _("Pack {pack_id} · signed by the school's key {key}").format(
            pack_id=pack.pack_id, key=pack.signer_key_id
        )
        self.summary = _sentence(summary, _("Pack identity"), box)
        check = _("The signature and every member's SHA-256 were checked and match.")
        if pack.encrypted:
            recipient = pack.manifest.get("encryption", {}).get("recipient_key_id", "")
            check += " " + _("The payload is encrypted to the LA's key {key}.").format(
                key=recipient
            )
        self.check = _sentence(check, _("Pack check"), box)
        self.members = self._members_table(box)
        self.tabs = QTabWidget(box)
        self.tabs.setAccessibleName(_("Pack members"))
        self.tabs.addTab(self.members, _("&Members"))
        if pack.encrypted:
            self.notification: QWidget = _sentence(
                _(
                    "The notification and any referral are encrypted to the LA's key: only "
                    "the LA can open them. The manifest lists them by size and SHA-256."
                ),
                _("Encrypted notification"),
                box,
            )
        else:
            text = pretty(pack.notification) if pack.notification is not None else ""
            self.notification = _text_view(text, _("Notification JSON"), box)
        self.tabs.addTab(self.notification, _("&Notification"))
        self.manifest = _text_view(pretty(pack.manifest), _("Manifest JSON"), box)
        self.tabs.addTab(self.manifest, _("Manifes&t"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.check)
        layout.addWidget(self.tabs, 1)
        return box

    def _members_table(self, parent: QWidget) -> QTableWidget:
        listed = list(self.pack.manifest.get("members", []))
        table = QTableWidget(len(listed), 3, parent)
        table.setAccessibleName(_("Members with sizes and SHA-256"))
        table.setHorizontalHeaderLabels([_("Member"), _("Size (bytes)"), _("SHA-256")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for row, entry in enumerate(listed):
            size = QTableWidgetItem(format_number(int(entry.get("size", 0))))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            digest = QTableWidgetItem(str(entry.get("sha256", "")))
            digest.setFont(monospace_font())
            table.setItem(row, 0, QTableWidgetItem(str(entry.get("name", ""))))
            table.setItem(row, 1, size)
            table.setItem(row, 2, digest)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table
