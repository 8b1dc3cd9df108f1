"""Every message that sends the reader to a settings window names it the one way, as the menus
do: "File › Security › Keys", "File › School details", in each language, and each step of the
path is a real menu item's caption in that language."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"
PATH = re.compile(r"File › ([^›.,;:()]+?)(?= ›|[.,;:)]|$| (?:in|changes|before|and|cannot)\b)")
OLD_FORMS = re.compile(r"(Settings|File|Security) > |Settings \(|in the school's details")


def _catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "apdesk.po").open("rb") as handle:
        return read_po(handle)


def _caption(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def _messages(catalog: Catalog) -> list[tuple[str, str]]:
    return [(m.id, m.string) for m in catalog if m.id and isinstance(m.id, str)]


def test_settings_are_named_as_the_file_menu_names_them() -> None:
    messages = _messages(_catalog("pl_PL"))
    captions = {_caption(msgid): _caption(polish) for msgid, polish in messages}
    pointing = [(msgid, polish) for msgid, polish in messages if "File ›" in msgid]
    assert len(pointing) >= 10
    assert [msgid for msgid, _polish in messages if OLD_FORMS.search(msgid)] == []
    for msgid, polish in pointing:
        for item in PATH.findall(msgid):
            assert item in captions, f"{item!r} is not a menu item ({msgid})"
            assert f"Plik › {captions[item]}" in polish, msgid


def test_the_security_and_school_pages_are_named_in_full() -> None:
    ids = [msgid for msgid, _polish in _messages(_catalog("pl_PL"))]
    assert any("File › Security › Keys" in msgid for msgid in ids)
    assert any("File › Security › Retention" in msgid for msgid in ids)
    assert any("File › School details" in msgid for msgid in ids)
