"""值班与在岗: the month grid typed from the keyboard, a week copied, a sign-in recorded, the month's
shortfalls listed — every write through inspector.services.duty, and opened from 日志与报表."""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from inspector.services import duty
from inspector.services.duty import CellChange
from inspector.services.policy import Actor, actor_for
from inspector.store.models import AppUser
from inspector.store.store import Store
from tests.ui.conftest import run_now
from ui.views.duty_view import DutyPage, SignInDialog, StaffDialog
from ui.views.reports_view import ReportsView


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


@pytest.fixture
def staff(store: Store, me: Actor) -> dict[str, uuid.UUID]:
    store.repo(AppUser).add({"username": "chen", "display_name": "陈思琪", "role": "procurator"})
    duty.add_staff_from_users(store, me)
    return {s.name: s.id for s in duty.list_staff(store)}


def open_page(qtbot: Any, store: Store, actor: Actor, year: int = 2026, month: int = 10) -> DutyPage:
    page = DutyPage(store, actor=actor, runner=run_now, year=year, month=month)
    qtbot.addWidget(page)
    page.show()
    return page


def cell(page: DutyPage, name: str, day: date) -> tuple[int, int]:
    assert page.doc is not None
    row = [p.name for p in page.doc.staff].index(name)
    col = page.model.column_of(day)
    assert col is not None
    return row, col


def shown(page: DutyPage, name: str, day: date) -> str:
    row, col = cell(page, name, day)
    return str(page.model.index(row, col).data())


def test_typing_a_week_from_the_keyboard(
    qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    page = open_page(qtbot, store, me)
    row, col = cell(page, "王检察官", date(2026, 10, 12))
    page.grid.setFocus()
    page._select(page.model.index(row, col))
    for key in (Qt.Key.Key_G, Qt.Key.Key_G, Qt.Key.Key_B, Qt.Key.Key_J, Qt.Key.Key_W):
        QTest.keyClick(page.grid, key)
    assert [shown(page, "王检察官", date(2026, 10, d)) for d in range(12, 17)] == [
        "在",
        "在",
        "值",
        "假",
        "外",
    ]
    assert page.grid.currentIndex().column() == col + 5  # on to the next day after each key
    plan = duty.load_month(store, 2026, 10).plan
    assert plan[(staff["王检察官"], date(2026, 10, 14))] == "on_duty"
    # the arrows move; Delete clears; 1–4 work like the letters
    QTest.keyClick(page.grid, Qt.Key.Key_Left)
    QTest.keyClick(page.grid, Qt.Key.Key_Delete)
    assert shown(page, "王检察官", date(2026, 10, 16)) == ""
    QTest.keyClick(page.grid, Qt.Key.Key_Down)
    QTest.keyClick(page.grid, Qt.Key.Key_1)
    assert shown(page, "陈思琪", date(2026, 10, 16)) == "在"
    # a block of cells at once: both people, 19–23 October
    r1, c1 = cell(page, "王检察官", date(2026, 10, 19))
    r2, c2 = cell(page, "陈思琪", date(2026, 10, 23))
    block = QItemSelection(page.model.index(r1, c1), page.model.index(r2, c2))
    page.grid.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    QTest.keyClick(page.grid, Qt.Key.Key_G)
    assert all(
        shown(page, n, date(2026, 10, d)) == "在" for n in ("王检察官", "陈思琪") for d in range(19, 24)
    )
    # the count row and the tail columns follow
    assert page.model.index(2, c1).data() == "2"
    assert page.model.index(0, page.model.columnCount() - 2).data() == "8"  # 王: 12, 13, 14 (值), 19–23


def test_enter_offers_the_states(qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID]) -> None:
    page = open_page(qtbot, store, me)
    row, col = cell(page, "陈思琪", date(2026, 10, 13))
    page.grid.setFocus()
    page._select(page.model.index(row, col))
    QTest.keyClick(page.grid, Qt.Key.Key_Return)
    box = page.grid.viewport().findChild(QComboBox)
    assert box is not None and [box.itemText(i) for i in range(box.count())] == [
        "（空）",
        "在岗",
        "值班",
        "请假",
        "外出",
    ]
    box.setCurrentIndex(3)
    box.activated.emit(3)
    assert shown(page, "陈思琪", date(2026, 10, 13)) == "假"


