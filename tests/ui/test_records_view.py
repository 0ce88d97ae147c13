"""The list pages' filter bar (search as you type, date range, state), row count, keys, and opening a
row (Enter / double-click → openRequested)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from inspector.store.models import OralCorrection
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.main_window import DETAINEES, PATROLS, MainWindow
from ui.models.record_lists import correction_list, detainee_list, patrol_list, talk_list
from ui.models.record_table_model import OBJECT_ROLE
from ui.views.records_view import FILTER_DELAY_MS, RecordsView, RowDocument


def make_view(qtbot: Any, store: Store, spec: Any, runner: Any, **kw: Any) -> RecordsView:
    view = RecordsView(store, spec, runner=runner, **kw)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.activate()
    return view


def shown_ids(view: RecordsView) -> set[uuid.UUID]:
    return {view.model.record_id(r) for r in range(view.model.rowCount())}


def type_into(qtbot: Any, edit: Any, text: str) -> None:
    """Key by key for ASCII; Chinese arrives as an input method commits it (QTest cannot type it)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(edit, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)


def type_search(qtbot: Any, view: RecordsView, text: str) -> None:
    """Type as a user does, then wait for the pause after the last key to filter the list."""
    view.search_edit.clear()
    view.apply_filters()
    loads: list[int] = []
    view.model.loaded.connect(lambda: loads.append(1))
    type_into(qtbot, view.search_edit, text)
    qtbot.waitUntil(lambda: bool(loads), timeout=5_000)


@pytest.fixture
def register(store: Store, seed: Any) -> dict[str, Any]:
    people = {
        "zhang": seed.detainee(1, name="张三丰", cell="205"),
        "li": seed.detainee(2, name="李四", cell="301"),
        "wang": seed.detainee(3, name="王五", cell="205"),
        "zhao": seed.detainee(4, name="赵六", cell="402"),
    }
    people["gone"] = seed.detainee(5, name="张飞", discharged_on=today_local(), discharge_kind="released")
    return people


# ---- search as you type ----------------------------------------------------------------------------


def test_typing_narrows_the_register_by_name_id_number_and_cell(
    qtbot: Any, store: Store, register: dict[str, Any], sync_runner: Any
) -> None:
    view = make_view(qtbot, store, detainee_list(), sync_runner)
    held = {p.id for k, p in register.items() if k != "gone"}
    assert shown_ids(view) == held and view.count_label.text() == "共 4 人"

    type_search(qtbot, view, "三丰")  # part of a name
    assert shown_ids(view) == {register["zhang"].id}
    assert view.count_label.text() == "共 1 人"

    id_part = register["li"].id_number[6:14]  # the birth date digits of the ID number
    type_search(qtbot, view, id_part)
    assert register["li"].id in shown_ids(view)
    assert shown_ids(view) == {p.id for p in (register[k] for k in ("zhang", "li", "wang", "zhao"))
                               if id_part in p.id_number}  # fmt: skip

    type_search(qtbot, view, "205")  # a cell (or part of an ID number)
    in_cell = {register["zhang"].id, register["wang"].id}
    assert in_cell <= shown_ids(view)
    assert shown_ids(view) == in_cell | {
        p.id for k, p in register.items() if k != "gone" and "205" in p.id_number
    }

    type_search(qtbot, view, "张")  # the discharged 张飞 is not in the register's default state
    assert shown_ids(view) == {register["zhang"].id}

    type_search(qtbot, view, "没有这个人")
    assert view.model.total == 0 and view.count_label.text() == "没有符合条件的记录"

    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)  # Esc clears, and the whole list is back at once
    assert view.search_edit.text() == "" and shown_ids(view) == held
    assert view.count_label.text() == "共 4 人"


def test_the_register_search_goes_through_the_core_search(
    qtbot: Any, store: Store, register: dict[str, Any], sync_runner: Any, monkeypatch: Any
) -> None:
    import inspector.services.lists as lists

    calls: list[tuple[str, bool]] = []
    real = lists.search_detainees

    def spy(s: Store, text: str, *, limit: int, include_discharged: bool) -> Any:
        calls.append((text, include_discharged))
        return real(s, text, limit=limit, include_discharged=include_discharged)

    monkeypatch.setattr(lists, "search_detainees", spy)
    view = make_view(qtbot, store, detainee_list(), sync_runner)
    type_search(qtbot, view, "张")
    assert calls == [("张", False)]
    view.state_combo.setCurrentIndex(view.state_combo.findText("全部"))  # applies at once
    assert calls[-1] == ("张", True)
    assert shown_ids(view) == {register["zhang"].id, register["gone"].id}
    view.state_combo.setCurrentIndex(view.state_combo.findText("已出所"))
    assert shown_ids(view) == {register["gone"].id}
    assert view.model.data(view.model.index(0, 5)) == f"已出所 {today_local().isoformat()}"


