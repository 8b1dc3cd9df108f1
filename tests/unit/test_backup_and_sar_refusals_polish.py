"""A Polish user whose backup cannot be written, or whose subject access request names no
pupil, reads why and what to do in Polish; the folder and the UPN stay as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from apdesk.models import ValidationError
from apdesk.services import sar
from apdesk.services.auto_backup import back_up_now
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

NOW = datetime(2025, 3, 3, 16, 0, tzinfo=UTC)


def refusal(call: Callable[[], object]) -> str:
    """The text a person is shown when `call` is refused."""
    with pytest.raises(ValidationError) as refused:
        call()
    return str(refused.value)


def test_a_backup_that_cannot_be_written_is_explained_in_polish(
    store: Store, tmp_path: Path
) -> None:
    unplugged = tmp_path / "usb"
    assert refusal(lambda: back_up_now(store, unplugged, NOW)) == (
        f"Folder kopii zapasowych: nie ma folderu {unplugged} "
        "(podłącz dysk albo wybierz inny folder)"
    )
    inside = refusal(lambda: back_up_now(store, store.folder, NOW))
    assert "leży w folderze samej bazy danych (wybierz folder na innym dysku" in inside
    none_kept = refusal(lambda: back_up_now(store, tmp_path, NOW, keep=0))
    assert none_kept == "Liczba przechowywanych kopii: wynosi 0 (zachowaj co najmniej 1)"


def test_a_request_for_an_unknown_upn_is_refused_in_polish(store: Store) -> None:
    with store.session() as s:
        text = refusal(lambda: sar.build(s, "A123", date(2025, 3, 3)))
    assert text == "Uczeń: brak ucznia z numerem UPN A123 (sprawdź numer UPN na liście uczniów)"
