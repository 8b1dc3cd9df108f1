"""The English school year runs from 1 September to 31 August: the year-to-date figures, a
pupil's attendance summary and the age that fixes the NC year all count from its start."""

from __future__ import annotations

from datetime import date


def school_year_start(day: date) -> date:
    """The 1 September that began the school year `day` falls in."""
    return date(day.year if day.month >= 9 else day.year - 1, 9, 1)