def test_typing_waits_for_a_pause_and_only_the_newest_load_shows(
    qtbot: Any, store: Store, seed: Any, deferred: Any
) -> None:
    seed.detainees(12)
    view = make_view(qtbot, store, detainee_list(), deferred)
    deferred.run()
    assert view.model.total == 12

    type_into(qtbot, view.search_edit, "测试000")  # five keys in quick succession
    assert deferred.jobs == []  # nothing yet: the list waits for the pause
    qtbot.wait(FILTER_DELAY_MS + 100)
    assert len(deferred.jobs) == 1  # one load for the five keys
    assert view.count_label.text() == "正在查找…"

    type_into(qtbot, view.search_edit, "7")  # typed on before that load ran
    qtbot.waitUntil(lambda: len(deferred.jobs) == 2, timeout=5_000)
    deferred.run(1)  # the newer one finishes first
    assert [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())] == ["测试0007"]
    deferred.run(0)  # the older ("测试000", ten people) arrives late and is dropped
    assert view.model.total == 1 and view.count_label.text() == "共 1 人"


def test_other_lists_match_their_text_columns(qtbot: Any, store: Store, seed: Any, sync_runner: Any) -> None:
    person = seed.detainee(1, name="欧阳锋", cell="118")
    other = seed.detainee(2, name="黄药师", cell="120")
    talk = seed.talk(person, issues_summary="反映伙食分量不足")
    seed.talk(other)
    view = make_view(qtbot, store, talk_list(), sync_runner)
    for text in ("欧阳", "118", "伙食", "王检察"):  # name, cell, summary, and 王检察官 talked to both
        type_search(qtbot, view, text)
        expected = view.model.total if text == "王检察" else 1
        assert view.model.total == expected, text
        if text != "王检察":
            assert shown_ids(view) == {talk.id}, text
    assert view.model.total == 2

    patrols = make_view(qtbot, store, patrol_list(), sync_runner)
    found = seed.patrol(areas=["禁闭室"], summary="巡视禁闭室")
    seed.patrol(areas=["一监区"])
    patrols.refresh()
    type_search(qtbot, patrols, "禁闭")  # an item of the areas list
    assert shown_ids(patrols) == {found.id}


# ---- date range and state --------------------------------------------------------------------------


def test_date_range_and_state_narrow_and_clearing_restores(
    qtbot: Any, store: Store, seed: Any, sync_runner: Any
) -> None:
    today = today_local()
    early = seed.patrol(today - timedelta(days=20), methods=["on_site"])
    middle = seed.patrol(today - timedelta(days=10), methods=["video", "documents"])
    late = seed.patrol(today - timedelta(days=1), methods=["video"])
    view = make_view(qtbot, store, patrol_list(), sync_runner)
    assert view.model.total == 3 and not view.clear_filters_button.isEnabled()
    assert view.date_from.value() is None and view.date_to.value() is None  # open by default
    assert view.date_from.text() == "不限"

    view.date_from.set_value(today - timedelta(days=10))  # the first day counts
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=5_000)
    assert shown_ids(view) == {middle.id, late.id}
    view.date_to.set_value(today - timedelta(days=2))
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=5_000)
    assert shown_ids(view) == {middle.id} and view.count_label.text() == "共 1 次"

    view.date_from.setFocus()
    qtbot.keyClick(view.date_from, Qt.Key.Key_Delete)  # clears that end of the range
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=5_000)
    assert view.date_from.value() is None and shown_ids(view) == {early.id, middle.id}

    assert [view.state_combo.itemText(i) for i in range(3)] == ["全部", "实地查看", "调看监控"]
    view.state_combo.setCurrentIndex(view.state_combo.findText("调看监控"))
    assert shown_ids(view) == {middle.id}  # video, and up to the end date
    assert view.clear_filters_button.isEnabled()

    qtbot.mouseClick(view.clear_filters_button, Qt.MouseButton.LeftButton)
    assert view.model.total == 3 and view.state_combo.currentText() == "全部"
    assert view.date_to.value() is None and not view.clear_filters_button.isEnabled()


def test_a_date_range_on_a_timestamp_means_whole_beijing_days(
    qtbot: Any, store: Store, seed: Any, sync_runner: Any
) -> None:
    person = seed.detainee(1)
    # 2026-03-01 16:30 UTC is 2026-03-02 00:30 in Beijing; 15:30 UTC is still 2026-03-01 23:30 there.
    after_midnight = seed.talk(person, datetime(2026, 3, 1, 16, 30, tzinfo=UTC), talk_type="new_admission")
    before_midnight = seed.talk(person, datetime(2026, 3, 1, 15, 30, tzinfo=UTC))
    view = make_view(qtbot, store, talk_list(), sync_runner)
    view.date_from.set_value(date(2026, 3, 2))
    view.date_to.set_value(date(2026, 3, 2))
    view.apply_filters()
    assert shown_ids(view) == {after_midnight.id}
    view.date_from.set_value(date(2026, 3, 1))
    view.date_to.set_value(date(2026, 3, 1))
    view.apply_filters()
    assert shown_ids(view) == {before_midnight.id}
    view.clear_filters()
    view.state_combo.setCurrentIndex(view.state_combo.findText("新收押"))  # talk type
    assert shown_ids(view) == {after_midnight.id}


