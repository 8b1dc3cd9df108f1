"""The words a subject access response prints for a record's fields and an audit row's action.

The export keeps each table's own column names (they are the data); a reader sees these labels,
in their language. A column listed nowhere reads as its name in words ("end_date": "End date")."""

from __future__ import annotations

from apdesk.i18n import N_, _
from apdesk.models.record_words import AUDIT_ACTION_WORDS

FIELD_LABELS: dict[str, str] = {
    "id": N_("Record number"),
    "pupil_id": N_("Pupil record number"),
    "placement_id": N_("Placement record number"),
    "plan_id": N_("Plan record number"),
    "provider_id": N_("Provider record number"),
    "provider_name": N_("Provider"),
    "upn": N_("UPN"),
    "former_upn": N_("Former UPN"),
    "dob": N_("Date of birth"),
    "nc_year": N_("National curriculum year"),
    "sen_status": N_("SEN status"),
    "sen_types": N_("Types of SEN"),
    "send_needs": N_("Details of SEND needs"),
    "safety_info": N_("Keeping the pupil safe"),
    "leaving_destination": N_("Destination on leaving"),
    "leaving_reason": N_("Reason for leaving"),
    "title": N_("Title"),
    "relationship": N_("Relationship"),
    "priority": N_("Contact order"),
    "parental_responsibility": N_("Parental responsibility"),
    "status": N_("Status"),
    "english_maths": N_("English and maths"),
    "family_preference": N_("Family's preference"),
    "ehcp_attached": N_("EHCP attached"),
    "agreement_date": N_("Written agreement with the provider"),
    "la_told_on": N_("Local authority told on"),
    "qa_override_reason": N_("Why the quality checks were overridden"),
    "off_site_direction": N_("Direction to attend off-site"),
    "parent_notice_date": N_("Notice to parents"),
    "la_notice_date": N_("Notice to the local authority"),
    "caseworker_told_on": N_("Caseworker told on"),
    "direction_days": N_("Days of the direction"),
    "last_direction_review": N_("Direction last reviewed"),
    "review_requested_on": N_("Review requested on"),
    "other_ap": N_("Other alternative provision"),
    "child_voice": N_("Child's voice"),
    "child_voice_date": N_("Child's voice sought on"),
    "family_voice": N_("Family's voice"),
    "family_voice_date": N_("Family's voice sought on"),
    "transport": N_("Transport"),
    "transport_cost_pence": N_("Transport cost (pence)"),
    "session_start": N_("Session starts"),
    "session_end": N_("Session ends"),
    "break_start": N_("Break starts"),
    "break_end": N_("Break ends"),
    "mark_date": N_("Date"),
    "recorded_at": N_("Recorded at"),
    "recorded_by": N_("Recorded by"),
    "superseded_by": N_("Replaced by entry"),
    "amendment_reason": N_("Reason for the amendment"),
    "by_date": N_("By"),
    "scheduled_for": N_("Planned for"),
    "held_on": N_("Held on"),
    "attendees": N_("Attendees"),
    "outcome_notes": N_("Notes on the outcome"),
    "voice_of": N_("Whose voice"),
    "said_on": N_("Said on"),
    "text": N_("Text"),
    "filename": N_("File name"),
    "mime_type": N_("File type"),
    "content": N_("Content"),
    "sha256": N_("Checksum (SHA-256)"),
    "added_at": N_("Added at"),
    "created_at": N_("Created at"),
    "updated_at": N_("Updated at"),
    "completed_on": N_("Answered on"),
    "requested_on": N_("Received on"),
    "respond_by": N_("Respond by"),
    "ap_arranged": N_("Education arranged from the sixth day"),
    "ap_from": N_("Education arranged from"),
    "ap_details": N_("Details of the education arranged"),
    "pack": N_("Notification pack"),
    "delivered_at": N_("Delivered on"),
    "next_attempt_at": N_("Next attempt"),
    "device": N_("Laptop"),
    "actor": N_("User"),
    "name": N_("Full name"),
}


def field_label(name: str) -> str:
    """A column as the reader knows it, in their language."""
    return _(FIELD_LABELS.get(name) or name.replace("_", " ").capitalize())


def action_label(action: str) -> str:
    """What an audit row did, in the reader's language ("create": "Added")."""
    label = AUDIT_ACTION_WORDS.get(action)
    return _(label) if label else action
