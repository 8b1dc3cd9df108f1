"""Paper that reads well, checked page by page with poppler's pdftotext: a table row is never
cut across two pages, and the referral's signature lines stay with the agreement they sign."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from tests.helpers.documents import make_placement
from tests.helpers.measures import TODAY, place_many

from apdesk.documents.referral import render_referral
from apdesk.documents.termly_report import render_termly_report
from apdesk.services.measures import year_to_date
from apdesk.services.measures.termly import termly_report
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
ROWS = 60


def pages(data: bytes, tmp_path: Path) -> list[str]:
    """Each page's text as pdftotext reads it, whitespace collapsed."""
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    found = []
    for n in range(1, count + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found.append(" ".join(out.split()))
    return found


def provider_name(n: int) -> str:
    """Long enough to wrap over four lines of its narrow column, with a word at each end."""
    words = "Riverside Vocational and Outdoor Learning Partnership with Forest School and Farm"
    return f"Begin{n:03d} {words} Ends{n:03d}"


def test_the_termly_report_never_cuts_a_row_across_pages(store: Store, tmp_path: Path) -> None:
    place_many(store, ROWS, "Tall", provider_name)
    with store.session() as s:
        full = termly_report(s, year_to_date(TODAY), TODAY)
    for shown in range(ROWS - 12, ROWS + 1, 3):  # the roster starts further down each time
        report = replace(full, roster=full.roster[:shown])
        texts = pages(render_termly_report(report), tmp_path)
        assert len(texts) >= 4  # the rows run over several pages: there are breaks to check
        for number, text in enumerate(texts, start=1):
            for n in range(ROWS):
                begins, ends = text.count(f"Begin{n:03d}"), text.count(f"Ends{n:03d}")
                assert begins == ends, f"{shown} rows, page {number}: provider {n}'s row is cut"
        for row in report.roster:
            pupil_pages = [i for i, t in enumerate(texts) if row.pupil_name in t]
            assert len(pupil_pages) == 1, row.pupil_name
            assert row.provider.split()[-1] in texts[pupil_pages[0]]


def test_the_referral_signatures_stay_with_the_agreement_on_long_forms(
    store: Store, tmp_path: Path
) -> None:
    placement_id = make_placement(store)
    with store.session() as s:
        record = load_placement_record(s, placement_id)
    seen = set()
    for sentences in (0, 10, 25, 40, 60):
        text = "The pupil responds well to a calm start and a named adult each morning. "
        record.placement.exit_strategy = text * sentences
        record.placement.learning_outcomes = text * (sentences // 2)
        texts = pages(render_referral(record), tmp_path)
        signed = [i for i, t in enumerate(texts) if "Name and role" in t]
        assert len(signed) == 1, sentences
        last = texts[signed[0]]
        assert "We agree the placement" in last and "Agreement" in last
        assert last.count("Signature") == 2 and "For the provision" in last
        assert signed[0] == len(texts) - 1
        seen.add(len(texts))
    assert len(seen) > 1  # the forms grew over more than one page count
