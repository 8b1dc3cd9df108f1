"""The referral form (AP placement sheet): every Appendix A section, the DfE additions, the
register code reminder and the attachments, with empty fields marked so gaps are seen."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from apdesk.i18n import N_, _, format_date
from apdesk.models.enums import NeedCategory
from apdesk.models.stated import says_nothing, without_attached_claim

from .blocks import Row, esc, notice_box, para, section, signature_block
from .common import Letterhead, build_pdf
from .fonts import document_fonts
from .formatting import (
    date_or_missing,
    hours,
    join_nonempty,
    money,
    not_recorded,
    percent,
    reason_labels,
    text_or_missing,
    yes_no,
)
from .placement_data import PlacementRecord

# The Leicestershire AP strategy 2025-2028, Appendix A "Alternative Provision – Placement Sheet":
# the form's own questions, word for word and in its order, so an LA recognises its form.
FORM_TITLE = N_("Alternative Provision – Placement Sheet")
FORM_ATTACH = N_(
    "If the child or young person has relevant documentation such as an EHCP, it must be "
    "attached to this referral"
)
FORM_B_CODE = N_(
    "Please ensure that you are using a B code for any students being educated in alternative "
    "provision"
)
APPENDIX_A_LABELS = (
    N_("School Name"),
    N_("Pupil Name"),
    N_("Pupil date of birth"),
    N_("School key contact name, role and contact details"),
    N_("Attendance at time of referral and details of any interventions"),
    N_("Details of SEND needs"),
    N_("Details of health needs"),
    N_("Details of any support in place for the family"),
    N_(
        "Information required in order to keep the CYP safe (e.g. have they ever tried to "
        "abscond?) Details of any risk assessments should be added here."
    ),
    N_("Name of alternative provision"),
    N_("Number of hours child/young person will be attending per week"),
    N_("Proposed start date"),
    N_("Proposed end date"),
    N_("What are the learning outcomes / success criteria for the placement?"),
    N_("How will success be measured?"),
    N_("What is the exit strategy in place?"),
    N_("CYP and family voice"),
    N_("Details of any other AP in place"),
)


def _voice(text: str, sought: date | None) -> str:
    when = (
        _("Sought on {date}.").format(date=format_date(sought))
        if sought
        else _("Date sought: not recorded.")
    )
    return f"{text_or_missing(text)}\n{when}"


def _contact(r: PlacementRecord) -> str:
    pl, school = r.placement, r.school
    who = join_nonempty(
        [
            pl.key_contact_name or school.key_contact_name,
            pl.key_contact_role or school.key_contact_role,
        ]
    )
    reach = pl.key_contact_details or join_nonempty(
        [school.key_contact_phone, school.key_contact_email]
    )
    return join_nonempty([who, reach], "\n")


def _health(r: PlacementRecord) -> str:
    """The health needs; for a placement made for medical needs, never "None known" (the
    provider would read the two as a contradiction), but a gap the school must fill."""
    health = r.placement.health_needs.strip() or r.pupil.health_needs
    if NeedCategory.MEDICAL.value in r.placement.reasons and says_nothing(health):
        return _(
            "Not recorded: the placement is for medical needs, so the school must add them "
            "before it starts."
        )
    return health


def _safety(r: PlacementRecord) -> str:
    """What keeps the child safe, and the risk assessment: "attached" only when it is."""
    pl = r.placement
    safety = pl.safety_info.strip() or r.pupil.safety_info
    if not r.risk_assessment_stored:
        safety = without_attached_claim(safety)
    when = pl.risk_assessment_date and format_date(pl.risk_assessment_date)
    if r.risk_assessment_stored:
        line = (
            _("Risk assessment dated {date}: attached.").format(date=when)
            if when
            else _("Risk assessment: attached (date not recorded).")
        )
    elif when:
        line = _("Risk assessment dated {date}: not attached.").format(date=when)
    else:
        line = _("Risk assessment date: not recorded.")
    return text_or_missing(safety) + "\n" + line


def _attendance(r: PlacementRecord) -> str:
    pl = r.placement
    return "\n".join(
        [
            _("Attendance: {value}").format(value=percent(pl.attendance_at_referral)),
            _("Interventions: {value}").format(value=text_or_missing(pl.interventions_tried)),
        ]
    )


def _form_rows(r: PlacementRecord) -> list[Row]:
    """Appendix A's questions, each answered from the record."""
    p, pl = r.pupil, r.placement
    other = "\n".join(x for x in [pl.other_ap.strip(), *r.other_placements] if x)
    voice = "\n".join(
        [
            _("Child: {voice}").format(voice=_voice(pl.child_voice, pl.child_voice_date)),
            _("Family: {voice}").format(voice=_voice(pl.family_voice, pl.family_voice_date)),
        ]
    )
    answers = [
        r.school.name,
        r.pupil_name + (f" ({p.preferred_name})" if p.preferred_name else ""),
        date_or_missing(p.dob),
        _contact(r),
        _attendance(r),
        pl.send_needs,
        _health(r),
        pl.family_support or p.family_support,
        _safety(r),
        r.provider.name,
        hours(pl.hours_per_week),
        date_or_missing(pl.start_date),
        date_or_missing(pl.end_date),
        pl.learning_outcomes,
        pl.success_measures,
        pl.exit_strategy,
        voice,
        other or _("None"),
    ]
    return [(_(label), answer) for label, answer in zip(APPENDIX_A_LABELS, answers, strict=True)]


