"""Errors that name the field at fault and say how to fix it."""

from __future__ import annotations

from apdesk.models.field_labels import field_label


class ApdeskError(Exception):
    """Base of every error apdesk shows to a person rather than as a traceback."""


class ValidationError(ApdeskError, ValueError):
    """A value a person entered breaks a rule; `field` names the input, `fix` says what to do.

    `field` is the key code matches on; the text a person reads (`str()`) names it by its
    label in the language chosen when it is shown."""

    def __init__(self, field: str, message: str, fix: str = "") -> None:
        self.field = field
        self.message = message
        self.fix = fix
        super().__init__(field, message, fix)

    @property
    def label(self) -> str:
        """The field as the reader knows it ("Session", "Sesja"), not its key."""
        return field_label(self.field)

    def __str__(self) -> str:
        text = f"{self.label}: {self.message}"
        return f"{text} ({self.fix})" if self.fix else text
