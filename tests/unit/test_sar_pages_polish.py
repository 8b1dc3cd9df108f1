"""A Polish subject access PDF reads in the product's one date style."""

from __future__ import annotations

import re

import pytest
from tests.unit.test_sar_polish import gathered

from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")


def test_no_date_or_moment_prints_as_iso(store: Store) -> None:
    _access, text = gathered(store)
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
    assert re.search(r"Utworzono \d{1,2} \w+ 20\d\d \d\d:\d\d:\d\d ", text)
    assert "+00:00" not in text
