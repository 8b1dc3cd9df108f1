"""A measure: its figure, what it counts, and the records behind it.

A share whose denominator is zero has no value (None), never 0% or 100%.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

COUNT, SHARE, RATE = "count", "share", "rate"


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    definition: str
    kind: str  # COUNT, SHARE (of placements or pupils) or RATE (attendance)
    numerator: int | None
    denominator: int | None
    value: float | None
    pupil_ids: tuple[int, ...] = ()
    placement_ids: tuple[int, ...] = ()
    target: float | None = None
    breakdown: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": None if self.value is None else round(self.value, 4),
        }


def count_measure(
    name: str, label: str, definition: str, pupils: set[int], placements: set[int], **extra: Any
) -> Measure:
    n = len(pupils) if pupils or not placements else len(placements)
    return Measure(
        name,
        label,
        definition,
        COUNT,
        n,
        None,
        n,
        tuple(sorted(pupils)),
        tuple(sorted(placements)),
        **extra,
    )


def share_measure(
    name: str,
    label: str,
    definition: str,
    met: dict[int, int],
    total: dict[int, int],
    target: float | None = 1.0,
) -> Measure:
    """`met` and `total` map placement id -> pupil id; the measure opens the placements met."""
    value = len(met) / len(total) if total else None
    return Measure(
        name,
        label,
        definition,
        SHARE,
        len(met),
        len(total),
        value,
        tuple(sorted(set(met.values()))),
        tuple(sorted(met)),
        target,
    )
