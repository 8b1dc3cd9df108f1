"""Every icon apdesk shows, by meaning, mapped to one Lucide glyph: the single place to look.

Names are "kind.meaning": `page.*` for the sidebar, `action.*` for menus, toolbars and buttons,
`state.*` for statuses (always shown beside a word, never alone), `empty.*` for empty pages.
Only the glyphs named here are shipped in resources/icons/lucide (tools/lucide_icons.py copies
them from the Lucide package; a test checks the two agree).
"""

from __future__ import annotations

PAGES: dict[str, str] = {
    "page.home": "house",
    "page.pupils": "users",
    "page.placements": "clipboard-list",
    "page.providers": "building-2",
    "page.register": "calendar-check",
    "page.timetables": "calendar-range",
    "page.plans": "notebook-pen",
    "page.reviews": "clipboard-check",
    "page.outbox": "send",
    "page.school": "school",
    "page.sharing": "refresh-cw",
    "page.audit": "history",
}

ACTIONS: dict[str, str] = {
    "action.new": "plus",
    "action.open": "square-pen",
    "action.edit": "pencil",
    "action.delete": "trash-2",
    "action.save": "save",
    "action.import": "file-input",
    "action.export": "file-output",
    "action.print": "printer",
    "action.letter": "mail",
    "action.document": "file-text",
    "action.report": "file-chart-column",
    "action.census": "file-spreadsheet",
    "action.refer": "route",
    "action.start": "circle-play",
    "action.end": "circle-stop",
    "action.lock": "lock",
    "action.unlock": "lock-open",
    "action.settings": "settings",
    "action.send": "send",
    "action.refresh": "refresh-cw",
    "action.search": "search",
    "action.filter": "funnel",
    "action.undo": "undo-2",
    "action.redo": "redo-2",
    "action.previous": "chevron-left",
    "action.next": "chevron-right",
    "action.today": "calendar",
    "action.close": "x",
    "action.help": "circle-help",
    "action.about": "info",
    "action.appearance": "sun-moon",
    "action.language": "languages",
    "action.shortcuts": "keyboard",
    "action.quit": "log-out",
    "action.backup": "archive",
    "action.restore": "archive-restore",
    "action.show": "eye",
    "action.hide": "eye-off",
    "action.copy": "copy",
    "action.attach": "paperclip",
    "action.codes": "list",
    "action.chart": "chart-line",
    "action.pupil": "user-round",
    "action.key": "key-round",
}

STATES: dict[str, str] = {
    "state.info": "info",
    "state.success": "circle-check",
    "state.warning": "triangle-alert",
    "state.danger": "octagon-alert",
    "state.error": "circle-x",
    "state.queued": "clock",
    "state.sending": "loader",
    "state.delivered": "check-check",
    "state.attention": "circle-alert",
    "state.due": "clock",
    "state.overdue": "alarm-clock",
    "state.missing": "circle-dashed",
    "state.current": "circle-check",
    "state.failed": "circle-x",
    "state.unknown": "circle-help",
    "state.locked": "lock",
    "state.marked": "circle-check",
    "state.absent": "triangle-alert",
    "state.unmarked": "circle-dashed",
}

EMPTY: dict[str, str] = {
    "empty.list": "inbox",
    "empty.search": "search-x",
}

# Drawn by the stylesheet itself (combo and spin box arrows), tinted per scheme in advance:
# resources/theme/images, written by tools/lucide_icons.py.
CONTROLS: dict[str, str] = {
    "control.down": "chevron-down",
    "control.up": "chevron-up",
}

ICONS: dict[str, str] = {**PAGES, **ACTIONS, **STATES, **EMPTY, **CONTROLS}

# Which token colours a state's icon (and word) by default.
STATE_TONES: dict[str, str] = {
    "state.info": "info",
    "state.success": "success",
    "state.warning": "warning",
    "state.danger": "danger",
    "state.error": "danger",
    "state.queued": "info",
    "state.sending": "info",
    "state.delivered": "success",
    "state.attention": "danger",
    "state.due": "info",
    "state.overdue": "warning",
    "state.missing": "warning",
    "state.current": "success",
    "state.failed": "danger",
    "state.unknown": "fg",
    "state.locked": "fg",
    "state.marked": "success",
    "state.absent": "warning",
    "state.unmarked": "muted",
}
