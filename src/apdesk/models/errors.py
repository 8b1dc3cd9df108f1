"""Errors that name the field at fault and say how to fix it."""

from __future__ import annotations


class ApdeskError(Exception):
    """Base of every error apdesk shows to a person rather than as a traceback."""


class ValidationError(ApdeskError, ValueError):
    """A value a person entered breaks a rule; `field` names the input, `fix` says what to do."""

    def __init__(self, field: str, message: str, fix: str = "") -> None:
        self.field = field
        self.message = message
        self.fix = fix
        text = f"{field}: {message}"
        if fix:
            text += f" ({fix})"
        super().__init__(text)
