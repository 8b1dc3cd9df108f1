"""The plain data every chart is drawn from: the dashboard's Qt charts and the termly report's
PDF draw the same `Chart`, so the screen and the paper agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LINE, BAR = "line", "bar"


@dataclass(frozen=True)
class Series:
    name: str
    points: list[tuple[date, float]]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    y_label: str
    series: list[Series]
    kind: str = LINE
    percent: bool = False

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)