def _pupil_rows(r: PlacementRecord) -> list[Row]:
    p = r.pupil
    looked_after = _("Looked after: {answer}").format(answer=yes_no(p.looked_after))
    return [
        (_("UPN"), p.upn),
        (
            _("Year group, SEN status, care"),
            "; ".join(
                [_("Year {year}").format(year=p.nc_year), _(p.sen_status.label), looked_after]
            ),
        ),
        (_("Reasons for the placement"), "; ".join(reason_labels(r.placement.reasons))),
    ]


def _provision_rows(r: PlacementRecord) -> list[Row]:
    pl, pv = r.placement, r.provider
    registered = pv.ofsted_urn and _("Ofsted URN {urn}").format(urn=pv.ofsted_urn)
    ukprn = pv.ukprn and _("UKPRN {ukprn}").format(ukprn=pv.ukprn)
    # "Unregistered provider, Unregistered" says one thing twice: the status is shown only when
    # the kind of setting does not already say it.
    status = "" if pv.setting_type.value == pv.registration.value else _(pv.registration.label)
    details = join_nonempty(
        [
            join_nonempty([_(pv.setting_type.label), status, registered or "", ukprn or ""]),
            join_nonempty([pv.address, pv.postcode]),
            join_nonempty([pv.contact_name, pv.phone, pv.email]),
        ],
        "\n",
    )
    transport = text_or_missing(pl.transport)
    if pl.transport_cost_pence:
        transport += " (" + _("cost {cost} a day").format(cost=money(pl.transport_cost_pence)) + ")"
    if pl.out_of_area:
        transport += "\n" + _("Out-of-area placement.")
    sessions = join_nonempty([r.sessions_pattern, r.session_times], "\n")
    agreement = (
        _("Signed on {date}").format(date=format_date(pl.agreement_date))
        if pl.agreement_date
        else not_recorded()
    )
    return [
        (_("Provider details"), details),
        (_("Sessions at the provision"), sessions),
        _review_row(r),
        (
            _("Commissioned by; funding stream"),
            f"{_(pl.commissioner.label)}; {_(pl.funding_stream.label)}",
        ),
        (_("Written agreement with the provider"), agreement),
        (_("English and maths in the offer"), yes_no(pl.english_maths)),
        (_("Transport and cost"), transport),
        (_("Family's preference of provider"), pl.family_preference),
    ]


