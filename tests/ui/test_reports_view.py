"""日志与报表: the day's log written from a prefilled form and confirmed; the month's report written,
submitted and approved — all through the page's buttons, in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.services import records
from inspector.services.policy import actor_for
from inspector.store.models import DailyLog, MonthlyReport
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.forms import RecordForm
from ui.views.reports_view import ReportsView


def _form(qtbot: Any) -> RecordForm:
    found: list[RecordForm] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordForm) and w.isVisible()]
        return bool(found) and found[0].is_loaded

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_daily_log_written_saved_and_confirmed(
    qtbot: Any, store: Store, idle: Any, no_unexpected_dialogs: list[str]
) -> None:
    me = actor_for(store)
    patrol = records.load_for_edit(store, "patrol", actor=me)
    records.save(
        store, "patrol", None, {**patrol.values, "areas": ["三监区"], "methods": ["on_site"]}, None, me
    )
    page = ReportsView(store, actor=me)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.confirm_log_button, Qt.MouseButton.LeftButton)
    idle()
    assert page.result.text() == ""  # nothing to confirm yet: the error was shown, nothing written
    assert store.repo(DailyLog).count() == 0
    assert len(no_unexpected_dialogs) == 1 and "请先编写并保存" in no_unexpected_dialogs.pop()

    qtbot.mouseClick(page.write_log_button, Qt.MouseButton.LeftButton)
    form = _form(qtbot)
    assert "三监区" in form.values()["supervision_summary"]
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.repo(DailyLog).count() == 1, timeout=10_000)
    idle()
    qtbot.mouseClick(page.confirm_log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已确认" in page.result.text(), timeout=10_000)
    log = store.repo(DailyLog).list()[0]
    assert log.log_date == today_local() and log.confirmed and log.counts["patrols"] == 1
    idle()  # the counts read again after the confirmation


def test_monthly_report_submitted_and_approved(qtbot: Any, store: Store, idle: Any) -> None:
    me = actor_for(store)
    page = ReportsView(store, actor=me)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.write_report_button, Qt.MouseButton.LeftButton)
    form = _form(qtbot)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.repo(MonthlyReport).count() == 1, timeout=10_000)
    idle()
    qtbot.mouseClick(page.submit_report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已提交审核" in page.result.text(), timeout=10_000)
    qtbot.mouseClick(page.approve_report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已审批" in page.result.text(), timeout=10_000)
    report = store.repo(MonthlyReport).list()[0]
    assert report.status == "approved" and report.counted_items
    idle()  # the counts read again after the approval