def test_the_correction_states(qtbot: Any, store: Store, seed: Any, sync_runner: Any) -> None:
    today = today_local()
    waiting = seed.notice("served", today + timedelta(days=3))
    late = seed.suggestion("overdue", today - timedelta(days=2))
    draft = seed.notice("draft", None)
    view = make_view(qtbot, store, correction_list(), sync_runner)
    assert view.model.total == 3
    view.state_combo.setCurrentIndex(view.state_combo.findText("待回复"))
    assert shown_ids(view) == {waiting.id, late.id}
    view.state_combo.setCurrentIndex(view.state_combo.findText("草稿"))
    assert shown_ids(view) == {draft.id}

    oral = store.repo(OralCorrection).add(
        {"issued_on": today, "addressee_unit": "测试区看守所", "source": "patrol", "facts": "监室通风不良"}
    )
    view.state_combo.setCurrentIndex(view.state_combo.findText("跟踪中"))  # an oral correction still open
    assert shown_ids(view) == {oral.id}
    view.state_combo.setCurrentIndex(view.state_combo.findText("已纠正"))
    assert view.model.total == 0


# ---- opening a row ---------------------------------------------------------------------------------


def test_enter_and_double_click_emit_open_requested_with_the_id(
    qtbot: Any, store: Store, register: dict[str, Any], sync_runner: Any
) -> None:
    view = make_view(qtbot, store, detainee_list(), sync_runner)
    opened: list[uuid.UUID] = []
    view.openRequested.connect(opened.append)
    row = next(r for r in range(view.model.rowCount()) if view.model.record_id(r) == register["li"].id)
    view.table.selectRow(row)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [register["li"].id]

    other = next(r for r in range(view.model.rowCount()) if view.model.record_id(r) == register["wang"].id)
    rect = view.table.visualRect(view.model.index(other, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real one
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [register["li"].id, register["wang"].id]
    assert all(isinstance(i, uuid.UUID) for i in opened)


def test_with_nothing_connected_activation_still_previews(
    qtbot: Any, store: Store, seed: Any, sync_runner: Any, monkeypatch: Any
) -> None:
    person = seed.detainee(1)
    talk = seed.talk(person)
    previews: list[Any] = []
    view = make_view(
        qtbot, store, talk_list(), sync_runner, document=RowDocument("预览和打印…", lambda row: row.record.id)
    )
    monkeypatch.setattr(view, "open_preview", previews.append)
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert previews == [talk.id]  # as before openRequested existed

    opened: list[uuid.UUID] = []
    view.openRequested.connect(opened.append)
    qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert opened == [talk.id] and previews == [talk.id]  # now it opens the record instead

    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5_000)
    qtbot.keySequence(view, QKeySequence("Ctrl+P"))  # the preview keeps its button and its key
    assert previews == [talk.id, talk.id]


# ---- keys in the main window ------------------------------------------------------------------------


def test_ctrl_f_goes_to_the_search_box_of_the_page_shown(
    qtbot: Any, store: Store, register: dict[str, Any], idle: Any
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    for index in (DETAINEES, PATROLS):
        window.show_page(index)
        page = window.pages[index]
        assert isinstance(page, RecordsView)
        page.table.setFocus()
        qtbot.keySequence(window, QKeySequence("Ctrl+F"))
        assert QApplication.focusWidget() is page.search_edit, index

    window.show_page(DETAINEES)
    page = window.pages[DETAINEES]
    assert isinstance(page, RecordsView)
    idle()
    qtbot.keySequence(window, QKeySequence("Ctrl+F"))
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        type_into(qtbot, page.search_edit, "李四")
    assert [page.model.data(page.model.index(r, 0), OBJECT_ROLE) for r in range(page.model.rowCount())] == [
        register["li"].id
    ]
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == "" and page.model.total == 4
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)  # already empty: back to the table
    assert QApplication.focusWidget() is page.table
    idle()


def test_a_record_asked_for_that_the_filter_hides_clears_the_filter(
    qtbot: Any, store: Store, register: dict[str, Any], sync_runner: Any
) -> None:
    view = make_view(qtbot, store, detainee_list(), sync_runner)
    type_search(qtbot, view, "李")
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)  # to the table, first row
    assert QApplication.focusWidget() is view.table and view.selected_id() == register["li"].id

    view.select_record(register["wang"].id)  # e.g. from the 工作台: not among the rows shown
    assert view.search_edit.text() == "" and view.model.total == 4
    assert view.selected_id() == register["wang"].id


def test_down_right_after_typing_selects_the_first_row_of_the_new_rows(
    qtbot: Any, store: Store, register: dict[str, Any], deferred: Any
) -> None:
    view = make_view(qtbot, store, detainee_list(), deferred)
    deferred.run()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5_000)
    view.search_edit.setFocus()
    type_into(qtbot, view.search_edit, "王")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)  # before the pause: filters now, then waits
    assert QApplication.focusWidget() is view.table and len(deferred.jobs) == 1
    deferred.run()
    assert view.selected_id() == register["wang"].id
