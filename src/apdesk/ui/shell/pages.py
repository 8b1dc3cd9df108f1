"""The sidebar's pages, in order. To add a page, add one `PageSpec` line to `PAGES`.

A page is a QWidget whose constructor takes `(ctx: AppContext)`; it is built when the store is
unlocked and thrown away when it is locked, so it never outlives the key. It declares the kinds
of record it shows and follows their changes (`ui.core.follow`): a hidden page refreshes when
next shown only if one of them changed. It may define `page_shown()`, called each time the page
comes to the front, for what is not data (focus, for example).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from apdesk.i18n import N_

if TYPE_CHECKING:
    from apdesk.ui.core.context import AppContext


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable identifier, remembered in settings as the last page shown
    title: str  # source text; the sidebar shows `_(title)`
    icon: str  # a meaning in apdesk.ui.theme.icon_names ("page.home")
    factory: str  # "module:Class", imported only when the page is built

    def create(self, ctx: AppContext) -> QWidget:
        module, _sep, name = self.factory.partition(":")
        page_class = cast(
            Callable[["AppContext"], QWidget], getattr(importlib.import_module(module), name)
        )
        return page_class(ctx)


PAGES: list[PageSpec] = [
    PageSpec("home", N_("Home"), "page.home", "apdesk.ui.home.page:HomePage"),
    PageSpec(
        "pupils",
        N_("Pupils"),
        "page.pupils",
        "apdesk.ui.pupils.page:PupilsPage",
    ),
    PageSpec(
        "placements",
        N_("Placements"),
        "page.placements",
        "apdesk.ui.placements.page:PlacementsPage",
    ),
    PageSpec(
        "providers",
        N_("Providers"),
        "page.providers",
        "apdesk.ui.providers.page:ProvidersPage",
    ),
    PageSpec(
        "register",
        N_("Attendance"),
        "page.register",
        "apdesk.ui.register.page:RegisterPage",
    ),
    PageSpec(
        "timetables",
        N_("Timetables"),
        "page.timetables",
        "apdesk.ui.timetables.page:TimetablesPage",
    ),
    PageSpec("plans", N_("Plans"), "page.plans", "apdesk.ui.plans.page:PlansPage"),
    PageSpec(
        "reviews",
        N_("Reviews"),
        "page.reviews",
        "apdesk.ui.plans.reviews_page:ReviewsPage",
    ),
    PageSpec("outbox", N_("Outbox"), "page.outbox", "apdesk.ui.outbox.page:OutboxPage"),
    PageSpec(
        "audit",
        N_("Audit log"),
        "page.audit",
        "apdesk.ui.audit.page:AuditPage",
    ),
    PageSpec(
        "school",
        N_("School set-up"),
        "page.school",
        "apdesk.ui.setup.page:SchoolPage",
    ),
    PageSpec(
        "sharing",
        N_("Sharing"),
        "page.sharing",
        "apdesk.ui.sharing.page:SharingPage",
    ),
]
