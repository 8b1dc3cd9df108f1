"""A chart in words: what a screen reader hears, the tooltip, the figures written under the
chart, and the table of figures one key away. Nobody has to read a line's colour or shape to know
what it says; these words say it in the same figures the chart draws.
"""

from __future__ import annotations

from apdesk.i18n import _, format_date, format_number, format_percent
from apdesk.models.charts import BAR, Chart


def value_text(value: float, percent: bool) -> str:
    """A figure as the chart writes it: a share as a percentage, else a number."""
    return format_percent(value) if percent else format_number(value)


def describe(chart: Chart) -> str:
    """The chart in words, for screen readers and the tooltip."""
    if chart.empty:
        return _("{title}: no figures for this period yet").format(title=chart.title)
    parts = []
    for s in chart.series:
        if s.points:
            day, value = s.points[-1]
            parts.append(
                _("{name} {value} on {day}").format(
                    name=s.name, value=value_text(value, chart.percent), day=format_date(day)
                )
            )
    return f"{chart.title}: " + "; ".join(parts)


def figures(chart: Chart) -> str:
    """The numbers behind the chart as a sentence: each bar, or each line from first to last."""
    if chart.empty:
        return _("No figures for this period yet.")
    if chart.kind == BAR:
        points = chart.series[0].points
        return (
            "; ".join(
                f"{format_date(day, 'MMM y')}: {value_text(value, chart.percent)}"
                for day, value in points
            )
            + "."
        )
    parts = []
    for s in chart.series:
        if not s.points:
            continue
        (start, first), (end, last) = s.points[0], s.points[-1]
        values = [v for _d, v in s.points]
        parts.append(
            _("{name}: {first} on {start}, {last} on {end} (lowest {low}, highest {high})").format(
                name=s.name,
                first=value_text(first, chart.percent),
                start=format_date(start, "d MMM"),
                last=value_text(last, chart.percent),
                end=format_date(end, "d MMM"),
                low=value_text(min(values), chart.percent),
                high=value_text(max(values), chart.percent),
            )
        )
    return "; ".join(parts) + "."


def figure_rows(chart: Chart) -> tuple[list[str], list[list[str]]]:
    """The chart as a table: a date column, then one column per series."""
    headers = [_("Date"), *(s.name for s in chart.series)]
    days = sorted({day for s in chart.series for day, _v in s.points})
    values = [dict(s.points) for s in chart.series]
    rows = [
        [format_date(day)] + [value_text(v[day], chart.percent) if day in v else "" for v in values]
        for day in days
    ]
    return headers, rows