def _review_row(r: PlacementRecord) -> Row:
    """The next review for a running placement, said to be overdue when its day has passed
    (a past date alone reads as a review held); the date set at referral otherwise."""
    due = r.review_due
    if due is None:
        return _("Review date"), date_or_missing(r.placement.review_date)
    if due == date.max:
        return _("Next review"), not_recorded()
    if due < r.made_on:
        return _("Next review"), _("Review overdue: it was due {day}").format(day=format_date(due))
    return _("Next review"), format_date(due)


def _ehc_rows(r: PlacementRecord) -> list[Row]:
    pl = r.placement
    if r.ehc_plan_stored:
        attached = _("Yes: a copy is attached")
    elif pl.ehcp_attached:
        attached = _("Marked as sent, but no copy is kept in apdesk: it must be attached")
    else:
        attached = _("No: it must be attached")
    told = (
        _("Yes, on {date}").format(date=format_date(pl.caseworker_told_on))
        if pl.caseworker_told_on
        else _("Not recorded: tell the caseworker before the start")
    )
    return [(_("EHC plan attached"), attached), (_("LA SEND caseworker told"), told)]


def _attachment_lines(r: PlacementRecord) -> list[str]:
    lines = [f"{_(a.label)}: {a.filename}" for a in r.attachments]
    if r.has_ehc_plan and not r.ehc_plan_stored:
        lines.insert(0, _("EHC plan: not attached — it must be attached"))
    return lines


def _register_notice(r: PlacementRecord) -> str:
    code = r.placement.registration_code
    words = _(code.label)  # the placement editor's choice, e.g. "K: education arranged by ..."
    meaning = words.removeprefix(f"{code.value}: ")
    return _(
        "<b>Register each session at the provision with code {code}</b> ({meaning}). "
        "When the provider reports the pupil absent, record the absence code instead: "
        "the school needs the provider's mark for every session."
    ).format(code=esc(code.value), meaning=esc(meaning))


def referral_story(r: PlacementRecord) -> list[Flowable]:
    story: list[Flowable] = [
        para(_(FORM_TITLE), "title"),
        para(
            _(FORM_ATTACH)
            + ". "
            + _("Fields marked “{missing}” still need an answer.").format(missing=not_recorded()),
            "subtitle",
        ),
    ]
    story += section(_("Placement sheet"), _form_rows(r))
    notice = _register_notice(r)
    if r.placement.registration_code.value == "B":  # the form's own reminder comes first
        notice = f"{esc(_(FORM_B_CODE))}.<br/>{notice}"
    story += [Spacer(1, 2 * mm), notice_box(notice, markup=True)]
    lines = _attachment_lines(r)
    attached = (_("Attached documents"), "\n".join(lines) if lines else _("None attached"))
    story += section(_("More about the pupil"), [*_pupil_rows(r), attached])
    if r.has_ehc_plan:
        story += section(_("EHC plan"), _ehc_rows(r))
    story += section(_("More about the provision"), _provision_rows(r))
    story += [
        KeepTogether(
            [
                *section(_("Agreement"), []),
                Spacer(1, 2 * mm),
                para(
                    _(
                        "We agree the placement set out above, and to share progress, attendance "
                        "and any safeguarding concern with each other promptly."
                    )
                ),
                Spacer(1, 3 * mm),
                signature_block(
                    [_("For the school"), _("For the provision")],
                    [_("Signature"), _("Name and role"), _("Date")],
                ),
            ]
        ),
    ]
    return story


def render_referral(record: PlacementRecord) -> bytes:
    """The referral form as PDF bytes."""
    with document_fonts(record):
        return build_pdf(
            referral_story(record), Letterhead.of(record.school), _("AP referral form")
        )


__all__ = ["APPENDIX_A_LABELS", "referral_story", "render_referral"]
