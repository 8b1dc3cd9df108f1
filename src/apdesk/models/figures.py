"""Session counts and the DfE rates and flags derived from them: the one place a mark's code
becomes attended, possible or absent, for the register, the plans and the LA's packs alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apdesk.models.codes import StatRule, rule_of

PERSISTENT = 0.10
SEVERE = 0.50


@dataclass
class Figures:
    """Session counts for a pupil, placement, provider or cohort over a date range."""

    attended: int = 0
    authorised: int = 0
    unauthorised: int = 0
    not_possible: int = 0
    missing: int = 0

    def add(self, code: str, count: int = 1) -> None:
        rule = rule_of(code)
        if rule is StatRule.NOT_POSSIBLE:
            self.not_possible += count
        elif rule.attended:
            self.attended += count
        elif rule is StatRule.AUTHORISED:
            self.authorised += count
        else:
            self.unauthorised += count

    def merge(self, other: Figures) -> None:
        self.attended += other.attended
        self.authorised += other.authorised
        self.unauthorised += other.unauthorised
        self.not_possible += other.not_possible
        self.missing += other.missing

    @property
    def possible(self) -> int:
        return self.attended + self.authorised + self.unauthorised

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def rate(self) -> float | None:
        return self.attended / self.possible if self.possible else None

    @property
    def absence_rate(self) -> float | None:
        return self.absent / self.possible if self.possible else None

    @property
    def persistent(self) -> bool:
        # integer comparison: exactly 10% missed is persistent, with no float rounding
        return self.possible > 0 and self.absent * 10 >= self.possible

    @property
    def severe(self) -> bool:
        return self.possible > 0 and self.absent * 2 >= self.possible

    def as_json(self) -> dict[str, Any]:
        return {
            "possible_sessions": self.possible,
            "attended_sessions": self.attended,
            "authorised_absence": self.authorised,
            "unauthorised_absence": self.unauthorised,
            "not_possible": self.not_possible,
            "attendance_rate": None if self.rate is None else round(self.rate, 4),
            "persistent_absence": self.persistent,
            "severe_absence": self.severe,
            "missing_sessions": self.missing,
        }
