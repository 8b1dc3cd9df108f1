"""What an import reports back: counts, the refusals by row and column, and the odd headers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apdesk.i18n import _


@dataclass(frozen=True)
class RowError:
    """One refusal. `row` counts from 1 for the first data row; 0 means the file as a whole."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = _("Row {row}").format(row=self.row) if self.row else _("File")
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Change:
    """One value an import changes (or would change): on row `row`, the pupil `upn`."""

    row: int
    upn: str
    what: str  # the field as a person reads it, e.g. "Looked after" or "Contact 1 (Mrs A Khan)"
    before: str
    after: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __str__(self) -> str:
        return _("Row {row}, {upn}: {what}: {before} -> {after}").format(
            row=self.row,
            upn=self.upn,
            what=self.what,
            before=self.before or _("(blank)"),
            after=self.after or _("(blank)"),
        )


@dataclass
class ImportResult:
    """All or nothing: with any error nothing is written and both counts are 0. A dry run counts
    what would be imported and updated without writing."""

    imported: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    # What a CTF import says of the file (data minimisation: what apdesk keeps and what not)
    read: list[str] = field(default_factory=list)  # element paths apdesk read and keeps
    changes: list[Change] = field(default_factory=list)  # values changed in pupils on file
    not_kept: list[str] = field(default_factory=list)  # element paths in the file left out
    destination: str = ""  # set when the file is addressed to another school

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, message))

    def warn(self, row: int, column: str, message: str) -> None:
        self.warnings.append(RowError(row, column, message))

    def as_json(self) -> dict[str, Any]:
        """The CLI's `--json` shape, exactly; a CTF import adds what it read, changed and left."""
        out: dict[str, Any] = {
            "imported": self.imported,
            "updated": self.updated,
            "errors": [e.as_dict() for e in self.errors],
        }
        if self.read or self.not_kept:
            out |= {
                "read": list(self.read),
                "changes": [c.as_dict() for c in self.changes],
                "not_kept": list(self.not_kept),
            }
        return out
