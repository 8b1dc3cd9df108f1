"""What the placement form offers and says beside its choices: the pupils and providers to
choose from (each provider with its QA), the note on the chosen provider's QA, and the LA's start
notification. Worded here; when to fill and show them is the editor's business.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from apdesk.i18n import _, format_date
from apdesk.models.enums import PlacementStatus
from apdesk.services.ap_guide import LaNotice
from apdesk.services.placement_actions import EditorData, ProviderChoice
from apdesk.ui.placements.editor_sections import Sections
from apdesk.ui.widgets.ask_text import ask_text
from apdesk.ui.widgets.choice_list import ListChoice, fill_columns, fill_combo
from apdesk.ui.widgets.fields import qa_icon, qa_text
from apdesk.ui.widgets.word_search import WordSearch


def _not_yet() -> str:
    return _(
        "No start notification yet: apdesk queues one for the LA when the placement is referred."
    )


def la_notice_text(la: LaNotice | None, status: PlacementStatus | None = None) -> str:
    """The LA's notification of the start, as the placement shows it. A placement that started
    with no notification from apdesk (begun before the school used it) says so, rather than
    promising one that will never come."""
    if la is None:
        return _not_yet()
    if la.status == "delivered" and la.delivered is not None:
        return _("Start notification delivered to the LA on {day}.").format(
            day=format_date(la.delivered.date())
        )
    if la.created is not None:
        return _("Start notification queued on {day}; it goes when the LA can be reached.").format(
            day=format_date(la.created.date())
        )
    if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED):
        return _(
            "No start notification was sent from apdesk; if the LA was told another way, "
            "record the day below."
        )
    return _not_yet()


def fill_choices(
    sections: Sections, pupil_search: WordSearch, data: EditorData, owner: QWidget
) -> None:
    """The pupils and providers offered, keeping whichever are chosen now. A trust's
    thousands of pupils go to the combo as one list, worded only when it is opened."""
    names, upns, search = data.pupils.names, data.pupils.upns, data.pupils.search
    fill_columns(
        sections.pupil,
        ListChoice(_("Choose the pupil…"), 0),
        data.pupils.ids,
        lambda n: f"{names[n]} ({upns[n]})",
        search.__getitem__,
    )
    pupil_search.follow_model()
    providers = [ListChoice(_("Choose the provider…"), 0)]
    providers += [
        ListChoice(
            f"{choice.name} — {qa_text(choice.qa_state)}",
            choice.id,
            qa_icon(owner, choice.qa_state),
        )
        for choice in data.providers
    ]
    fill_combo(sections.provider, providers)


def qa_note(choice: ProviderChoice | None) -> str:
    """The chosen provider's QA under the choice, asking for a reason where it is not current."""
    if choice is None:
        return ""
    if choice.needs_reason:
        return _("{state}: {summary}. Record the reason for using this provider.").format(
            state=qa_text(choice.qa_state), summary=choice.qa_summary
        )
    return f"{qa_text(choice.qa_state)}: {choice.qa_summary}"


def ask_qa_reason(parent: QWidget, choice: ProviderChoice) -> str:
    """Why a provider whose QA is not current is still chosen ("" when not given)."""
    text, ok = ask_text(
        parent,
        _("Reason for using this provider"),
        _("{name}: {summary}.\n\nWhy is this provider still the right choice?").format(
            name=choice.name, summary=choice.qa_summary
        ),
        _("Reason for using this provider"),
    )
    return text.strip() if ok else ""