def test_a_cell_changed_elsewhere_is_not_overwritten(
    qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID], no_unexpected_dialogs: list[str]
) -> None:
    page = open_page(qtbot, store, me)
    day = date(2026, 10, 12)
    duty.set_plan(store, [CellChange(staff["王检察官"], day, "leave", None)], me)  # another window, a sync
    row, col = cell(page, "王检察官", day)
    page._select(page.model.index(row, col))
    QTest.keyClick(page.grid, Qt.Key.Key_G)
    assert len(no_unexpected_dialogs) == 1 and "已被修改" in no_unexpected_dialogs.pop()
    assert shown(page, "王检察官", day) == "假"  # the month read again: what is stored now


def test_copy_a_week_and_fill_the_working_days(
    qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID], no_unexpected_dialogs: list[str]
) -> None:
    wang = staff["王检察官"]
    duty.set_plan(store, [CellChange(wang, date(2026, 11, d), "on_site", None) for d in (2, 3, 4, 5, 6)], me)
    page = open_page(qtbot, store, me, 2026, 11)
    row, col = cell(page, "王检察官", date(2026, 11, 11))
    page._select(page.model.index(row, col))
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert no_unexpected_dialogs == ["从上周复制: 已从上周复制5项安排。"]
    no_unexpected_dialogs.clear()
    assert [shown(page, "王检察官", date(2026, 11, d)) for d in range(9, 16)] == ["在"] * 5 + ["", ""]
    # both people (a cell of each row selected): every working day of November not planned yet → 在岗
    r1, c1 = cell(page, "王检察官", date(2026, 11, 2))
    r2, _ = cell(page, "陈思琪", date(2026, 11, 2))
    both = QItemSelection(page.model.index(r1, c1), page.model.index(r2, c1))
    page.grid.selectionModel().select(both, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    november = duty.load_month(store, 2026, 11)
    assert sum(1 for (who, _d) in november.plan if who == staff["陈思琪"]) == 21  # November's working days
    assert sum(1 for (who, _d) in november.plan if who == wang) == 21
    assert page.doc is not None and page.doc.problems == []  # no day short (only days on site, unsigned)
    assert page.problems_label.text() == "本月提示（2）"


def test_sign_in_from_the_grid_and_the_day_panel(
    qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    day = date(2026, 10, 12)
    duty.set_plan(store, [CellChange(staff["陈思琪"], day, "on_site", None)], me)
    page = open_page(qtbot, store, me)
    row, col = cell(page, "陈思琪", day)
    page._select(page.model.index(row, col))
    assert page.day_label.text() == "10月12日签到"
    assert page.model.index(row, col).data(Qt.ItemDataRole.ForegroundRole).name() != "#2e7d32"
    QTest.keyClick(page.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = page.last_dialog
    assert isinstance(dialog, SignInDialog) and "陈思琪" in dialog.windowTitle()
    dialog.time_in.setTime(dialog.time_in.time().fromString("08:15", "HH:mm"))
    dialog.still_there.setChecked(True)
    dialog.note.setText("值班")
    dialog.saveRequested.emit()
    assert not dialog.isVisible()
    sign = duty.load_month(store, 2026, 10).sign_ins[(staff["陈思琪"], day)]
    assert (sign.time_in, sign.time_out, sign.note) == (time(8, 15), None, "值班")
    assert page.sign_table.item(row, 1).text() == "08:15—"
    assert page.model.index(row, col).data(Qt.ItemDataRole.ForegroundRole).name() == "#2e7d32"  # signed in
    assert "签到：08:15—（值班）" in page.model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(page.clear_sign_button, Qt.MouseButton.LeftButton)
    assert (staff["陈思琪"], day) not in duty.load_month(store, 2026, 10).sign_ins


def test_the_months_shortfalls_are_listed_and_lead_to_the_day(
    qtbot: Any, store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    page = open_page(qtbot, store, me)
    texts = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert "2026年10月1日（周四）为法定节假日（国庆节），未安排人员值班，法定节假日应安排人员值班。" in texts
    assert "2026年10月10日（周六）为调休工作日（国庆节），计划在岗0人，要求2至3人，尚差2人。" in texts
    assert page.problems_label.text() == f"本月提示（{len(texts)}）"
    item = next(
        page.problems.item(i)
        for i in range(page.problems.count())
        if "10月10日" in page.problems.item(i).text()
    )
    page._problem_activated(item)
    assert page.model.day_of(page.grid.currentIndex().column()) == date(2026, 10, 10)
    # holidays shaded, the 调休 Saturday marked 班
    _, col = cell(page, "王检察官", date(2026, 10, 3))
    assert page.model.index(0, col).data(Qt.ItemDataRole.BackgroundRole).name() == "#f7dede"
    _, col = cell(page, "王检察官", date(2026, 10, 10))
    assert page.model.headerData(col, Qt.Orientation.Horizontal) == "10\n班"
    # the month before and after
    QTest.keyClick(page.grid, Qt.Key.Key_PageDown)
    assert (page.year, page.month) == (2026, 11) and page.doc is not None and page.doc.month == 11


def test_a_role_that_may_not_edit_only_reads(qtbot: Any, store: Store, staff: dict[str, uuid.UUID]) -> None:
    admin_user = store.repo(AppUser).add({"username": "admin", "display_name": "管理员", "role": "admin"})
    page = open_page(qtbot, store, actor_for(store, admin_user.id))
    row, col = cell(page, "王检察官", date(2026, 10, 12))
    page._select(page.model.index(row, col))
    QTest.keyClick(page.grid, Qt.Key.Key_G)
    assert shown(page, "王检察官", date(2026, 10, 12)) == ""
    assert not page.copy_button.isEnabled() and not page.sign_button.isEnabled()


def test_staff_list_dialog(qtbot: Any, store: Store, me: Actor) -> None:
    page = open_page(qtbot, store, me)
    assert page.doc is not None and page.doc.staff == []
    qtbot.mouseClick(page.staff_button, Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    assert isinstance(dialog, StaffDialog) and dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.from_users_button, Qt.MouseButton.LeftButton)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["王检察官"]
    dialog.table.item(0, 3).setCheckState(Qt.CheckState.Unchecked)  # 计入在岗人数
    assert not duty.list_staff(store)[0].counts_toward_minimum
    dialog.accept()
    assert page.doc is not None and [p.name for p in page.doc.staff] == ["王检察官"]


def test_opened_from_the_reports_page(qtbot: Any, store: Store, me: Actor) -> None:
    reports = ReportsView(store, actor=me, runner=run_now)
    qtbot.addWidget(reports)
    reports.show()
    page = reports.open_duty()
    assert isinstance(page, DutyPage) and page.isVisible()
    assert reports.open_duty() is page  # asked again: the same window
    page.close()


def test_an_agenda_item_opens_the_page_at_its_day(qtbot: Any, store: Store, me: Actor) -> None:
    from PySide6.QtWidgets import QWidget

    from inspector.agenda import AgendaItem
    from ui.actions import Acting

    host = QWidget()
    qtbot.addWidget(host)
    acting = Acting(store, host, actor=me, runner=run_now)
    short = AgendaItem("warning", "duty_staff", "工作日在岗人数不足（1/2）", "2026年10月13日（周二）",
                       date(2026, 10, 13), 2, "规则", "依据")  # fmt: skip
    acting.open_agenda_item(short, lambda: pytest.fail("the roster has a page of its own"))
    page = acting.last_opened
    assert isinstance(page, DutyPage) and (page.year, page.month) == (2026, 10)
    assert page.selected_day == date(2026, 10, 13) and page.day_label.text() == "10月13日签到"
    page.close()
