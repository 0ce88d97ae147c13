"""工作台: the agenda model (order, colours, roles), the detail dialog, target cards, the custody panel,
going to a record, and the 在押人员 list's custody deadline column."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from inspector.agenda import AgendaItem, build_agenda
from inspector.domain.validation import SHANGHAI
from inspector.rules.targets import shortfall_severity
from inspector.services.dashboard import Week, load_dashboard, refresh_custody_cache
from inspector.store.models import CustodyEvent
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.main_window import DASHBOARD, DETAINEES, MainWindow
from ui.models.agenda_model import (
    DETAIL_ROLE,
    DUE,
    ITEM_ROLE,
    LEFT_DAYS,
    LEVEL_ROLE,
    WHAT,
    WHO,
    AgendaModel,
    days_left_text,
)
from ui.models.record_lists import detainee_list
from ui.models.record_table_model import SORT_ROLE, RecordTableModel
from ui.qt_compat import emit
from ui.style import AMBER, GREY, RED
from ui.views.agenda_detail import AgendaDetailDialog
from ui.views.dashboard_view import REFRESH_MS

FG = Qt.ItemDataRole.ForegroundRole


def item(
    level: str, title: str = "事项", *, days: int | None = 1, certain: bool = True, **kw: Any
) -> AgendaItem:
    today = today_local()
    values: dict[str, Any] = {
        "level": level,
        "kind": "custody",
        "title": title,
        "subject": "张三",
        "due": today + timedelta(days=days) if days is not None else None,
        "days_left": days,
        "rule": "侦查羁押期限",
        "basis": "刑事诉讼法第一百五十六条",
        "explanation": "逮捕后侦查羁押期限二个月\n届满日不因节假日延长",
        "certain": certain,
    }
    values.update(kw)
    return AgendaItem(**values)


def arrested(store: Store, seed: Any, i: int, days_ago: int) -> uuid.UUID:
    """A detainee in 侦查羁押 since ``days_ago`` days (two months: overdue after ~61 days)."""
    on = today_local() - timedelta(days=days_ago)
    admitted = datetime.combine(on - timedelta(days=5), time(10), tzinfo=SHANGHAI).astimezone(UTC)
    d = seed.detainee(i, admitted_at=admitted, stage="investigation", stage_started_on=on)
    store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": "arrest", "occurred_on": on})
    return d.id  # type: ignore[no-any-return]


@pytest.fixture
def custody(store: Store, seed: Any) -> dict[str, uuid.UUID]:
    return {
        "overdue": arrested(store, seed, 1, 75),
        "warning": arrested(store, seed, 2, 57),
        "far": arrested(store, seed, 3, 2),
    }


# ---- the model -----------------------------------------------------------------------------------------


def test_agenda_model_keeps_the_agendas_order_and_colours_by_level(qtbot: Any) -> None:
    items = [
        item("overdue", "超期羁押", days=-2),
        item("overdue", "纠正违法通知书逾期未回复", days=-9, kind="rectification_notice_escalation"),
        item("warning", "羁押期限即将届满", days=2),
        item("upcoming", "来信审查答复期限", days=10, certain=False),
        item("info", "羁押期限记录需核对", days=None),
    ]
    model = AgendaModel()
    model.set_items(items)
    assert model.rowCount() == 5 and model.columnCount() == 4
    assert [model.data(model.index(r, WHAT)) for r in range(5)] == [i.title for i in items]
    assert [model.data(model.index(r, 0), LEVEL_ROLE) for r in range(5)] == [
        "overdue",
        "overdue",
        "warning",
        "upcoming",
        "info",
    ]
    assert model.data(model.index(0, 0), ITEM_ROLE) is items[0]
    assert model.level_counts() == {"overdue": 2, "warning": 1, "upcoming": 1, "info": 1}

    def colour(row: int, column: int = WHAT) -> str | None:
        value = model.data(model.index(row, column), FG)
        return value.name() if isinstance(value, QColor) else None

    assert colour(0) == QColor(RED).name() and colour(0, LEFT_DAYS) == QColor(RED).name()
    assert colour(2) == QColor(AMBER).name()
    assert colour(3) is None  # upcoming: the normal text colour
    assert colour(4) == QColor(GREY).name()
    assert colour(0, WHO) is None  # who it concerns stays readable

    assert model.data(model.index(0, LEFT_DAYS)) == "逾期2天"
    assert model.data(model.index(2, LEFT_DAYS)) == "余2天"
    assert model.data(model.index(4, LEFT_DAYS)) == "" and model.data(model.index(4, DUE)) == "—"
    assert model.data(model.index(0, DUE)) == items[0].due.isoformat()  # type: ignore[union-attr]
    assert model.data(model.index(0, WHO)) == "张三"
    detail = model.data(model.index(0, WHAT), DETAIL_ROLE)
    assert detail == "侦查羁押期限 · 刑事诉讼法第一百五十六条"
    assert "日期可能变动" in model.data(model.index(3, WHAT), DETAIL_ROLE)
    assert "日期可能变动" not in detail
    assert model.data(model.index(0, DUE), SORT_ROLE) == items[0].due
    assert "逾期2天" in model.data(model.index(0, WHAT), Qt.ItemDataRole.ToolTipRole)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "到期日",
        "事项",
        "对象",
        "剩余",
    ]


def test_days_left_text() -> None:
    assert [days_left_text(d) for d in (-3, 0, 5, None)] == ["逾期3天", "今天到期", "余5天", ""]


# ---- the dashboard ---------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: Any, store: Store, idle: Any) -> Any:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    idle()


def loaded(qtbot: Any, window: Any) -> Any:
    dashboard = window.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    return dashboard


def test_agenda_on_the_dashboard_custody_on_top(
    qtbot: Any, store: Store, seed: Any, custody: dict[str, uuid.UUID], idle: Any
) -> None:
    today = today_local()
    seed.notice("served", today - timedelta(days=3))  # a reply overdue
    w = MainWindow(store)
    qtbot.addWidget(w)
    dashboard = loaded(qtbot, w)
    idle()
    model = dashboard.agenda_model
    expected = build_agenda(store).items
    assert [i.title for i in model.items()] == [i.title for i in expected]
    first = model.item(0)
    assert first.title == "超期羁押" and first.level == "overdue" and first.record_id == custody["overdue"]
    ranks = [("overdue", "warning", "upcoming", "info").index(i.level) for i in model.items()]
    assert ranks == sorted(ranks)
    assert "逾期" in dashboard.agenda_note.text()
    # the side panel: custody deadlines within 7 days (the overdue one first), not the far one
    rows = [dashboard.custody_model.row(r) for r in range(dashboard.custody_model.rowCount())]
    assert [r.detainee_id for r in rows] == [custody["overdue"], custody["warning"]]
    assert rows[0].days_left < 0 <= rows[1].days_left <= 7
    assert dashboard.custody_note.text() == "共 2 人"
    qtbot.waitUntil(lambda: dashboard.awaiting_model.has_loaded)
    idle()
    assert dashboard.awaiting_model.total == 1


def test_weekly_target_cards_follow_the_rules(
    qtbot: Any, store: Store, seed: Any, window: Any, idle: Any
) -> None:
    dashboard = loaded(qtbot, window)
    idle()
    today = today_local()
    week = Week.containing(today)
    shortfall = shortfall_severity(week.monday, today)  # pending Mon–Wed, amber Thu, red from Fri
    for key in ("patrols", "talks", "mailbox_openings"):
        card = dashboard.cards[key]
        assert card.value_text().startswith("0/") and "✓" not in card.value_text()
        assert card.severity() == shortfall, key
    assert dashboard.cards["new_arrivals"].value_text() == "0 ✓"

    seed.patrol(today)
    seed.patrol(week.monday)
    now = datetime.now(UTC)
    two = [str(seed.user_id), str(uuid.uuid4())]  # an opening counts with two openers
    seed.opening(week.start + (now - week.start) / 2, opener_ids=two)
    window.refresh_current()  # F5
    qtbot.waitUntil(lambda: dashboard.cards["patrols"].value_text() == "2/2 ✓")
    idle()
    assert dashboard.cards["patrols"].severity() == "ok"
    assert "已达标" in dashboard.cards["patrols"].note()
    assert dashboard.cards["mailbox_openings"].value_text() == "1/1 ✓"
    assert dashboard.cards["talks"].severity() == shortfall
    assert [t.target for t in load_dashboard(store).targets] == ["patrols", "talks", "mailbox_openings"]


def test_new_arrivals_card_counts_the_talks_to_do(qtbot: Any, store: Store, seed: Any, idle: Any) -> None:
    seed.detainee(7, admitted_at=datetime.now(UTC) - timedelta(hours=3))
    w = MainWindow(store)
    qtbot.addWidget(w)
    dashboard = loaded(qtbot, w)
    idle()
    card = dashboard.cards["new_arrivals"]
    assert card.value_text() == "1 待办"
    assert card.severity() in ("pending", "amber", "red")


def test_detail_dialog_explains_and_goes_to_the_record(
    qtbot: Any, store: Store, seed: Any, custody: dict[str, uuid.UUID], window: Any, idle: Any
) -> None:
    dashboard = loaded(qtbot, window)
    idle()
    dialog = dashboard.detail_dialog(0)
    qtbot.addWidget(dialog)
    item = dashboard.agenda_model.item(0)
    assert isinstance(dialog, AgendaDetailDialog) and dialog.item is item
    assert dialog.fields["subject"].text() == item.subject
    assert dialog.fields["basis"].text() == "刑事诉讼法第一百五十六条"
    assert dialog.fields["left"].text().startswith("逾期")
    assert "certain" not in dialog.fields
    assert dialog.explanation.toPlainText() == item.explanation and "逮捕" in item.explanation
    assert dialog.open_button is not None and "在押人员" in dialog.open_button.text()

    page = window.pages[DETAINEES]
    dialog.open_button.click()
    assert window.stack.currentIndex() == DETAINEES
    qtbot.waitUntil(lambda: page.selected_id() == custody["overdue"], timeout=10_000)
    idle()


def test_uncertain_item_says_the_date_may_move(qtbot: Any) -> None:
    dialog = AgendaDetailDialog(item("upcoming", certain=False, days=9), conventions=["按月计算"])
    qtbot.addWidget(dialog)
    assert "可能变动" in dialog.fields["certain"].text()
    assert dialog.open_button is None  # no record to go to


def test_alt_enter_on_the_agenda_opens_the_detail(
    qtbot: Any, store: Store, custody: dict[str, uuid.UUID], window: Any, idle: Any
) -> None:
    # Enter does what the row asks (tests/ui/test_agenda_actions.py); Alt+Enter explains it.
    from PySide6.QtWidgets import QApplication

    dashboard = loaded(qtbot, window)
    idle()
    table = dashboard.agenda_table
    table.setFocus()
    table.setCurrentIndex(dashboard.agenda_model.index(1, WHAT))
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AgendaDetailDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.item is dashboard.agenda_model.item(1)
    dialog.reject()


def test_double_click_on_the_custody_panel_goes_to_the_detainee(
    qtbot: Any, store: Store, custody: dict[str, uuid.UUID], window: Any, idle: Any
) -> None:
    dashboard = loaded(qtbot, window)
    idle()
    table = dashboard.custody_table
    rect = table.visualRect(dashboard.custody_model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real one
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == DETAINEES
    qtbot.waitUntil(lambda: window.pages[DETAINEES].selected_id() == custody["warning"], timeout=10_000)
    idle()


def test_dashboard_refreshes_by_itself(qtbot: Any, window: Any, idle: Any) -> None:
    dashboard = loaded(qtbot, window)
    idle()
    assert dashboard.timer.isActive() and dashboard.timer.interval() == REFRESH_MS <= 10 * 60_000
    first = dashboard.data
    emit(dashboard.timer.timeout)  # as if five minutes had passed
    qtbot.waitUntil(lambda: dashboard.data is not first)
    idle()
    window.show_page(DETAINEES)
    emit(dashboard.timer.timeout)  # hidden: only marked, read again when shown
    assert not dashboard.is_loading and dashboard._stale
    window.show_page(DASHBOARD)
    assert dashboard.is_loading
    idle()


# ---- 在押人员: 羁押期限届满日 -------------------------------------------------------------------------


def test_detainee_list_shows_and_sorts_by_custody_deadline(
    store: Store, seed: Any, custody: dict[str, uuid.UUID], sync_runner: Any
) -> None:
    spec = detainee_list()
    column = [c.header for c in spec.columns].index("羁押期限届满日")
    model = RecordTableModel(
        store, spec.source, spec.columns, sort_column=column, sort_order=Qt.SortOrder.AscendingOrder,
        runner=sync_runner,
    )  # fmt: skip
    model.reload()  # refreshes the cache first, in the same background job
    ids = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert ids == [custody["overdue"], custody["warning"], custody["far"]]
    deadlines = [model.data(model.index(r, column), SORT_ROLE) for r in range(3)]
    assert all(isinstance(d, date) for d in deadlines) and deadlines == sorted(deadlines)
    assert model.data(model.index(0, column)) == deadlines[0].isoformat()
    assert model.data(model.index(0, column), FG).name() == QColor(RED).name()
    assert model.data(model.index(2, column), FG) is None
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == custody["far"]
    assert refresh_custody_cache(store) == 0  # already fresh
