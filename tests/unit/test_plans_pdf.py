"""The plan and review PDFs, read back: the targets, the exit strategy, the steps and the
review's progress are all on the page, and long text wraps onto more pages instead of
being cut off."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import Session
from tests.helpers.plans import END, make_placement, target

from apdesk.models.enums import Agency
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.services.plan_printouts import latest_review_pdf, plan_pdf, review_pdf
from apdesk.services.plans import ProgressInput, ReviewInput
from apdesk.store import Store


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def make_plan(s: Session) -> int:
    pid = make_placement(s).id or 0
    t1 = plans.add_target(s, pid, target())
    plans.add_target(s, pid, target("Read aloud in a small group", END))
    plans.save_plan_text(s, pid, exit_strategy="Phased return to Year 8 by Easter.")
    plans.add_step(
        s, pid, plans.StepInput("Two mainstream maths lessons", "Head of Year 8", date(2025, 2, 17))
    )
    plans.add_agency(s, pid, plans.AgencyInput(Agency.CAMHS, "", "Dr P. Lane", "Therapy"))
    plans.hold_review(
        s,
        pid,
        ReviewInput(
            held_on=date(2025, 2, 14),
            attendees=["Alex", "Parent"],
            child_voice="I like the small group.",
            provider_report="Settled well.",
            progress=[ProgressInput(t1.id or 0, "secure", "Up to 88%")],
            decisions="Add a mainstream lesson.",
            next_review=date(2025, 3, 28),
        ),
    )
    return pid


def test_the_plan_pdf_holds_the_targets_exit_strategy_and_next_review(store: Store) -> None:
    with store.session() as s:
        pid = make_plan(s)
        text = text_of(plan_pdf(s, pid, date(2025, 2, 20)))
    for expected in (
        "Reintegration plan",
        "Attend 90% of sessions",
        "Provider's weekly returns",
        "62%",
        "Read aloud in a small group",
        "Phased return to Year 8 by Easter.",
        "Two mainstream maths lessons",
        "Head of Year 8",
        "CAMHS",
        "Secure",
        "28 March 2025",
        "20 February 2025",
        "Not yet reviewed",
    ):
        assert expected in text, expected
    assert "ask before sharing" in text  # consent not recorded


def test_the_review_pdf_holds_progress_and_decisions(store: Store) -> None:
    with store.session() as s:
        pid = make_plan(s)
        data, held = latest_review_pdf(s, pid)
        review_id = plans.list_reviews(s, pid)[0].id
        assert "Review record" in text_of(review_pdf(s, review_id))
    text = text_of(data)
    assert held == date(2025, 2, 14)
    for expected in (
        "Review record",
        "14 February 2025",
        "I like the small group.",
        "Settled well.",
        "Secure",
        "Up to 88%",
        "Add a mainstream lesson.",
        "28 March 2025",
        "No marks in the register",
    ):
        assert expected in text, expected


def test_long_text_runs_onto_more_pages_and_is_all_there(store: Store) -> None:
    with store.session() as s:
        pid = make_plan(s)
        for n in range(12):
            long = target(f"Target {n}: " + "build confidence in reading aloud " * 15, END)
            plans.add_target(s, pid, long)
        narrow = target("Narrow column", END)
        narrow.baseline = ("Baseline " * 66)[:596] + "LAST"  # one word a line in its column
        plans.add_target(s, pid, narrow)
        plans.save_plan_text(
            s, pid, exit_strategy="Step by step back to school. " * 120 + "The last words."
        )
        data = plan_pdf(s, pid, date(2025, 2, 20))
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    text = text_of(data)
    assert "Target 11:" in text and "The last words." in text and "LAST" in text


def test_no_review_pdf_before_a_review_is_held(store: Store) -> None:
    with store.session() as s:
        pid = make_placement(s).id or 0
        with pytest.raises(ValidationError):
            latest_review_pdf(s, pid)
