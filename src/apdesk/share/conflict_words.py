"""A conflict between laptops in the reader's words, for the Sharing page and for
`apdesk share conflicts`: what happened to which record, on which laptop and when, never the
conflict's kind code or an ISO time."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from apdesk.i18n import N_, _, format_date
from apdesk.models.column_words import column_label
from apdesk.models.value_words import value_words
from apdesk.share.views import ConflictRow, Version

KIND_WORDS = {
    "text": N_("Edited on two laptops"),
    "delete": N_("Deleted on one laptop, changed on another"),
    "attendance": N_("Two codes for one session"),
    "unique": N_("Clashes with a record here"),
}

CHOICE_WORDS = {
    "delete": N_("--choose keep or --choose delete"),
    "attendance": N_("--choose checked, once the register is right"),
    "unique": N_("--choose dismiss, once the record is corrected"),
}

LONGEST_TEXT = 200  # characters of a version quoted on one line


def _moment(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return None


def when_text(iso: str | None) -> str:
    """A stamp as a person reads it: '6 December 2026, 09:14' (local time)."""
    moment = _moment(iso)
    if moment is None:
        return iso or _("never")
    return f"{format_date(moment.date())}, {moment:%H:%M}"


def at_words(iso: str | None) -> str:
    """A stamp inside a sentence: 'at 14:02 on 3 December 2026' (local time); '' for none."""
    moment = _moment(iso)
    if moment is None:
        return ""
    return _("at {time} on {date}").format(time=f"{moment:%H:%M}", date=format_date(moment.date()))


def field_words(name: str, table: str) -> str:
    """A conflicting field as the audit log and the subject access response name it."""
    return column_label(name, table)


def conflict_what(row: ConflictRow) -> str:
    what = _(KIND_WORDS.get(row.kind, row.kind))
    return f"{what}: {field_words(row.field, row.table)}" if row.field else what


def _quoted(text: str) -> str:
    """A version's text on one line, cut short if long, in the locale's quotation marks."""
    flat = " ".join(text.split())
    if len(flat) > LONGEST_TEXT:
        flat = flat[: LONGEST_TEXT - 1].rstrip() + "…"
    return _("“{text}”").format(text=flat)


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _headline(row: ConflictRow) -> str:
    detail = row.detail
    if row.kind == "text":
        return _("{record}: {field} changed on both laptops").format(
            record=row.record, field=field_words(row.field, row.table)
        )
    if row.kind == "delete":
        by = str(detail.get("by") or _("another laptop"))
        when = at_words(str(detail.get("when") or ""))
        if not when:
            return _("{record}: deleted on {laptop} while it was changed on another laptop").format(
                record=row.record, laptop=by
            )
        return _(
            "{record}: deleted on {laptop} {when}, while it was changed on another laptop"
        ).format(record=row.record, laptop=by, when=when)
    if row.kind == "attendance":
        try:
            day = format_date(date.fromisoformat(str(detail.get("date"))), "EEEE d MMMM y")
        except ValueError:
            day = str(detail.get("date") or "")
        half = _("morning") if detail.get("session") == "AM" else _("afternoon")
        return _("{record}: two different codes for {day}, {half}, from two laptops").format(
            record=row.record, day=day, half=half
        )
    if row.kind == "unique":
        return _(
            "{record}: clashes with a record on this laptop (the same unique value), so it was "
            "left out here"
        ).format(record=row.record)
    return _("{record}: {what}").format(record=row.record, what=conflict_what(row))


def _facts(row: ConflictRow) -> list[str]:
    """What a person needs to decide: each text version, the kept record, or the marks."""
    if row.kind == "text":
        return [_version(number, v) for number, v in enumerate(row.versions, 1)]
    if row.kind == "delete":
        return [
            _("{field}: {value}").format(
                field=field_words(name, row.table), value=_value(value_words(row.table, name, v))
            )
            for name, v in row.summary
        ]
    if row.kind == "attendance":
        lines = []
        for mark in row.detail.get("chain") or []:
            line = _joined(
                _("{code} recorded on {laptop}").format(code=mark["code"], laptop=mark["by"]),
                at_words(str(mark.get("when") or "")),
            )
            lines.append(_joined(line, _("(current)") if mark.get("current") else ""))
        return lines
    return []


def _version(number: int, version: Version) -> str:
    when = at_words(version.when)
    if not when:
        return _("Version {number}, from {laptop}: {text}").format(
            number=number, laptop=version.device, text=_quoted(version.text)
        )
    return _("Version {number}, from {laptop} {when}: {text}").format(
        number=number, laptop=version.device, when=when, text=_quoted(version.text)
    )


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _settle(row: ConflictRow) -> str:
    if row.kind == "text":
        numbers = ", ".join(str(n) for n in range(1, len(row.versions) + 1))
        how = _("--choose a version's number ({numbers}), or --merged-file FILE").format(
            numbers=numbers
        )
    else:
        how = _(CHOICE_WORDS.get(row.kind, CHOICE_WORDS["unique"]))
    return _("To settle it: apdesk share conflicts --resolve {id} with {how}").format(
        id=row.id, how=how
    )


def conflict_lines(row: ConflictRow) -> list[str]:
    """One conflict as `apdesk share conflicts` prints it: a sentence, then its facts and how
    to settle it, indented under it."""
    return [_headline(row), *(f"    {line}" for line in [*_facts(row), _settle(row)])]
