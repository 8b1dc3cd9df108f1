"""UPN verdicts: the check letter (census rule 1510) and the LA code (census rule 1530)."""

from __future__ import annotations

import pytest

from apdesk.models import ValidationError
from apdesk.models.la_codes import LA_CODES, SOURCE, is_recognised_la
from apdesk.models.upn import is_temporary, validate_upn


def test_a_hand_worked_permanent_upn_is_valid() -> None:
    """DfE UPN guidance: characters 2-13 weighted 2 to 13, summed, mod 23, mapped to
    A B C D E F G H J K L M N P Q R T U V W X Y Z. For 855 4001 22 001:
    8x2 + 5x3 + 5x4 + 4x5 + 0x6 + 0x7 + 1x8 + 2x9 + 2x10 + 0x11 + 0x12 + 1x13 = 130;
    130 mod 23 = 15 -> R."""
    assert validate_upn("R855400122001") == "R855400122001"
    assert not is_temporary("R855400122001")


def test_a_hand_worked_temporary_upn_is_valid() -> None:
    """A temporary UPN ends in a letter, valued by its place in the same table (A = 0):
    130 - 1x13 + 0x13 = 117; 117 mod 23 = 2 -> C."""
    assert validate_upn("C85540012200A") == "C85540012200A"
    assert is_temporary("C85540012200A")


def test_lower_case_and_spaces_are_normalised_not_refused() -> None:
    assert validate_upn(" r855 4001 22001\t") == "R855400122001"
    assert validate_upn("c855\u00a04001 2200a") == "C85540012200A"


def test_a_wrong_check_letter_is_refused_naming_the_right_one() -> None:
    with pytest.raises(ValidationError, match="expected R"):
        validate_upn("A855400122001")


def test_an_unknown_la_code_is_refused_even_with_a_right_check_letter() -> None:
    """Census validation 1530: characters 2-4 must be a recognised LA or pseudo-LA code.
    999: 9x2 + 9x3 + 9x4 + 4x5 + 1x8 + 2x9 + 2x10 + 1x13 = 160; 160 mod 23 = 22 -> Z, so
    Z999400122001 passes the check letter and fails only on its LA code."""
    with pytest.raises(ValidationError) as caught:
        validate_upn("Z999400122001")
    assert "999" in caught.value.message and "1530" in caught.value.message
    assert caught.value.field == "UPN"


@pytest.mark.parametrize(
    ("upn", "why"),
    [
        ("C940200024005", "North Northamptonshire, 2021"),
        ("C838300123010", "Dorset, 2019"),
        ("L001999924001", "pseudo-LA code"),
        ("E855400122009", "Leicestershire"),
    ],
)
def test_recognised_codes_include_councils_formed_since_2019(upn: str, why: str) -> None:
    assert validate_upn(upn) == upn, why


def test_the_list_is_one_data_file_with_its_source() -> None:
    """Codes created since 2019 (838, 839, 940-943) and the pseudo codes 001-005 are in;
    codes never allocated (000, 006, 214, 999) are out."""
    for code in ("001", "005", "201", "213", "420", "838", "839", "940", "941", "942", "943"):
        assert is_recognised_la(code), code
    for code in ("000", "006", "214", "321", "804", "999"):
        assert not is_recognised_la(code), code
    assert "1530" in SOURCE and len(LA_CODES) > 150


def test_a_pupil_typed_with_a_lower_case_spaced_upn_is_saved_canonical() -> None:
    """What a person types or a file supplies goes through the same rule (PupilInput)."""
    from datetime import date

    from apdesk.services.pupils import PupilInput

    data = PupilInput(
        upn="r855\u00a04001 22001", forename="Ada", surname="Ash", dob=date(2012, 1, 9), nc_year=8
    )
    data.validate(date(2025, 3, 3))
    assert data.upn == "R855400122001"
    unknown = PupilInput(
        upn="Z999400122001", forename="Ada", surname="Ash", dob=date(2012, 1, 9), nc_year=8
    )
    with pytest.raises(ValidationError, match="not a recognised LA code"):
        unknown.validate(date(2025, 3, 3))
