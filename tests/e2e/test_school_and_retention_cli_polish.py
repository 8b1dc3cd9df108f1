"""A Polish coordinator's `apdesk init`, `config` and `retention` commands: a refused school
detail is named by the flag that gave it, as in English, a record type is named by its
Polish title beside the key that is typed, and a review's dates read in the one date style."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers.cli_language import Run
from tests.helpers.privacy import add_child

from apdesk.store import Store


def test_a_refused_school_detail_names_its_flag_in_polish(polish_cli: Run, tmp_path: Path) -> None:
    code, _out, err = polish_cli("config", "--school-phone", "ring us")
    assert code == 2
    assert err.startswith("apdesk: --school-phone: „ring us” nie jest numerem telefonu (")
    code, _out, err = polish_cli("config", "--key-contact-email", "jo at school")
    assert err.startswith("apdesk: --key-contact-email: „jo at school” nie jest adresem e-mail")
    new = tmp_path / "new-store"
    code, _out, err = polish_cli("init", "--la-code", "12", "--no-keyring", folder=new)
    assert code == 2
    assert err.startswith("apdesk: --la-code: „12” to nie jest kod władz lokalnych (")
    assert not new.exists()


def test_english_refusals_still_name_the_flag(english_cli: Run, tmp_path: Path) -> None:
    code, _out, err = english_cli("config", "--key-contact-phone", "ring us")
    assert code == 2
    assert err.startswith("apdesk: --key-contact-phone: 'ring us' is not a phone number (")
    new = tmp_path / "new-store"
    code, _out, err = english_cli("init", "--estab", "40", "--no-keyring", folder=new)
    assert err.startswith("apdesk: --estab: '40' is not valid (it has 4 digits, e.g. 4001)")


def test_a_record_type_is_typed_by_its_key_and_named_in_polish(polish_cli: Run) -> None:
    code, out, _err = polish_cli("retention", "rules")
    assert code == 0
    pupils = next(line for line in out.splitlines() if line.startswith("pupils "))
    assert "Uczniowie skreśleni z listy: " in pupils
    code, out, _err = polish_cli("retention", "set", "Pupils", "30")
    assert code == 0
    assert out.strip() == "Uczniowie skreśleni z listy: przechowywane przez 30 lat"
    code, _out, err = polish_cli("retention", "review", "--type", "uczniowie")
    assert code == 2
    assert "pupils" in err and "placements" in err  # the keys it takes are listed


def test_english_retention_set_still_takes_the_key(english_cli: Run) -> None:
    code, out, _err = english_cli("retention", "set", "outbox", "2")
    assert code == 0
    assert out.strip() == "Delivered notification packs: kept for 2 years"


def left_in_1990s(store: Store) -> None:
    """A pupil born on 1 January 1990 who has left: due for review 25 years on."""
    with store.session() as s:
        add_child(s, 1, "Duesince", dob=date(1990, 1, 1), on_roll=False)


def test_a_review_says_since_when_in_polish_words(store: Store, polish_cli: Run) -> None:
    left_in_1990s(store)
    code, out, _err = polish_cli("retention", "review", "--type", "pupils")
    assert code == 0
    line = next(line for line in out.splitlines() if "Duesince" in line)
    assert "1 stycznia 2015" in line and "2015-01-01" not in line


def test_a_review_says_since_when_in_english_words(store: Store, english_cli: Run) -> None:
    left_in_1990s(store)
    code, out, _err = english_cli("retention", "review", "--type", "pupils")
    assert code == 0
    line = next(line for line in out.splitlines() if "Duesince" in line)
    assert "due since 1 January 2015" in line and "2015-01-01" not in line
