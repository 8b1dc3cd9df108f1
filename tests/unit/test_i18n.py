"""Languages: the Polish catalog, the pseudo-locale, locale-aware numbers and dates, PDF fonts."""

from __future__ import annotations

import gettext
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from tests.helpers.documents import make_placement, pdf_text

from apdesk import i18n
from apdesk.documents import fonts
from apdesk.documents.letter import render_parent_letter
from apdesk.documents.referral import render_referral
from apdesk.i18n import _, format_date, format_number, format_percent, ngettext, set_locale
from apdesk.paths import resource_path
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

LOCALES = resource_path("locale")
POLISH_PO = LOCALES / "pl_PL" / "LC_MESSAGES" / "apdesk.po"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_polish_catalog_translates_the_gui_and_plurals() -> None:
    set_locale("pl_PL")
    assert i18n.current_locale() == "pl_PL"
    assert _("&Save") == "&Zapisz"
    assert _("Placements") == "Umieszczenia"
    assert ngettext("{n} warning", "{n} warnings", 1) == "{n} ostrzeżenie"
    assert ngettext("{n} warning", "{n} warnings", 3) == "{n} ostrzeżenia"
    assert ngettext("{n} warning", "{n} warnings", 5) == "{n} ostrzeżeń"
    set_locale("en_GB")
    assert _("&Save") == "&Save"


def test_unknown_locale_falls_back_to_the_source_language() -> None:
    set_locale("xx_NOPE")
    assert i18n.current_locale() == "en_GB"
    assert _("&Save") == "&Save"


def test_dates_numbers_and_week_start_follow_the_locale() -> None:
    day = date(2025, 3, 3)
    assert format_date(day) == "3 March 2025"
    assert format_number(1234.5, 1) == "1,234.5"
    assert format_percent(0.905, 1) == "90.5%"
    assert i18n.first_weekday() == 0  # Monday
    set_locale("pl_PL")
    assert format_date(day) == "3 marca 2025"
    assert format_number(1234.5, 1) == "1\xa0234,5"
    assert format_percent(0.905, 1) == "90,5%"
    assert i18n.first_weekday() == 0


def test_pseudo_locale_lengthens_and_accents_but_keeps_placeholders() -> None:
    set_locale(i18n.PSEUDO_LOCALE)
    source = "Save the placement for {name} <b>now</b>"
    shown = _(source)
    assert shown != source
    assert len(shown) >= len(source) * 1.3
    assert PLACEHOLDER.findall(shown) == ["{name}"]
    assert "<b>" in shown and "</b>" in shown
    assert shown.format(name="Ada")  # still formats
    assert _("&Save").count("&") == 1
    assert format_date(date(2025, 3, 3)) == "3 March 2025"  # formats like the source


def _messages(po: Path) -> list[tuple[list[str], list[str]]]:
    with po.open("rb") as f:
        catalog = read_po(f)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = list(message.id) if isinstance(message.id, tuple) else [message.id]
        strings = list(message.string) if isinstance(message.string, tuple) else [message.string]
        pairs.append((ids, strings))
    return pairs


def test_every_polish_translation_keeps_the_placeholders() -> None:
    wrong = []
    for ids, strings in _messages(POLISH_PO):
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for text in strings:
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                wrong.append(f"{ids[0]!r} -> {text!r}")
            if ids[0].count("&") == 1 and text.count("&") != 1 and "&&" not in ids[0]:
                wrong.append(f"mnemonic lost: {ids[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_polish_catalog_is_complete_and_compiled() -> None:
    pairs = _messages(POLISH_PO)
    assert len(pairs) > 1000
    untranslated = [ids[0] for ids, strings in pairs if not all(strings)]
    assert not untranslated
    with (LOCALES / "apdesk.pot").open("rb") as f:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert template <= {ids[0] for ids, _strings in pairs}
    with POLISH_PO.with_suffix(".mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    assert all(compiled.gettext(ids[0]) == strings[0] for ids, strings in pairs if len(ids) == 1)
    assert (LOCALES / "en_GB" / "LC_MESSAGES" / "apdesk.mo").is_file()


def test_available_locales_lists_the_catalogs_and_the_pseudo_locale() -> None:
    assert i18n.available_locales() == ["en_GB", "pl_PL", "en_XA"]


def test_pdf_fonts_switch_to_unicode_for_polish_and_back() -> None:
    if not fonts.register_unicode_fonts():
        pytest.skip("DejaVu Sans is not installed")
    set_locale("pl_PL")
    assert fonts.body_font() == "ApdeskSans"
    assert fonts.bold_font() == "ApdeskSans-Bold"
    assert isinstance(pdfmetrics.getFont("Helvetica"), TTFont)
    set_locale("en_GB")
    assert fonts.body_font() == "Helvetica"
    assert not isinstance(pdfmetrics.getFont("Helvetica"), TTFont)


def test_referral_and_letter_in_polish_read_back_with_polish_letters(store: Store) -> None:
    if not fonts.register_unicode_fonts():
        pytest.skip("DejaVu Sans is not installed")
    placement_id = make_placement(store)
    set_locale("pl_PL")
    with store.session() as s:
        record = load_placement_record(s, placement_id)
    referral = pdf_text(render_referral(record))
    letter = pdf_text(render_parent_letter(record, today=date(2025, 2, 24)))
    assert "Formularz skierowania do kształcenia alternatywnego" in referral
    assert "Szczegóły potrzeb zdrowotnych" in referral
    assert "Załącznik" in referral or "Ocena ryzyka" in referral or "Frekwencja" in referral
    assert "Z wyrazami szacunku," in letter
    assert "Państwa prawo do wnioskowania o przegląd" in letter
    assert "marca 2025" in letter
    for letter_ in "łśżęą":
        assert letter_ in referral + letter, letter_
    assert "\ufffd" not in referral + letter and "■" not in referral + letter
