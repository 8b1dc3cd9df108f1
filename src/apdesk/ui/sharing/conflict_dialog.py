"""Settling one conflict: a text's versions side by side with their differences marked, to keep
one, the other, or an edited merge; or a delete, attendance or clash conflict's choice."""

from __future__ import annotations

import difflib
import html
import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.share.resolve import CHECKED, DELETE, DISMISS, KEEP, MERGED, resolve_conflict
from apdesk.share.views import ConflictRow, Version
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.sharing.model import conflict_what, field_words, when_text
from apdesk.ui.theme import current
from apdesk.ui.widgets.basics import ErrorLabel

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def _only_here() -> str:
    """The mark for words one version has and the other lacks: the warning tint, underlined
    (read when drawn, so it follows the scheme, and never colour alone)."""
    return (
        f"background-color:{current.colour('warning.bg')};color:{current.colour('warning.fg')};"
        "text-decoration:underline"
    )


def marked(text: str, other: str) -> str:
    """`text` as HTML with the words `other` lacks marked (colour and underline)."""
    mine, theirs = TOKENS.findall(text), TOKENS.findall(other)
    out: list[str] = []
    style = _only_here()
    matcher = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False)
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        piece = html.escape("".join(mine[j1:j2])).replace("\n", "<br>")
        if tag == "equal" or not piece.strip():
            out.append(piece)
        else:
            out.append(f'<span style="{style}">{piece}</span>')
    return "".join(out) or f"<i>{html.escape(_('(empty)'))}</i>"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


