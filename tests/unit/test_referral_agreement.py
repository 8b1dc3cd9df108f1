"""The referral form's Agreement: its heading stays with the signature lines and the block is
never split, but it follows the last section on the same page when there is room."""

from __future__ import annotations

import io

from pypdf import PdfReader
from tests.helpers.documents import make_placement

from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import render_referral
from apdesk.models.enums import SenStatus
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

AGREEMENT = ("Agreement", "We agree the placement", "For the provision", "Name and role")


def pages(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def short_form(store: Store) -> PlacementRecord:
    with store.session() as s:
        return load_placement_record(s, make_placement(store, sen=SenStatus.NONE))


def where(texts: list[str], words: str) -> list[int]:
    return [n for n, text in enumerate(texts, start=1) if words in text]


def test_a_short_form_ends_with_the_agreement_under_the_last_section(store: Store) -> None:
    texts = pages(render_referral(short_form(store)))
    assert len(texts) == 2  # 3 when the Agreement always started a page of its own
    last = texts[-1]
    assert last.index("Attached documents") < last.index("Agreement")
    for words in AGREEMENT:
        assert where(texts, words) == [2], words
    assert last.count("Signature") == 2 and last.count("Date") >= 2


def test_the_agreement_moves_whole_to_a_new_page_only_when_it_does_not_fit(store: Store) -> None:
    record = short_form(store)
    outcomes = set()
    for lines in range(0, 44, 4):  # push the last section further down the page
        record.placement.exit_strategy = "Phased return, one more lesson a week. " * lines
        texts = pages(render_referral(record))
        attachments, agreement = where(texts, "Attached documents"), where(texts, "Agreement")
        assert len(agreement) == 1 and len(texts) == agreement[0]
        for words in AGREEMENT:  # heading, wording and signature lines together
            assert where(texts, words) == agreement, (lines, words)
        assert agreement[0] - attachments[0] in (0, 1)
        outcomes.add(agreement[0] - attachments[0])
    assert outcomes == {0, 1}  # both seen: it shares a page when it fits, and moves when not
