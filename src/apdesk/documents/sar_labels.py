"""The words a subject access response prints for an audit row's action.

The export keeps each table's own column names (they are the data); a reader sees their words
from `apdesk.models.column_words`, in their language."""

from __future__ import annotations

from apdesk.i18n import _
from apdesk.models.record_words import AUDIT_ACTION_WORDS


def action_label(action: str) -> str:
    """What an audit row did, in the reader's language ("create": "Added")."""
    label = AUDIT_ACTION_WORDS.get(action)
    return _(label) if label else action
