"""The JSON Schemas a pack's documents must follow, checked before any field is used."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from apdesk.i18n import _
from apdesk.paths import resource_path

MANIFEST = "manifest-v1"
NOTIFICATION = "notification-v1"


@cache
def _validator(name: str) -> Any:
    import jsonschema  # loaded when a pack is first checked, not at start-up

    schema = json.loads(resource_path("schemas", f"{name}.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def problem(document: Any, name: str) -> str | None:
    """None when `document` follows the schema; else one short line naming the first problem."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(name).iter_errors(document))
    if error is None:
        return None
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.path)
    message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
    return f"{where.lstrip('.') or _('the document')}: {message}"
