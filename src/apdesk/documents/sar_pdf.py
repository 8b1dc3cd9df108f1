"""The readable half of a subject access response: every record, field by field.

Other people's details are listed on their own pages first, so whoever answers the request
reviews them for redaction before the pack goes out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from reportlab.platypus import Flowable, PageBreak

from apdesk.documents.blocks import Row, notice_box, para, section
from apdesk.documents.common import Letterhead, build_pdf
from apdesk.documents.fonts import document_fonts
from apdesk.documents.sar_labels import action_label
from apdesk.i18n import _, format_date, format_iso_text, format_number, ngettext
from apdesk.models.column_words import column_label
from apdesk.models.school import SchoolDetails
from apdesk.models.value_words import value_words

MAX_VALUE = 2000


class SubjectAccess(Protocol):
    """What the services' subject access gathers (`apdesk.services.sar.SubjectAccess`)."""

    @property
    def upn(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def requested_on(self) -> date: ...
    @property
    def respond_by(self) -> date: ...
    @property
    def sections(self) -> Mapping[str, Sequence[Mapping[str, Any]]]: ...
    @property
    def third_party(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def audit_events(self) -> Sequence[Mapping[str, Any]]: ...

    def section_title(self, key: str) -> str: ...


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, float):  # 25.0 prints "25", 13.5 "13,5" in Polish
        return format_number(value)
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _records(table: str, title: str, rows: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    story: list[Flowable] = []
    for n, row in enumerate(rows, 1):
        fields: list[Row] = [
            (column_label(k, table), _value(value_words(table, k, v))) for k, v in row.items()
        ]
        heading = (
            title
            if len(rows) == 1
            else _("{title} ({n} of {count})").format(title=title, n=n, count=len(rows))
        )
        story += section(heading, fields)
    return story


def _third_party_label(access: SubjectAccess, item: Mapping[str, Any]) -> str:
    """Where another person's detail was found: section, record number and field, in words."""
    return _("{section}, record {number}: {field}").format(
        section=_(access.section_title(item["table"])),
        number=item["record_id"],
        field=column_label(item["field"], item["table"]),
    )  # "Contacts 75: Full name" read as if 75 counted the contacts


def _third_parties(access: SubjectAccess) -> list[Row]:
    """Each other person's detail once where it was found: one on many records (whoever
    recorded every mark, the user behind every audit entry) once, with how many."""
    found: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
    for item in access.third_party:
        found.setdefault((item["table"], item["field"], _value(item["value"])), []).append(item)
    rows: list[Row] = []
    for (table, name, shown), items in found.items():
        if len(items) == 1:
            rows.append((_third_party_label(access, items[0]), shown))
            continue
        label = f"{_(access.section_title(table))}: {column_label(name, table)}"
        count = ngettext("{value} ({n} entry)", "{value} ({n} entries)", len(items))
        rows.append((label, count.format(value=shown, n=len(items))))
    return rows


def _change(table: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """What an audit row changed, a field a line: its value added or removed, or old and new."""
    lines = []

    def shown(name: str, value: Any) -> str:
        return _value(value_words(table, name, value))

    for name in sorted(set(before) | set(after)):
        label = column_label(name, table)
        if name in before and name in after:
            if before[name] != after[name]:
                lines.append(
                    _("{field}: {old}, now {new}").format(
                        field=label, old=shown(name, before[name]), new=shown(name, after[name])
                    )
                )
        else:
            value = after[name] if name in after else before[name]
            lines.append(f"{label}: {shown(name, value)}")
    return "\n".join(lines)


def _audit(access: SubjectAccess, events: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    rows: list[Row] = []
    for event in events:
        when = format_iso_text(event["at"])
        label = f"{when}\n{event['actor']}: {action_label(event['action'])}"
        table, _space, number = str(event["record"]).partition(" ")
        record = f"{_(access.section_title(table))} {number}"
        change = _change(table, event["before"], event["after"])
        rows.append((label, f"{record}\n{change}"))
    return section(_("Audit log entries about this pupil"), rows)


def render(access: SubjectAccess, school: SchoolDetails) -> bytes:
    with document_fonts(access, school):
        return _render(access, school)


def _render(access: SubjectAccess, school: SchoolDetails) -> bytes:
    title = _("Subject access response")
    story: list[Flowable] = [
        para(title, "title"),
        para(_("{name} (UPN {upn})").format(name=access.name, upn=access.upn), "subtitle"),
        notice_box(
            _(
                "Request received {requested}. Respond by {due} (one calendar month; check "
                "bank holidays). Before sending, review every item in “Other people's details” "
                "and redact what the child or family is not entitled to see."
            ).format(requested=format_date(access.requested_on), due=format_date(access.respond_by))
        ),
    ]
    story += section(_("Other people's details (review for redaction)"), _third_parties(access))
    story.append(PageBreak())
    for key, rows in access.sections.items():
        story += _records(key, _(access.section_title(key)), rows)
    if access.audit_events:
        story.append(PageBreak())
        story += _audit(access, access.audit_events)
    return build_pdf(story, Letterhead.of(school), title)
