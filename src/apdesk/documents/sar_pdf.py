"""The readable half of a subject access response: every record, field by field.

Other people's details are listed on their own pages first, so whoever answers the request
reviews them for redaction before the pack goes out.
"""

from __future__ import annotations

import json
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from apdesk.documents.blocks import Row, notice_box, para, section
from apdesk.documents.common import Letterhead, build_pdf
from apdesk.documents.fonts import document_fonts
from apdesk.i18n import _, format_date
from apdesk.services.sar import SECTION_TITLES, SubjectAccess
from apdesk.services.school import SchoolDetails

MAX_VALUE = 2000


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _records(title: str, rows: list[dict[str, Any]]) -> list[Flowable]:
    story: list[Flowable] = []
    for n, row in enumerate(rows, 1):
        fields: list[Row] = [(_label(k), _value(v)) for k, v in row.items()]
        heading = title if len(rows) == 1 else f"{title} ({n} of {len(rows)})"
        story += section(heading, fields)
    return story


def _audit(events: list[dict[str, Any]]) -> list[Flowable]:
    rows: list[Row] = []
    for event in events:
        change = {"before": event["before"], "after": event["after"]}
        label = f"{event['at'][:19].replace('T', ' ')}\n{event['actor']}: {event['action']}"
        rows.append((label, f"{event['record']}\n{_value(change)}"))
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
    flagged: list[Row] = [
        (f"{item['section']} {item['record_id']}: {_label(item['field'])}", _value(item["value"]))
        for item in access.third_party
    ]
    story += section(_("Other people's details (review for redaction)"), flagged)
    story.append(PageBreak())
    for key, rows in access.sections.items():
        story += _records(_(SECTION_TITLES.get(key, _label(key))), rows)
    if access.audit_events:
        story.append(PageBreak())
        story += _audit(access.audit_events)
    return build_pdf(story, Letterhead.of(school), title)
