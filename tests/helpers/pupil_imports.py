"""Imports as the GUI and the CLI run them: a check is a read, the import the operation."""

from __future__ import annotations

from datetime import date

from apdesk.services import imports
from apdesk.services.imports import ImportResult
from apdesk.services.operations import pupils as pupil_ops
from apdesk.store import Store


def import_pupils(
    store: Store,
    data: bytes,
    *,
    filename: str = "",
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    if dry_run:
        return store.read(
            imports.import_pupils,
            data,
            filename=filename,
            column_map=column_map,
            dry_run=True,
            today=today,
            accept_destination=accept_destination,
        )
    outcome = store.run(
        pupil_ops.import_pupils,
        data,
        filename=filename,
        column_map=column_map,
        today=today,
        accept_destination=accept_destination,
    )
    return outcome.value
