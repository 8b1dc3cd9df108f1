"""Reads run on several threads: when the same question is asked twice, only the newest
answer is shown, whichever arrives last."""

from __future__ import annotations

from apdesk.ui.core.follow import Latest


def test_an_older_answer_arriving_late_is_not_shown() -> None:
    latest, shown = Latest(), []
    first = latest.ask(shown.append)
    second = latest.ask(shown.append)
    second("the week asked for last")
    first("the week asked for first")
    assert shown == ["the week asked for last"]
    third = latest.ask(shown.append)
    third("asked again")
    assert shown == ["the week asked for last", "asked again"]
