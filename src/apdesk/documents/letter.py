"""The letter to parents and carers about a placement, and, for an off-site direction, the
written notice with everything the regulations require (where, who to report to, how many
days, why, what for, when, and the right to ask for a review), in plain English."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from apdesk.i18n import _, format_date, format_number, ngettext
from apdesk.models import Contact

from .blocks import DocTable, Row, esc, field_table, para
from .common import CONTENT_WIDTH, CopyStart, Letterhead, build_pdf
from .fonts import document_fonts
from .formatting import date_or_missing, join_nonempty, not_recorded, reason_labels, text_or_missing
from .placement_data import PlacementRecord


def _households(r: PlacementRecord) -> list[list[Contact]]:
    """One copy of the letter per address, so parents who live apart each get one."""
    groups: dict[str, list[Contact]] = {}
    for contact in r.parents:
        key = " ".join(contact.address.lower().replace(",", " ").split())
        groups.setdefault(key, []).append(contact)
    return list(groups.values())


def _names(people: list[Contact]) -> str:
    return f" {_('and')} ".join(c.name for c in people)


def _address_lines(address: str) -> list[str]:
    parts = address.splitlines() if "\n" in address else address.split(",")
    return [p.strip() for p in parts if p.strip()]


def _address_block(people: list[Contact], today: date) -> Flowable:
    names = _names(people) or _("The parents or carers")
    lines = [names, *(_address_lines(people[0].address) if people else [])]
    left = para("<br/>".join(esc(line) for line in lines), "letter", markup=True)
    right = para(format_date(today), "date")
    return DocTable(
        [[left, right]],
        colWidths=[CONTENT_WIDTH * 0.65, CONTENT_WIDTH * 0.35],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def _where_rows(r: PlacementRecord, first: str) -> list[Row]:
    pl, pv = r.placement, r.provider
    where = join_nonempty([pv.name, pv.address, pv.postcode], "\n")
    report = text_or_missing(pl.reporting_to)
    if pl.reporting_to and pv.phone:
        report += _(" (telephone {phone})").format(phone=pv.phone)
    rows: list[Row] = [
        (_("Where {name} will go").format(name=first), where),
        (_("Who {name} reports to").format(name=first), report),
    ]
    if pl.off_site_direction or pl.direction_days:
        days = (
            ngettext("{n} school day", "{n} school days", pl.direction_days).format(
                n=format_number(pl.direction_days)
            )
            if pl.direction_days
            else not_recorded()
        )
        rows.append((_("Number of days"), days))
    rows += [
        (_("Days at the provision"), r.sessions_pattern),
        (_("Session times"), r.session_times),
        (_("Start date"), date_or_missing(pl.start_date)),
        (_("End date"), date_or_missing(pl.end_date)),
        (_("Getting there"), pl.transport),
    ]
    return rows


def _why_rows(r: PlacementRecord, first: str) -> list[Row]:
    pl = r.placement
    return [
        (_("Why"), "\n".join(reason_labels(pl.reasons))),
        (_("What we have tried already"), pl.interventions_tried),
        (_("What we want {name} to achieve").format(name=first), pl.learning_outcomes),
        (_("How we will know it is working"), pl.success_measures),
        (_("First review"), date_or_missing(pl.review_date)),
    ]


def _opening(r: PlacementRecord, first: str) -> list[str]:
    school, provider = r.school.name or _("the school"), r.provider.name
    if r.placement.off_site_direction:
        return [
            _(
                "{school} has decided to direct {name} to attend education away from the school "
                "site, at {provider}, to help improve {name}'s behaviour. This is called an "
                "off-site direction."
            ).format(school=school, name=first, provider=provider),
            _(
                "This letter is your written notice. It tells you where {name} will go, who to "
                "report to, for how many days, on which days and at what times, and why. It also "
                "explains your right to ask for a review."
            ).format(name=first),
        ]
    return [
        _(
            "We are writing to confirm the arrangements for {name} to attend {provider}. The aim "
            "is to help {name} make progress and then return to full-time lessons at school."
        ).format(name=first, provider=provider),
    ]


def _rights(r: PlacementRecord, first: str) -> list[Flowable]:
    pl = r.placement
    if not pl.off_site_direction:
        when = _(" on {date}").format(date=format_date(pl.review_date)) if pl.review_date else ""
        return [
            para(_("Reviews"), "heading"),
            para(
                _(
                    "We will review how the placement is going with you, {name} and the "
                    "provision{when}. You can ask us for a meeting at any time."
                ).format(name=first, when=when),
                "letter",
            ),
        ]
    text = _(
        "The governing board reviews this direction regularly. You can ask for a review at "
        "any time: please ask in writing (a letter or an email to the school is fine). If "
        "there has not been a review in the last 10 weeks, the governing board must hold "
        "one, and we will tell you the result in writing."
    )
    if pl.last_direction_review:
        text += " " + _("The direction was last reviewed on {date}.").format(
            date=format_date(pl.last_direction_review)
        )
    out = [para(_("Your right to ask for a review"), "heading"), para(text, "letter")]
    if r.has_ehc_plan and pl.la_notice_date is not None:
        out.append(
            para(
                _(
                    "Because {name} has an education, health and care (EHC) plan, we sent a "
                    "copy of this notice to the local authority on {date}. The local authority "
                    "can also ask for a review in writing."
                ).format(name=first, date=format_date(pl.la_notice_date)),
                "letter",
            )
        )
    elif r.has_ehc_plan:
        out.append(
            para(
                _(
                    "Because {name} has an education, health and care (EHC) plan, the local "
                    "authority can also ask for a review in writing."
                ).format(name=first),
                "letter",
            )
        )
    return out


def _contact(r: PlacementRecord) -> tuple[str, str, str]:
    pl, s = r.placement, r.school
    name = pl.key_contact_name or s.key_contact_name
    role = pl.key_contact_role or s.key_contact_role
    reach = pl.key_contact_details or join_nonempty([s.key_contact_phone, s.key_contact_email])
    return name, role, reach or join_nonempty([s.phone, s.email])


def _one_letter(r: PlacementRecord, people: list[Contact], today: date) -> list[Flowable]:
    first = r.pupil.preferred_name or r.pupil.forename
    school = r.school.name or _("the school")
    title = (
        _("Notice of an off-site direction for {name}")
        if r.placement.off_site_direction
        else _("Alternative provision for {name}")
    ).format(name=r.pupil_name)
    salutation = _names(people) or _("parent or carer")
    story: list[Flowable] = [
        _address_block(people, today),
        Spacer(1, 6 * mm),
        para(_("Dear {names},").format(names=salutation), "letter"),
        para(title, "heading"),
        *[para(text, "letter") for text in _opening(r, first)],
        para(_("Where and when"), "heading"),
        *field_table(_where_rows(r, first)),
        para(_("Why, and what we want to achieve"), "heading"),
        *field_table(_why_rows(r, first)),
        *_rights(r, first),
        para(_("Attendance"), "heading"),
        para(
            _(
                "{name} stays on the roll of {school}. The provision tells us whether {name} "
                "attended each session, and we record it in the school register. If {name} cannot "
                "attend, please tell the school as you would on a normal school day."
            ).format(name=first, school=school),
            "letter",
        ),
    ]
    name, role, reach = _contact(r)
    story += [
        para(_("Who to contact"), "heading"),
        para(
            esc(
                _("If you have any questions, please contact {who} at {school}.").format(
                    who=join_nonempty([name, role]) or _("the school office"), school=school
                )
            )
            + (f"<br/><b>{esc(reach)}</b>" if reach else ""),
            "letter",
            markup=True,
        ),
        Spacer(1, 2 * mm),
        para(_("Yours sincerely,"), "letter"),
        Spacer(1, 12 * mm),
        para("<br/>".join(esc(x) for x in (name, role, school) if x), "letter", markup=True),
    ]
    return story


def render_parent_letter(record: PlacementRecord, today: date | None = None) -> bytes:
    """The letter as PDF bytes: one copy per household with parental responsibility."""
    today = today or date.today()
    title = (
        _("Off-site direction notice")
        if record.placement.off_site_direction
        else _("Letter to parents and carers")
    )
    with document_fonts(record):
        story: list[Flowable] = []
        for i, people in enumerate(_households(record) or [[]]):
            if i:
                story += [PageBreak(), CopyStart()]
            story += _one_letter(record, people, today)
        return build_pdf(story, Letterhead.of(record.school), title)
