"""The referral form (AP placement sheet): every Appendix A section, the DfE additions, the
register code reminder and the attachments, with empty fields marked so gaps are seen."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from apdesk.i18n import N_, _, format_date

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

# The Appendix A placement sheet's sections, worded as printed on the form.
APPENDIX_A_LABELS = (
    N_("School name"),
    N_("Pupil name"),
    N_("Date of birth"),
    N_("School key contact"),
    N_("Attendance at the time of referral"),
    N_("Interventions tried"),
    N_("SEND needs"),
    N_("Health needs"),
    N_("Support in place for the family"),
    N_("Information needed to keep the child safe and risk assessments"),
    N_("Name of the provision"),
    N_("Hours per week"),
    N_("Proposed start date"),
    N_("Proposed end date"),
    N_("Learning outcomes / success criteria"),
    N_("How success will be measured"),
    N_("Exit strategy"),
    N_("Child voice"),
    N_("Family voice"),
    N_("Any other AP in place"),
)


def _voice(text: str, sought: date | None) -> str:
    when = (
        _("Sought on {date}.").format(date=format_date(sought))
        if sought
        else _("Date sought: not recorded.")
    )
    return f"{text_or_missing(text)}\n{when}"


def _pupil_rows(r: PlacementRecord) -> list[Row]:
    p, s = r.pupil, r.school
    contact = join_nonempty(
        [
            r.placement.key_contact_name or s.key_contact_name,
            r.placement.key_contact_role or s.key_contact_role,
        ]
    )
    reach = r.placement.key_contact_details or join_nonempty(
        [s.key_contact_phone, s.key_contact_email]
    )
    return [
        (_("School name"), s.name),
        (_("Pupil name"), r.pupil_name + (f" ({p.preferred_name})" if p.preferred_name else "")),
        (_("Date of birth"), date_or_missing(p.dob)),
        (_("UPN"), p.upn),
        (_("Year group"), _("Year {year}").format(year=p.nc_year)),
        (_("SEN status"), _(p.sen_status.label)),
        (_("Looked after"), yes_no(p.looked_after)),
        (_("School key contact"), join_nonempty([contact, reach], "\n")),
    ]


def _needs_rows(r: PlacementRecord) -> list[Row]:
    pl = r.placement
    safety = text_or_missing(pl.safety_info or r.pupil.safety_info)
    if pl.risk_assessment_date:
        when = format_date(pl.risk_assessment_date)
        safety += "\n" + _("Risk assessment dated {date}.").format(date=when)
    else:
        safety += "\n" + _("Risk assessment date: not recorded.")
    return [
        (_("Reasons for the placement"), "; ".join(reason_labels(pl.reasons))),
        (_("Attendance at the time of referral"), percent(pl.attendance_at_referral)),
        (_("Interventions tried"), pl.interventions_tried),
        (_("SEND needs"), pl.send_needs),
        (_("Health needs"), pl.health_needs or r.pupil.health_needs),
        (_("Support in place for the family"), pl.family_support or r.pupil.family_support),
        (_("Information needed to keep the child safe and risk assessments"), safety),
    ]


def _provision_rows(r: PlacementRecord) -> list[Row]:
    pl, pv = r.placement, r.provider
    registered = pv.ofsted_urn and _("Ofsted URN {urn}").format(urn=pv.ofsted_urn)
    ukprn = pv.ukprn and _("UKPRN {ukprn}").format(ukprn=pv.ukprn)
    details = join_nonempty(
        [
            join_nonempty(
                [_(pv.setting_type.label), _(pv.registration.label), registered or "", ukprn or ""]
            ),
            join_nonempty([pv.address, pv.postcode]),
            join_nonempty([pv.contact_name, pv.phone, pv.email]),
        ],
        "\n",
    )
    transport = text_or_missing(pl.transport)
    if pl.transport_cost_pence:
        transport += _(" (cost {cost})").format(cost=money(pl.transport_cost_pence))
    if pl.out_of_area:
        transport += "\n" + _("Out-of-area placement.")
    sessions = join_nonempty([r.sessions_pattern, r.session_times], "\n")
    return [
        (_("Name of the provision"), pv.name),
        (_("Provider details"), details),
        (_("Hours per week"), hours(pl.hours_per_week)),
        (_("Sessions at the provision"), sessions),
        (_("Proposed start date"), date_or_missing(pl.start_date)),
        (_("Proposed end date"), date_or_missing(pl.end_date)),
        (_("Review date"), date_or_missing(pl.review_date)),
        (_("Commissioned by"), _(pl.commissioner.label)),
        (_("Funding stream"), _(pl.funding_stream.label)),
        (_("English and maths in the offer"), yes_no(pl.english_maths)),
        (_("Transport and cost"), transport),
        (_("Family's preference of provider"), pl.family_preference),
    ]


def _outcome_rows(r: PlacementRecord) -> list[Row]:
    pl = r.placement
    other = "\n".join(x for x in [pl.other_ap.strip(), *r.other_placements] if x)
    return [
        (_("Learning outcomes / success criteria"), pl.learning_outcomes),
        (_("How success will be measured"), pl.success_measures),
        (_("Exit strategy"), pl.exit_strategy),
        (_("Child voice"), _voice(pl.child_voice, pl.child_voice_date)),
        (_("Family voice"), _voice(pl.family_voice, pl.family_voice_date)),
        (_("Any other AP in place"), other or _("None")),
    ]


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
    meaning = code.label.partition(": ")[2] or code.label
    return _(
        "<b>Register each session at the provision with code {code}</b> ({meaning}). "
        "When the provider reports the pupil absent, record the absence code instead: "
        "the school needs the provider's mark for every session."
    ).format(code=esc(code.value), meaning=esc(meaning))


def referral_story(r: PlacementRecord) -> list[Flowable]:
    story: list[Flowable] = [
        para(_("Alternative provision – placement sheet"), "title"),
        para(
            _(
                "Referral form. If the pupil has an EHC plan, it must be attached to this "
                "referral. Fields marked “{missing}” still need an answer."
            ).format(missing=not_recorded()),
            "subtitle",
        ),
        notice_box(_register_notice(r), markup=True),
    ]
    story += section(_("Pupil and school"), _pupil_rows(r))
    story += section(_("Needs, attendance and safety"), _needs_rows(r))
    story += section(_("The provision"), _provision_rows(r))
    story += section(_("Outcomes, exit and voice"), _outcome_rows(r))
    if r.has_ehc_plan:
        story += section(_("EHC plan"), _ehc_rows(r))
    lines = _attachment_lines(r)
    story += section(
        _("Attachments"),
        [
            (_("Attached documents"), "\n".join(lines) if lines else _("None attached")),
        ],
    )
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
