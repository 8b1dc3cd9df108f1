"""Every key apdesk keeps in the per-user preferences (QSettings), in one list with what it
holds and its default, so no key is spelled twice, reused for another value or left unexplained.

Call sites read `KEY.name` and fall back to `KEY.default`; a test holds every use in `ui/` to
this list. Window and splitter states are Qt's own saved bytes: their default is "none saved",
which leaves the layout the code builds.
"""

from __future__ import annotations

from dataclasses import dataclass

from apdesk.services.auto_backup import DEFAULT_KEEP
from apdesk.services.idle import DEFAULT_IDLE_MINUTES


@dataclass(frozen=True)
class SettingKey:
    name: str
    default: str | int | bool | None
    about: str


STATE = None  # a widget's saved state: none saved until the person resizes or reorders

MAIN_GEOMETRY = SettingKey("main/geometry", STATE, "the main window's size and place")
MAIN_PAGE = SettingKey("main/page", "", "the page shown last ('' opens the first page)")
LANGUAGE = SettingKey("ui/language", "", "the language chosen ('' follows the computer's)")
APPEARANCE = SettingKey("ui/appearance", "system", "light, dark, high contrast or the system's")
TEXT_SIZE = SettingKey("ui/text_size", "normal", "the text size chosen in View > Appearance")
IDLE_MINUTES = SettingKey(
    "security/idle_minutes", DEFAULT_IDLE_MINUTES, "minutes of no input before auto-lock"
)
REMEMBER_ANSWERED = SettingKey(
    "security/remember_answered", "", "the store whose offer to remember was answered ('' none)"
)
BACKUP_FOLDER = SettingKey("backup/folder", "", "where the daily backup goes ('' none chosen)")
BACKUP_KEEP = SettingKey("backup/keep", DEFAULT_KEEP, "how many daily backups are kept")
BACKUP_DAILY = SettingKey("backup/daily", False, "whether a backup is made each day")
OUTBOX_SAVE_DIR = SettingKey("outbox/save_dir", "", "folder last used to save a pack ('' home)")
REVIEWS_SORT = SettingKey("reviews/sort", "", "the Reviews list's sort: 'column,order'")
PUPILS_HEADER = SettingKey("pupils/header", STATE, "the Pupils table's columns")
PUPILS_SPLITTER = SettingKey("pupils/splitter", STATE, "the Pupils page's list and record")
PROVIDERS_HEADER = SettingKey("providers/header", STATE, "the Providers table's columns")
PLACEMENTS_HEADER = SettingKey("placements/header", STATE, "the Placements table's columns")
PLACEMENT_EDITOR_SPLITTER = SettingKey(
    "placement_editor/splitter", STATE, "the placement editor's sections and warnings"
)
PLANS_SPLITTER = SettingKey("plans/splitter", STATE, "the Plans page's list and plan")
REGISTER_SPLITTER = SettingKey("register/splitter", STATE, "the register and its side panels")
REGISTER_SIDE = SettingKey(
    "register/side_tab", 0, "the register's side tab shown last (0 today, 1 the pupil's chart)"
)
TIMETABLES_SPLITS = (
    SettingKey("timetables/split_grid", STATE, "the timetable grid and the panels beside it"),
    SettingKey("timetables/split_side", STATE, "the timetable's checks, versions and chart"),
)
OUTBOX_HEADER = SettingKey("outbox/header", STATE, "the Outbox table's columns")
AUDIT_SPLITTER = SettingKey("audit/splitter", STATE, "the audit log's list and details")


def audit_header(columns: int) -> SettingKey:
    """The audit table's columns, kept per column count: a new column voids an old state."""
    return SettingKey(f"audit/header-{columns}", STATE, "the audit log table's columns")


ALL: tuple[SettingKey, ...] = (
    MAIN_GEOMETRY,
    MAIN_PAGE,
    LANGUAGE,
    APPEARANCE,
    TEXT_SIZE,
    IDLE_MINUTES,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BACKUP_DAILY,
    OUTBOX_SAVE_DIR,
    REVIEWS_SORT,
    PUPILS_HEADER,
    PUPILS_SPLITTER,
    PROVIDERS_HEADER,
    PLACEMENTS_HEADER,
    PLACEMENT_EDITOR_SPLITTER,
    PLANS_SPLITTER,
    REGISTER_SPLITTER,
    REGISTER_SIDE,
    *TIMETABLES_SPLITS,
    OUTBOX_HEADER,
    AUDIT_SPLITTER,
)
