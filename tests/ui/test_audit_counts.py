"""The audit log's counts read as the reader writes numbers: the chain banner groups a long
log's count ("1 024 zdarzenia" in Polish, "1,024 events" in English) and a record added with
one field says "1 field recorded"."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from apdesk.models import Setting
from apdesk.services import audit_log
from apdesk.services.audit_log import AuditRow
from apdesk.store import Store
from apdesk.ui.audit.model import change_summary
from apdesk.ui.audit.page import AuditPage
from apdesk.ui.core.context import AppContext


def _long_log(store: Store) -> int:
    """Over a thousand events in the log; how many there are."""
    with store.session() as s:
        s.add_all(Setting(key=f"test.count.{i}", value=str(i)) for i in range(1030))
    with store.session() as s:
        report = audit_log.chain_status(s)
    assert report.ok and report.rows > 1000
    return report.rows


def _grouped(n: int, mark: str) -> str:
    """`n` (1000 to 999999) with its thousands set apart by `mark`."""
    return f"{n // 1000}{mark}{n % 1000:03d}"


def _banner(ctx: AppContext, qtbot: QtBot) -> str:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "{n}" not in page.chain.text() and page.chain.text() != "")
    return page.chain.text().replace("\xa0", " ")


def test_the_chain_banner_groups_its_count_in_polish(
    ctx: AppContext, qtbot: QtBot, polish: None
) -> None:
    n = _long_log(ctx.store)
    text = _banner(ctx, qtbot)
    noun = "zdarzeń" if n % 10 not in (2, 3, 4) or n % 100 in (12, 13, 14) else "zdarzenia"
    assert f"zweryfikowany: {_grouped(n, ' ')} {noun}," in text
    assert str(n) not in text


def test_the_chain_banner_groups_its_count_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    n = _long_log(ctx.store)
    text = _banner(ctx, qtbot)
    assert text.startswith(f"Audit chain verified: {_grouped(n, ',')} events, none altered")


def test_a_record_with_one_field_says_one_field() -> None:
    at = datetime(2027, 1, 11, 9, 30, tzinfo=UTC)
    row = AuditRow(3, at, "coordinator", "create", "closure", "4", {}, {"reason": "Snow"})
    assert change_summary(row) == "1 field recorded"
    two = AuditRow(4, at, "coordinator", "create", "closure", "5", {}, {"reason": "Snow", "a": 1})
    assert change_summary(two) == "2 fields recorded"
