"""A Polish user whose new passphrase is too short reads, in Polish, how long it is and how
long it must be."""

from __future__ import annotations

from pathlib import Path

import pytest

from apdesk.models import ValidationError
from apdesk.store import Store
from apdesk.store.crypto import KdfParams

pytestmark = pytest.mark.usefixtures("polish")


def test_a_short_passphrase_for_a_new_store_is_refused_in_polish(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        Store.create(tmp_path / "store", "kot", kdf=KdfParams.fast())
    assert str(refused.value) == (
        "Hasło: ma 3 znaki (użyj co najmniej 10 znaków: dobrze sprawdzają się trzy lub "
        "cztery niezwiązane słowa)"
    )
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").iterdir())


def test_a_short_new_passphrase_for_an_open_store_is_refused_in_polish(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        store.change_passphrase("a")
    assert str(refused.value).startswith("Hasło: ma 1 znak (użyj co najmniej 10 znaków")
    with pytest.raises(ValidationError) as five:
        store.change_passphrase("abcde")
    assert str(five.value).startswith("Hasło: ma 5 znaków (")
