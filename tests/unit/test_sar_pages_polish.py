"""A Polish subject access PDF reads in the product's one date style and names its running
title whole on every page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from tests.unit.test_sar_polish import gathered

from apdesk.documents import sar_pdf
from apdesk.services import sar
from apdesk.services.school import school_details
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

TITLE = "Odpowiedź na wniosek o dostęp do danych"


def pages(store: Store, access: sar.SubjectAccess) -> list[str]:
    """Each page's text, whitespace collapsed so a title on two lines reads as one."""
    with store.session() as s:
        school = school_details(s)
    reader = PdfReader(io.BytesIO(sar_pdf.render(access, school)))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_no_date_or_moment_prints_as_iso(store: Store) -> None:
    _access, text = gathered(store)
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
    assert re.search(r"Utworzono \d{1,2} \w+ 20\d\d \d\d:\d\d:\d\d ", text)
    assert "+00:00" not in text


def test_the_running_title_is_whole_on_every_page(store: Store) -> None:
    access, _text = gathered(store)
    found = pages(store, access)
    assert len(found) > 2
    for number, page in enumerate(found, 1):
        assert TITLE in page, number
        assert "…" not in page, number
