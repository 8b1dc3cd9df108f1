"""The words a person reads for a record's column: the audit log, a subject access export and a
refusal name a field with these, in the reader's language.

Every column of every shared table has an entry (a test keeps it so). Where a screen captions
the field, the words are the screen's, so the log reads like the form; a column name shared by
several tables ("name", "notes", "status") has words that read right for each of them.
"""

from __future__ import annotations

from apdesk.i18n import N_, _

_SHARED: dict[str, str] = {
    "id": N_("Record number"),
    "pupil_id": N_("Pupil record number"),
    "placement_id": N_("Placement record number"),
    "plan_id": N_("Plan record number"),
    "provider_id": N_("Provider record number"),
    "review_id": N_("Review record number"),
    "target_id": N_("Target record number"),
    "version_id": N_("Timetable version record number"),
    "group_id": N_("IAP group record number"),
    "name": N_("Name"),
    "notes": N_("Notes"),
    "note": N_("Note"),
    "status": N_("Status"),
    "kind": N_("Kind"),
    "outcome": N_("Outcome"),
    "reason": N_("Reason"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "created_at": N_("Created at"),
    "updated_at": N_("Updated at"),
    "capacity": N_("Capacity"),
    "teacher": N_("Teacher"),
    "subject": N_("Subject"),
    "rating": N_("Rating"),
    "sessions": N_("Sessions"),
    "next_review": N_("Next review"),
    "by_date": N_("By"),
    "child_voice": N_("Child's voice"),
    "family_voice": N_("Family's voice"),
    "exit_strategy": N_("Exit strategy"),
    "attended_sessions": N_("Sessions attended"),
    "possible_sessions": N_("Possible sessions"),
}

_PUPIL: dict[str, str] = {
    "upn": N_("UPN"),
    "former_upn": N_("Former UPN"),
    "forename": N_("Forename"),
    "middle_names": N_("Middle names"),
    "surname": N_("Surname"),
    "preferred_name": N_("Preferred name"),
    "dob": N_("Date of birth"),
    "gender": N_("Gender"),
    "nc_year": N_("National curriculum year"),
    "sen_status": N_("SEN status"),
    "sen_types": N_("Types of SEN"),
    "needs": N_("Needs"),
    "looked_after": N_("Looked after"),
    "care_authority": N_("Care authority"),
    "medical_flag": N_("Medical flag"),
    "health_needs": N_("Health needs"),
    "family_support": N_("Family support"),
    "safety_info": N_("Keeping the pupil safe"),
    "on_roll": N_("On roll"),
    "left_on": N_("Last day on roll"),
    "leaving_destination": N_("Destination on leaving"),
    "leaving_reason": N_("Reason for leaving"),
    # a contact
    "title": N_("Title"),
    "relationship": N_("Relationship"),
    "priority": N_("Contact order"),
    "parental_responsibility": N_("Parental responsibility"),
}

_SCHOOL: dict[str, str] = {
    "urn": N_("URN"),
    "la_code": N_("LA code"),
    "estab": N_("Establishment number"),
    "key_contact_name": N_("Key contact name"),
    "key_contact_role": N_("Key contact role"),
    "key_contact_phone": N_("Contact phone"),
    "key_contact_email": N_("Contact email"),
    "logo": N_("Logo"),
    "key": N_("Setting"),
    "value": N_("Value"),
    # the school day and its periods
    "number": N_("Period number"),
    "label": N_("Period name"),
    "starts": N_("Starts"),
    "ends": N_("Ends"),
}

_PROVIDER: dict[str, str] = {
    "setting_type": N_("Type of setting"),
    "registration": N_("Registration"),
    "ofsted_urn": N_("Ofsted URN"),
    "ukprn": N_("UKPRN"),
    "la_approval": N_("LA approval"),
    "regulated": N_("Regulated"),
    "quality_assured": N_("Quality assured"),
    "dps_lots": N_("DPS lots"),
    "categories": N_("Categories offered"),
    "delivery": N_("Delivery"),
    "courses": N_("Courses"),
    "accreditations": N_("Accreditations"),
    "age_min": N_("Youngest age"),
    "age_max": N_("Oldest age"),
    "rate_pence": N_("Rate (pence)"),
    "rate_unit": N_("Rate charged"),
    "postcode": N_("Postcode"),
    "contact_name": N_("Contact"),
    "safeguarding_lead": N_("Safeguarding lead"),
    "staff_checks_confirmed": N_("Staff checks"),
    "staff_checks_date": N_("Staff checks date"),
    "insurance_expiry": N_("Insurance expires"),
    "distance_band": N_("Distance"),
    # a QA audit and a quality concern
    "audit_date": N_("Audit date"),
    "next_due": N_("Next due"),
    "raised_on": N_("Date raised"),
    "concern": N_("Concern"),
    "told": N_("Who was told"),
}

_PLACEMENT: dict[str, str] = {
    "category": N_("Category"),
    "reasons": N_("Reasons"),
    "commissioner": N_("Commissioner"),
    "funding_stream": N_("Funding stream"),
    "registration_code": N_("Registration code"),
    "key_contact_details": N_("Key contact details"),
    "attendance_at_referral": N_("Attendance at referral"),
    "interventions_tried": N_("Interventions tried"),
    "send_needs": N_("Details of SEND needs"),
    "risk_assessment_date": N_("Risk assessment date"),
    "hours_per_week": N_("Hours per week"),
    "session_times": N_("Note on the times"),
    "session_start": N_("Session starts"),
    "session_end": N_("Session ends"),
    "break_start": N_("Break starts"),
    "break_end": N_("Break ends"),
    "learning_outcomes": N_("Learning outcomes"),
    "success_measures": N_("How success will be measured"),
    "child_voice_date": N_("Child's voice sought on"),
    "family_voice_date": N_("Family's voice sought on"),
    "other_ap": N_("Other alternative provision"),
    "english_maths": N_("English and maths"),
    "review_date": N_("Review date"),
    "transport": N_("Transport"),
    "transport_cost_pence": N_("Transport cost a day (pence)"),
    "out_of_area": N_("Out of area"),
    "family_preference": N_("Family's preference"),
    "ehcp_attached": N_("EHCP attached"),
    "caseworker_told_on": N_("Caseworker told on"),
    "agreement_date": N_("Written agreement with the provider"),
    "la_told_on": N_("Local authority told on"),
    "qa_override_reason": N_("Why the quality checks were overridden"),
    "off_site_direction": N_("Direction to attend off-site"),
    "parent_notice_date": N_("Notice to parents"),
    "la_notice_date": N_("Notice to the local authority"),
    "reporting_to": N_("Reporting to"),
    "direction_days": N_("Days of the direction"),
    "last_direction_review": N_("Direction last reviewed"),
    "review_requested_on": N_("Review requested on"),
    "outcome_notes": N_("Notes on the outcome"),
    "destination": N_("Destination"),
    "referred_on": N_("Referred on"),
    "started_on": N_("Started on"),
    "ended_on": N_("Ended on"),
}

_ATTENDANCE: dict[str, str] = {
    "mark_date": N_("Date"),
    "session": N_("Session"),
    "code": N_("Code"),
    "source": N_("Source"),
    "recorded_by": N_("Recorded by"),
    "recorded_at": N_("Recorded at"),
    "minutes_late": N_("Minutes late"),
    "superseded_by": N_("Replaced by entry"),
    "amendment_reason": N_("Reason for the amendment"),
}

_PLAN: dict[str, str] = {
    "transition_plan": N_("Transition plan"),
    "what": N_("What"),
    "measure": N_("How measured"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    # a review and what it recorded
    "scheduled_for": N_("Planned for"),
    "held_on": N_("Held on"),
    "attendees": N_("Attendees"),
    "decisions": N_("Decisions"),
    "provider_report": N_("Provider's report"),
    "period_from": N_("Attendance counted from"),
    "period_to": N_("Attendance counted to"),
    "placement_ending": N_("The placement is ending"),
    # voice, agencies, transition steps, follow-ups
    "voice_of": N_("Whose voice"),
    "said_on": N_("Said on"),
    "how_gathered": N_("How gathered"),
    "text": N_("Text"),
    "agency": N_("Agency"),
    "agency_name": N_("Agency name"),
    "contact": N_("Contact"),
    "role": N_("Role on the plan"),
    "consent_date": N_("Consent to share"),
    "position": N_("Order"),
    "step": N_("Step"),
    "owner": N_("Who"),
    "done": N_("Done"),
    "weeks": N_("Weeks after the return"),
    "due_on": N_("Due"),
    "done_on": N_("Date checked"),
    "still_attending": N_("Still attending"),
}

_TIMETABLE: dict[str, str] = {
    "room": N_("Base room"),
    "support_staff": N_("Support staff"),
    "staff": N_("Staff with the group"),
    "effective_date": N_("Effective date"),
    "week": N_("Week of the cycle"),
    "day": N_("Day"),
    "period": N_("Period number"),
    "class_code": N_("Class"),
    "activity": N_("Activity"),
    "activity_type": N_("Strand"),
    "description": N_("Description"),
    "active": N_("Offered"),
    "rated_on": N_("Rated on"),
    "target_date": N_("Target date"),
    "step_size": N_("Step size"),
    "target_share": N_("Target share"),
    "decided_on": N_("Decided on"),
    "part_time_reason": N_("Reason for a part-time timetable"),
}

_RECORDS: dict[str, str] = {
    # a document kept with a pupil's record
    "filename": N_("File name"),
    "mime_type": N_("File type"),
    "content": N_("Content"),
    "added_at": N_("Added at"),
    "size": N_("File size (bytes)"),
    # a notification pack waiting to be sent
    "pack": N_("Notification pack"),
    "sha256": N_("Checksum (SHA-256)"),
    "attempts": N_("Attempts"),
    "last_error": N_("Last error"),
    "next_attempt_at": N_("Next attempt"),
    "receipt": N_("Receipt"),
    "delivered_at": N_("Delivered on"),
    "device": N_("Laptop"),
    "waiting": N_("Waiting"),
    # a suspension
    "days": N_("Days"),
    "first_session": N_("First session"),
    "ap_arranged": N_("Education arranged from the sixth day"),
    "ap_from": N_("Education arranged from"),
    "ap_details": N_("Details of the education arranged"),
    # a subject access request
    "requested_on": N_("Received on"),
    "respond_by": N_("Respond by"),
    "requested_by": N_("Requested by"),
    "completed_on": N_("Answered on"),
    # who made an audit row: the audit trail stays on its laptop, but a subject access
    # response lists the people it names
    "actor": N_("User"),
}

COLUMN_WORDS: dict[str, str] = (
    _SHARED
    | _PUPIL
    | _SCHOOL
    | _PROVIDER
    | _PLACEMENT
    | _ATTENDANCE
    | _PLAN
    | _TIMETABLE
    | _RECORDS
)
"""Column name -> its words, untranslated as marked: `column_label` shows them translated."""

IN_TABLE: dict[tuple[str, str], str] = {
    # a person's name: in Polish a thing has a "nazwa", a person an "imię i nazwisko"
    ("contact", "name"): N_("Full name"),
    ("voiceentry", "text"): N_("What was said"),  # a pupil's or family's own words
}
"""(table, column) -> words where one table's column must read apart from the others'."""


def column_label(name: str, table: str = "") -> str:
    """A column as a person reads it, in their language (its table's own words if it has them);
    a name with no entry (a key that is not a shared column) still reads as words ("end_date":
    "End date"), never as the code."""
    words = IN_TABLE.get((table, name)) or COLUMN_WORDS.get(name)
    if words is not None:
        return _(words)
    text = " ".join(name.replace("_", " ").split())
    return text[:1].upper() + text[1:]
