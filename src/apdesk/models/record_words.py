"""A kind of record, and what the audit log says was done to it, as a person names them: the
audit log, sharing's conflicts and a subject access export say them with these words,
translated when shown."""

from __future__ import annotations

from apdesk.i18n import N_

RECORD_WORDS = {
    "pupil": N_("Pupil"),
    "contact": N_("Contact"),
    "placement": N_("Placement"),
    "attendancemark": N_("Attendance mark"),
    "plan": N_("Plan"),
    "plantarget": N_("Plan target"),
    "review": N_("Review"),
    "voiceentry": N_("Voice"),
    "agencyinvolvement": N_("Agency"),
    "attachment": N_("Attachment"),
    "outboxitem": N_("Notification pack"),
    "provider": N_("Provider"),
    "setting": N_("Setting"),
    "school": N_("School"),
    "retention": N_("Retention purge"),
    "followup": N_("Follow-up"),
    "iapactivity": N_("IAP activity"),
    "timetableslot": N_("Timetable slot"),
    "timetableversion": N_("Timetable version"),
}
"""Untranslated, as marked: pass a value through `_()` to show it."""

AUDIT_ACTION_WORDS = {
    "create": N_("Added"),
    "update": N_("Changed"),
    "delete": N_("Deleted"),
    "purge": N_("Purged"),
}
"""What an audit row did, as the audit log and a subject access export say it."""
