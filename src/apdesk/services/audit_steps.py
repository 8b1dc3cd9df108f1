"""One step in the register read as one audit entry.

A changed mark keeps the original: the amendment writes the new entry and then marks the entry it
replaces, and undoing a first mark also marks its own blank entry as replaced (no mark is current
for the session). Each of those rows stays in the hash chain; the log folds the rows that only
point an entry at its successor into the successor's row, so one undo reads as one line and its
detail still says what was kept.
"""

from __future__ import annotations

from dataclasses import replace

from apdesk.i18n import _
from apdesk.models.column_words import column_label
from apdesk.services.amendment_reasons import REDONE, UNDONE
from apdesk.services.audit_log import describe_change
from apdesk.services.audit_records import MARK, MarkFacts, RecordFacts, mark_of, mark_words
from apdesk.services.audit_row import AuditRow

NEAR = 2  # a step's rows follow its new entry at once: at most two rows after it


def _successor(row: AuditRow) -> int | None:
    """The entry a row only points its mark at, or None for any other row."""
    later = row.after.get("superseded_by")
    only_that = set(row.after) == {"superseded_by"} and row.before.get("superseded_by") is None
    if row.entity != MARK or row.action != "update" or not only_that:
        return None
    return later if isinstance(later, int) and not isinstance(later, bool) else None


def fold_steps(rows: list[AuditRow]) -> list[AuditRow]:
    """`rows` with each "replaced by a later entry" row folded into the row that added that
    entry, when both were written by the same user in one step; order kept."""
    added = {row.entity_id: row for row in rows if row.entity == MARK and row.action == "create"}
    folds: dict[int, list[AuditRow]] = {}
    for row in rows:
        later = _successor(row)
        entry = added.get(str(later)) if later is not None else None
        if entry is None or entry.actor != row.actor or not 0 < row.id - entry.id <= NEAR:
            continue
        folds.setdefault(entry.id, []).append(row)
    gone = {row.id for steps in folds.values() for row in steps}
    return [
        replace(row, folded=tuple(sorted(folds[row.id], key=lambda r: r.id)))
        if row.id in folds
        else row
        for row in rows
        if row.id not in gone
    ]


def _replaced(row: AuditRow, facts: RecordFacts | None) -> MarkFacts | None:
    """The mark a folded step replaced (not the undo entry that replaces itself)."""
    if facts is None:
        return None
    for step in row.folded:
        if step.entity_id != row.entity_id and step.entity_id.isdigit():
            found = facts.marks.get(int(step.entity_id))
            if found is not None:
                return found
    return None


def step_action(row: AuditRow, facts: RecordFacts | None) -> str:
    """ "Undone" or "Redone" for an undo or redo, "Changed" for any other amendment; "" when
    the row is not a mark's step."""
    found = mark_of(row, facts)
    if found is None or not (row.folded or found.is_undo):
        return ""
    if found.reason in (UNDONE, REDONE):
        return _(found.reason)
    return _("Changed") if row.folded else ""


def step_summary(row: AuditRow, facts: RecordFacts | None) -> str:
    """ "Code: B → no mark": what the step did to the session's mark, or "" if not a step."""
    found = mark_of(row, facts)
    if found is None or not (row.folded or found.is_undo):
        return ""
    replaced = _replaced(row, facts)
    old = replaced.code if replaced is not None else found.taken_back
    new = found.code or _("no mark")
    label = column_label("code", MARK)
    return f"{label}: {old or _('no mark')} → {new}"


def describe_entry(row: AuditRow, facts: RecordFacts | None = None) -> str:
    """Before → after for the row, then what its folded steps kept: the replaced mark stays in
    the history (a register is never rubbed out)."""
    lines = [describe_change(row, facts)]
    summary = step_summary(row, facts)
    if summary:
        lines.insert(0, summary)
    kept = []
    for step in row.folded:
        if step.entity_id == row.entity_id:
            kept.append(_("No mark is current for this session."))
            continue
        known = facts is not None and step.entity_id.isdigit()
        replaced = facts.marks.get(int(step.entity_id)) if known and facts else None
        if replaced is not None:
            kept.append(
                _("{mark} is kept in the history, replaced by this entry.").format(
                    mark=mark_words(replaced)
                )
            )
    if kept:
        lines.append("\n".join(kept))
    return "\n\n".join(line for line in lines if line)
