"""The main window: navigation, shortcuts, status bar, dashboard counts, list pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableView
from sqlalchemy import text

from inspector.services.dashboard import Week, load_dashboard_counts
from inspector.store.queries import pending_changes
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.main_window import CORRECTIONS, DASHBOARD, DETAINEES, PATROLS, REPORTS, SYNC, MainWindow
from ui.views.records_view import RecordsView

TITLES = ["工作台", "巡视检察", "个别谈话", "检察官信箱", "纠正与建议", "在押人员", "台账审查", "监督线索"]
TITLES += ["日志与报表", "同步"]


def this_week_so_far() -> datetime:
    """A moment in the past that is in the current week, even just after Monday 00:00."""
    now = datetime.now(UTC)
    start = Week.containing(today_local()).start
    return start + (now - start) / 2


@pytest.fixture
def window(qtbot: Any, store: Store, seed: Any, idle: Any) -> Any:
    today = today_local()
    people = [seed.detainee(i) for i in range(4)]
    seed.detainee(9, discharged_on=today, discharge_kind="released")
    seed.patrol(today)
    seed.patrol(Week.containing(today).monday - timedelta(days=1))  # last week
    seed.talk(people[0], this_week_so_far())
    seed.talk(people[1], Week.containing(today).start - timedelta(minutes=1))  # last week
    seed.opening(this_week_so_far())
    seed.notice("served", today - timedelta(days=2))
    seed.suggestion("followed_up", today + timedelta(days=5))
    seed.notice("draft", None)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    idle()


def test_title_navigation_and_pages(window: Any, idle: Any) -> None:
    assert window.windowTitle() == "驻所检察 — 测试区看守所检察室"
    # wang is a procurator: after 同步, 设置, and 用户 while the station has no administrator.
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [*TITLES, "设置", "用户"]
    assert [p.title for p in window.pages] == [*TITLES, "设置", "用户"]
    assert window.stack.currentIndex() == DASHBOARD

    window.nav.setCurrentRow(PATROLS)
    assert window.stack.currentIndex() == PATROLS
    assert window.current_page().header.title_label.text() == "巡视检察"
    window.show_page(SYNC)
    assert window.nav.currentRow() == SYNC and window.stack.currentWidget() is window.pages[SYNC]
    idle()


def test_ctrl_number_switches_pages(qtbot: Any, window: Any, idle: Any) -> None:
    window.activateWindow()
    for n in range(9, 0, -1):
        qtbot.keySequence(window, QKeySequence(f"Ctrl+{n}"))
        assert window.stack.currentIndex() == n - 1, n
    qtbot.keySequence(window, QKeySequence("Ctrl+0"))
    assert window.stack.currentIndex() == SYNC
    idle()


def test_status_bar_says_who_where_and_what_is_pending(
    qtbot: Any, window: Any, store: Store, idle: Any
) -> None:
    qtbot.waitUntil(lambda: window.sync_status is not None)
    idle()
    pending = pending_changes(store)
    assert pending > 0  # every record added above is waiting for sync
    text = window.status_text()
    assert text == f"王检察官 · 测试区看守所检察室 · ● 离线 · 上次同步 从未同步 · 待同步 {pending} 条"
    shown = window.status_label.text()
    for part in ("王检察官", "测试区看守所检察室", "离线", "从未同步", f"待同步 {pending} 条"):
        assert part in shown

    store.set_meta("sync.last_sync", datetime(2026, 11, 20, 9, 32, tzinfo=UTC).isoformat())
    window.refresh_status()
    qtbot.waitUntil(lambda: "2026-11-20 17:32" in window.status_text())  # shown in Asia/Shanghai
    idle()


def test_dashboard_counts_arrive(qtbot: Any, window: Any, store: Store, idle: Any) -> None:
    dashboard = window.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.counts is not None)
    idle()
    values = {key: card.value_text() for key, card in dashboard.cards.items()}
    assert values == {
        "patrols": "1/2",
        "talks": "1/2",
        "mailbox_openings": "0/1",  # one opener: an opening counts with two (rules)
        "new_arrivals": "0 ✓",
        "in_custody": "4",
    }
    assert dashboard.counts.awaiting_reply == 2
    assert dashboard.counts == load_dashboard_counts(store)
    assert dashboard.counts.overdue_replies == 1
    assert window.nav_badge(CORRECTIONS) == 1
    assert dashboard.awaiting_model.total == 2  # the panel of documents waiting for a reply


def test_counts_are_not_read_on_the_gui_thread(
    qtbot: Any, store: Store, seed: Any, idle: Any, deferred: Any
) -> None:
    w = MainWindow(store, runner=deferred)
    qtbot.addWidget(w)
    dashboard = w.pages[DASHBOARD]
    assert dashboard.counts is None and dashboard.cards["in_custody"].value_text() == "…"
    while deferred.jobs:  # nothing was read until the runner ran the jobs
        deferred.run()
    assert dashboard.counts is not None and dashboard.cards["in_custody"].value_text() == "0"
    idle()


def test_list_pages_load_when_shown_and_sort(qtbot: Any, window: Any, idle: Any) -> None:
    page = window.pages[DETAINEES]
    assert isinstance(page, RecordsView)
    assert not page.model.has_loaded  # nothing read before the page is opened
    window.show_page(DETAINEES)
    qtbot.waitUntil(lambda: page.model.has_loaded)
    idle()
    assert page.model.rowCount() == 4
    assert page.count_label.text() == "共 4 人"
    table = page.findChild(QTableView)
    assert table is not None and table.isSortingEnabled()

    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [page.model.data(page.model.index(r, 0)) for r in range(4)]
    assert names == ["测试0003", "测试0002", "测试0001", "测试0000"]
    idle()


def test_every_list_page_loads(qtbot: Any, window: Any, idle: Any) -> None:
    expected = {PATROLS: 2, 2: 2, 3: 1, CORRECTIONS: 3, DETAINEES: 4}
    for index, rows in expected.items():
        window.show_page(index)
        page = window.pages[index]
        qtbot.waitUntil(lambda page=page: page.model.has_loaded)
        assert page.model.total == rows, page.title
    window.show_page(REPORTS)
    qtbot.waitUntil(lambda: window.pages[REPORTS].counts is not None)
    window.show_page(SYNC)
    qtbot.waitUntil(lambda: window.pages[SYNC].status is not None)
    idle()
    assert window.pages[SYNC].pending_card.value_text() == str(window.pages[SYNC].status.pending)


def test_f5_reloads_the_current_page(qtbot: Any, window: Any, seed: Any, idle: Any) -> None:
    window.show_page(PATROLS)
    page = window.pages[PATROLS]
    qtbot.waitUntil(lambda: page.model.has_loaded)
    idle()
    seed.patrol(today_local() - timedelta(days=3))
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.model.total == 3
    idle()


def test_a_failed_load_says_so(qtbot: Any, store: Store, sync_runner: Any, monkeypatch: Any) -> None:
    from inspector.services import lists
    from ui import errors
    from ui.models.record_lists import detainee_list

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    real = lists.list_query
    query = real(lists.DETAINEES)
    broken = replace(query, stmt=query.stmt.where(text("no_such_column = 1")))
    monkeypatch.setattr(lists, "list_query", lambda key: broken if key == lists.DETAINEES else real(key))
    view = RecordsView(store, detainee_list(), runner=sync_runner)
    qtbot.addWidget(view)
    view.activate()
    assert view.count_label.text() == "读取失败，按 F5 重试"
    assert len(shown) == 1 and "Traceback" not in shown[0]


def test_ctrl_n_on_corrections_offers_the_three_kinds(qtbot: Any, window: Any, idle: Any) -> None:
    from PySide6.QtCore import QTimer

    window.show_page(CORRECTIONS)
    seen: list[list[str]] = []

    def look_and_close() -> None:
        menu = window.new_correction_button.menu()
        if menu.isVisible():
            seen.append([a.text() for a in menu.actions()])
        menu.close()

    QTimer.singleShot(300, look_and_close)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [["口头纠正", "纠正违法通知书", "检察建议书"]]
    idle()
