"""The import dialog's middle steps: matching a CSV's columns to fields; what the check found."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.services.imports import CsvPreview, ImportResult, RowError
from apdesk.services.pupils import FIELD_LABELS
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.banner import Banner

LEAVE_OUT = ""


class MappingStep(QWidget):
    """One row per column of the file: its header, an example value and a field to put it in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(_("Columns in the file"))
        self.table.setHorizontalHeaderLabels(
            [_("Column in the file"), _("First value"), _("Goes into"), _("How")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.missing = Banner("warning", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        self.combos: dict[str, QComboBox] = {}

    def show_preview(self, preview: CsvPreview) -> None:
        self.combos.clear()
        self.table.setRowCount(len(preview.headers))
        unknown = len(preview.unknown)
        self.intro.setText(
            _(
                "apdesk matched the columns it recognised. Check each row; for a column marked "
                "“not recognised”, choose the field it holds or leave it out."
            )
            if unknown
            else _("apdesk recognised every column. Check the matches, then press Check.")
        )
        first = preview.sample[0] if preview.sample else []
        for row, header in enumerate(preview.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            example = first[row] if row < len(first) else ""
            self.table.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setAccessibleName(_("Field for column {header}").format(header=header))
            combo.addItem(_("Leave out"), LEAVE_OUT)
            for name, label in FIELD_LABELS.items():
                combo.addItem(_(label), name)
            chosen = preview.mapping.get(header, LEAVE_OUT)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(self._update_missing)
            self.table.setCellWidget(row, 2, combo)
            how = _("not recognised") if header in preview.unknown else _("automatic")
            if header not in preview.unknown and header not in preview.mapping:
                how = _("left out")
            how_item = QTableWidgetItem(how)
            if header in preview.unknown:
                how_item.setIcon(icon("state.warning", "warning"))
                font = how_item.font()
                font.setBold(True)
                how_item.setFont(font)
            self.table.setItem(row, 3, how_item)
            self.combos[header] = combo
        self._update_missing()

    def column_map(self) -> dict[str, str]:
        """Every header -> the chosen field, or "" to leave it out: the person's word is final."""
        return {header: str(combo.currentData()) for header, combo in self.combos.items()}

    def problems(self) -> list[str]:
        chosen = [value for value in self.column_map().values() if value]
        missing = [
            FIELD_LABELS[name]
            for name in ("upn", "surname", "forename", "dob")
            if name not in chosen
        ]
        twice = sorted({FIELD_LABELS[n] for n in chosen if chosen.count(n) > 1})
        found = []
        if missing:
            found.append(
                _("No column goes into: {fields}.").format(fields=", ".join(_(m) for m in missing))
            )
        if twice:
            found.append(
                _("More than one column goes into: {fields}; choose one.").format(
                    fields=", ".join(_(t) for t in twice)
                )
            )
        return found

    def _update_missing(self) -> None:
        problems = self.problems()
        self.missing.set_message("warning", " ".join(problems))
        self.missing.setVisible(bool(problems))


class CheckStep(QWidget):
    """What a dry run (or a refused import) found: counts, then every error by row and column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Check result"))
        self.errors = QTableWidget(0, 3)
        self.errors.setAccessibleName(_("Problems found"))
        self.errors.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem and fix")])
        self.errors.verticalHeader().hide()
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.setWordWrap(True)
        header = self.errors.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A sentence wraps to the column's width: the rows follow it whenever it changes.
        self.errors.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(_("Notes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.notes)
        layout.addStretch(0)  # takes the room when there is no error table
        self.layout_ = layout

    def show_result(
        self, result: ImportResult, refused_import: bool = False, left_out: list[str] | None = None
    ) -> None:
        if result.ok:
            self.summary.setText(
                _(
                    "<b>Ready to import: {new} new, {updated} updated.</b> Pupils already in "
                    "apdesk are matched by UPN and updated. Nothing has been saved yet: press "
                    "Import to save them."
                ).format(new=result.imported, updated=result.updated)
            )
        else:
            lead = _("Nothing was imported.") if refused_import else _("Nothing will be imported.")
            count = ngettext(
                "The file has {n} problem.", "The file has {n} problems.", len(result.errors)
            ).format(n=len(result.errors))
            self.summary.setText(
                f"<b>{lead}</b> {count} "
                + _(
                    "An import is all or nothing: fix every row listed below in the file "
                    "(or in the MIS), then check again."
                )
            )
        self.errors.setVisible(not result.ok)
        self.layout_.setStretch(3, 1 if result.ok else 0)
        self._fill(result.errors)
        notes = [self._note(w) for w in result.warnings]
        if left_out:
            notes.insert(0, _("• Left out: {headers}.").format(headers=", ".join(left_out)))
        if notes:
            notes = [_("Worth a look (these do not stop the import):"), *notes[:8]]
            notes += ["…"] if len(result.warnings) > 8 else []
        notes += self._ctf_summary(result)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    @staticmethod
    def _ctf_summary(result: ImportResult) -> list[str]:
        """What a CTF import reads, changes and leaves out (data minimisation)."""
        if not (result.read or result.not_kept) or not result.ok:
            return []
        lines = [_("Read from the file: {items}.").format(items=", ".join(result.read))]
        if result.changes:
            lines.append(_("Changes to pupils already in apdesk:"))
            lines += [f"• {change}" for change in result.changes[:12]]
            lines += ["…"] if len(result.changes) > 12 else []
        if result.not_kept:
            lines.append(
                _("In the file but not kept by apdesk: {items}.").format(
                    items=", ".join(result.not_kept)
                )
            )
        return lines

    @staticmethod
    def _note(warning: RowError) -> str:
        return f"• {warning}"

    def _fill(self, errors: list[RowError]) -> None:
        self.errors.setRowCount(len(errors))
        for row, error in enumerate(errors):
            where = str(error.row) if error.row else _("whole file")
            self.errors.setItem(row, 0, QTableWidgetItem(where))
            self.errors.setItem(row, 1, QTableWidgetItem(error.column))
            problem = QTableWidgetItem(error.message)
            problem.setToolTip(error.message)
            self.errors.setItem(row, 2, problem)