class ConflictDialog(QDialog):
    def __init__(self, ctx: AppContext, row: ConflictRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(_("Settle a conflict"))
        self.setAccessibleName(_("Settle a conflict"))
        heading = QLabel(f"<b>{html.escape(row.record)}</b><br>{html.escape(conflict_what(row))}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.error = ErrorLabel(self)
        self.merge: QPlainTextEdit | None = None
        self.version_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if row.kind == "text":
            self._text_part(layout)
        else:
            self._choice_part(layout)
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if row.kind == "text":
            self.resize(min(1200, 420 * max(2, len(row.versions))), 560)
        else:
            self.resize(620, self.sizeHint().height())

    # -- a text's versions ---------------------------------------------------------------------
    def _text_part(self, layout: QVBoxLayout) -> None:
        intro = QLabel(
            _(
                "{field} was changed on two laptops before they synced. Both versions are "
                "kept; the later one is shown for now. Marked words are in that version only."
            ).format(field=field_words(self.row.field, self.row.table)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        latest = self.row.current
        for number, version in enumerate(self.row.versions, 1):
            others = [v.text for v in self.row.versions if v is not version]
            columns.addWidget(self._version_box(number, version, others[-1] if others else latest))
        layout.addLayout(columns, 3)
        merge_box = QGroupBox(_("Or an edited &merge"), self)
        self.merge = QPlainTextEdit(self.row.current, merge_box)
        self.merge.setAccessibleName(_("Edited merge of the versions"))
        self.merge.setTabChangesFocus(True)
        save = QPushButton(_("&Save the merge"), merge_box)
        save.setAccessibleName(_("Save the edited merge"))
        save.clicked.connect(self.save_merge)
        merge_layout = QVBoxLayout(merge_box)
        merge_layout.addWidget(self.merge)
        merge_layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(merge_box, 2)

    def _version_box(self, number: int, version: Version, other: str) -> QGroupBox:
        title = _("{number}. {device}, {when}").format(
            number=number, device=version.device, when=when_text(version.when)
        )
        box = QGroupBox(title, self)
        view = QTextBrowser(box)
        view.setHtml(marked(version.text, other))
        view.setAccessibleName(_("Version {number} from {device}").format(
            number=number, device=version.device))  # fmt: skip
        view.setAccessibleDescription(version.text)
        keep = QPushButton(_("Keep version &{number}").format(number=number), box)
        keep.setAccessibleName(_("Keep version {number}").format(number=number))
        keep.clicked.connect(lambda _checked=False, n=number: self.settle(str(n)))
        self.version_buttons.append(keep)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(view)
        box_layout.addWidget(keep)
        return box

    def save_merge(self) -> None:
        if self.merge is not None:
            self.settle(MERGED, self.merge.toPlainText())

    # -- other conflicts -----------------------------------------------------------------------
    def _choice_part(self, layout: QVBoxLayout) -> None:
        by = str(self.row.detail.get("by", _("another laptop")))
        when = (
            when_text(str(self.row.detail.get("when") or "")) if self.row.detail.get("when") else ""
        )
        texts = {
            "delete": _(
                "This record was deleted on {by} ({when}) while it was changed or added to "
                "on another laptop. It is kept until you decide."
            ).format(by=by, when=when),
            "attendance": _(
                "Two different codes were recorded for one session on two laptops. Both are "
                "kept as an amendment chain and the later one is current: check the register, "
                "amend it there if needed, then mark this checked."
            ),
            "unique": _(
                "A record from another laptop clashes with one here (the same unique value). "
                "It was left out here; correct the record, then dismiss this."
            ),
        }
        text = QLabel(texts.get(self.row.kind, ""), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        rows = self._facts()
        if rows:
            shown = QLabel(
                "<table>"
                + "".join(
                    f"<tr><td><b>{html.escape(k)}:</b>&nbsp;</td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows
                )
                + "</table>",
                self,
            )
            shown.setTextFormat(Qt.TextFormat.RichText)
            shown.setWordWrap(True)
            shown.setAccessibleName(_("The record as it is now"))
            layout.addWidget(shown)
        row = QHBoxLayout()
        choices = {
            "delete": [(KEEP, _("&Keep the record")), (DELETE, _("&Delete it"))],
            "attendance": [(CHECKED, _("&Checked"))],
            "unique": [(DISMISS, _("&Dismiss"))],
        }
        for choice, words in choices.get(self.row.kind, []):
            button = QPushButton(words, self)
            button.setAccessibleName(words.replace("&", ""))
            button.clicked.connect(lambda _checked=False, c=choice: self.settle(c))
            row.addWidget(button)
            self.version_buttons.append(button)
        row.addStretch(1)
        layout.addLayout(row)

    def _facts(self) -> list[tuple[str, str]]:
        """What a person needs to decide: the kept record's fields, or the session's marks."""
        if self.row.kind == "delete":
            return [(field_words(k, self.row.table), _value(v)) for k, v in self.row.summary]
        if self.row.kind == "attendance":
            detail = self.row.detail
            day = date.fromisoformat(str(detail.get("date")))
            half = _("morning") if detail.get("session") == "AM" else _("afternoon")
            facts = [(_("Session"), f"{format_date(day, 'EEEE d MMMM y')}, {half}")]
            for number, mark in enumerate(detail.get("chain") or [], 1):
                words = _("{code} recorded on {laptop}, {when}").format(
                    code=mark["code"], laptop=mark["by"], when=when_text(mark["when"])
                )
                if mark["current"]:
                    words += " " + _("(current)")
                facts.append((_("Mark {n}").format(n=number), words))
            return facts
        return []

    # -- settling ------------------------------------------------------------------------------
    def settle(self, choice: str, text: str | None = None) -> None:
        self.error.show_message("")
        self.ctx.op(resolve_conflict, self.row.id, choice, text).success(
            lambda _v: self.accept()
        ).failure(lambda exc: self.error.show_message(describe_error(exc))).run()

    def has_unsaved_merge(self) -> bool:
        return self.merge is not None and self.merge.toPlainText() != self.row.current

    def reject(self) -> None:
        if self.has_unsaved_merge():
            answer = QMessageBox.question(
                self,
                _("Discard the merge?"),
                _("The edited merge has not been saved. Close and lose it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_merge():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
