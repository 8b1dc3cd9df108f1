"""The code table matches the 2024 regulations and counts each code the DfE way."""

from __future__ import annotations

import pytest

from apdesk.models.codes import (
    CODES,
    CURRENT_CODES,
    RETIRED_CODES,
    CodeGroup,
    StatRule,
    normalise_code,
    rule_of,
)
from apdesk.models.enums import Session
from apdesk.models.errors import ValidationError

EXPECTED_RULES = {
    StatRule.PRESENT: "/ \\ L",
    StatRule.ATTENDED: "K V P W B",
    StatRule.AUTHORISED: "C1 M J1 S C2 C T R I E",
    StatRule.UNAUTHORISED: "G N O U",
    StatRule.NOT_POSSIBLE: "D X Q Y1 Y2 Y3 Y4 Y5 Y6 Y7 Z #",
}


def test_every_2024_code_is_in_the_table_with_its_statistics_rule() -> None:
    listed = {code: rule for rule, codes in EXPECTED_RULES.items() for code in codes.split()}
    assert set(CURRENT_CODES) == set(listed)
    for code, rule in listed.items():
        assert CODES[code].rule is rule, code
        assert CODES[code].meaning


def test_groups_follow_the_regulations() -> None:
    assert CODES["D"].group is CodeGroup.DUAL
    assert CODES["X"].group is CodeGroup.LEAVE and CODES["X"].rule is StatRule.NOT_POSSIBLE
    assert CODES["C2"].group is CodeGroup.LEAVE and CODES["C2"].rule is StatRule.AUTHORISED
    assert CODES["Q"].group is CodeGroup.UNAVOIDABLE
    assert {CODES["Z"].group, CODES["#"].group} == {CodeGroup.ADMIN}
    assert CODES["B"].rule.attended and CODES["B"].rule.possible


def test_retired_codes_are_flagged_and_refused_for_new_marks() -> None:
    assert set(RETIRED_CODES) == {"H", "F", "J", "Y"}
    assert all(CODES[c].retired for c in RETIRED_CODES)
    with pytest.raises(ValidationError) as caught:
        normalise_code("h")
    assert caught.value.field == "code"
    assert "retired" in caught.value.message and "history" in caught.value.fix
    assert normalise_code("h", history=True) == "H"


def test_unknown_codes_are_refused_and_present_marks_follow_the_session() -> None:
    with pytest.raises(ValidationError, match="not an attendance code"):
        normalise_code("ZZ")
    assert normalise_code(" c2 ") == "C2"
    assert normalise_code("/", Session.PM) == "\\"
    assert normalise_code("\\", Session.AM) == "/"
    assert rule_of("??") is StatRule.NOT_POSSIBLE
