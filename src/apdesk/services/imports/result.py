"""What an import reports back: counts, the refusals by row and column, and the odd headers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowError:
    """One refusal. `row` counts from 1 for the first data row; 0 means the file as a whole."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row else "File"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


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

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, message))

    def warn(self, row: int, column: str, message: str) -> None:
        self.warnings.append(RowError(row, column, message))

    def as_json(self) -> dict[str, Any]:
        """The CLI's `--json` shape, exactly."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "errors": [e.as_dict() for e in self.errors],
        }
