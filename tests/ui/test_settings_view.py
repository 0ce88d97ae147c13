"""设置: every station setting listed with its value and default; editing one through the services
(a refusal under the input, naming the setting; nothing written), each kind of input, 恢复默认, the
role check, and the main window taking a new idle-lock time at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from inspector import station_settings
from inspector.services import settings
from inspector.services.policy import Actor, actor_for
from inspector.store.models import AppUser, AuditLog
from inspector.store.store import Store
from ui.main_window import MainWindow
from ui.views.settings_view import CHANGED, DEFAULT, GROUP, LABEL, VALUE, SettingsView


def open_view(qtbot: Any, store: Store, actor: Actor | None = None) -> SettingsView:
    view = SettingsView(store, actor=actor or actor_for(store))
    qtbot.addWidget(view)
    view.resize(1180, 720)
    view.show()
    view.activate()
    qtbot.waitUntil(lambda: view.loaded, timeout=10_000)
    return view


def row_of(view: SettingsView, key: str) -> int:
    return view.visible_keys().index(key)


def cell(view: SettingsView, key: str, column: int) -> str:
    item = view.table.item(row_of(view, key), column)
    assert item is not None
    return item.text()


def stored(store: Store) -> dict[str, object]:
    return station_settings.stored_overrides(store)


def save_and_wait(qtbot: Any, view: SettingsView) -> None:
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.result.text() != "" or view.error_text() != "", timeout=10_000)


def line(view: SettingsView) -> QLineEdit:
    assert view.editor is not None and view.editor.line is not None
    return view.editor.line


def test_every_setting_is_listed_with_its_value_default_and_whether_it_was_changed(
    qtbot: Any, store: Store, idle: Any
) -> None:
    settings.set_setting(store, actor_for(store), "patrols_per_week_min", 3)
    view = open_view(qtbot, store)
    idle()
    catalogue = station_settings.list_settings(store)
    assert view.visible_keys() == [v.key for v in catalogue]
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(5)]  # type: ignore[union-attr]
    assert headers == ["分组", "设置项", "当前值", "默认值", "已修改"]
    assert view.count_label.text() == f"共 {len(catalogue)} 项，已修改 1 项"
    assert (cell(view, "patrols_per_week_min", LABEL), cell(view, "patrols_per_week_min", VALUE)) == (
        "每周巡视次数下限", "3",
    )  # fmt: skip
    assert cell(view, "patrols_per_week_min", DEFAULT) == "2"
    assert cell(view, "patrols_per_week_min", CHANGED) == "是"
    assert cell(view, "week_start", VALUE) == "周一" and cell(view, "week_start", CHANGED) == ""
    assert cell(view, "security.lockout_minutes", GROUP) == "登录与锁屏"
    tip = view.table.item(row_of(view, "week_start"), LABEL).toolTip()  # type: ignore[union-attr]
    assert "week_start" in tip and "统计每周指标时一周从哪一天开始" in tip

    # The panel: label, key, explanation, default, and the input holding the current value.
    view.select_key("patrols_per_week_min")
    assert view.title_label.text() == "每周巡视次数下限" and view.key_label.text() == "patrols_per_week_min"
    assert "巡视" in view.explanation.text() and view.default_label.text() == "默认值：2"
    assert line(view).text() == "3" and line(view).placeholderText() == "0至50之间的整数"
    assert view.reset_button.isEnabled()

    # Finding a setting: words in its name, key or explanation; a group.
    view.search.setText("锁屏")
    assert view.visible_keys() == ["security.idle_lock_minutes"]
    assert view.selected_key() == "security.idle_lock_minutes"
    view.search.clear()
    view.group_filter.setCurrentIndex(view.group_filter.findData("节假日顺延"))
    assert view.visible_keys() and all(k.startswith("holiday_rollover.") for k in view.visible_keys())
    assert view.count_label.text().startswith("显示 ")


def test_a_bad_value_is_said_under_the_input_naming_the_setting_and_nothing_is_written(
    qtbot: Any, store: Store, idle: Any
) -> None:
    view = open_view(qtbot, store)
    view.select_key("security.idle_lock_minutes")
    line(view).setText("0")
    save_and_wait(qtbot, view)
    idle()
    assert (
        view.error_text() == "设置“无操作自动锁屏（分钟）”（security.idle_lock_minutes）须为1至240之间的整数"
    )
    line(view).setText("半小时")
    save_and_wait(qtbot, view)
    idle()
    assert "须为1至240之间的整数" in view.error_text()
    assert stored(store) == {}
    line(view).setText("5")  # typing clears the refusal
    assert view.error_text() == ""

    # Checked together with the station's other settings.
    view.select_key("staff_on_duty_max")
    line(view).setText("1")
    save_and_wait(qtbot, view)
    idle()
    assert view.error_text() == "设置“工作日通常在岗人数上限”（staff_on_duty_max）不能小于最少在岗人数"
    assert stored(store) == {}


def test_saving_and_restoring_the_default(qtbot: Any, store: Store, idle: Any) -> None:
    view = open_view(qtbot, store)
    changed: list[str] = []
    view.settingChanged.connect(changed.append)
    view.select_key("custody_extra_alerts")
    assert line(view).text() == "3、1"
    line(view).setText("5、2")
    save_and_wait(qtbot, view)
    idle()
    assert view.error_text() == "" and view.result.text() == "已保存；下次同步时发往办公室"
    assert stored(store) == {"custody_extra_alerts": [5, 2]}
    assert (
        cell(view, "custody_extra_alerts", VALUE) == "5、2"
        and cell(view, "custody_extra_alerts", CHANGED) == "是"
    )
    assert changed == ["custody_extra_alerts"]
    with store.session(read_only=True) as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).one()
    assert entry.action == "setting_set" and entry.detail["after"] == [5, 2]

    assert view.reset_button.isEnabled()
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.result.text() == "已恢复默认值；下次同步时发往办公室", timeout=10_000)
    idle()
    assert stored(store) == {}
    assert (
        cell(view, "custody_extra_alerts", VALUE) == "3、1"
        and cell(view, "custody_extra_alerts", CHANGED) == ""
    )
    assert line(view).text() == "3、1" and not view.reset_button.isEnabled()
    assert changed == ["custody_extra_alerts", "custody_extra_alerts"]


def test_each_kind_of_input(qtbot: Any, store: Store, idle: Any) -> None:
    view = open_view(qtbot, store)
    # 是/否
    view.select_key("suggestion_service_check")
    assert view.editor is not None and view.editor.combo is not None
    assert [view.editor.combo.itemText(i) for i in range(2)] == ["是", "否"]
    assert view.editor.combo.currentText() == "否"
    view.editor.combo.setCurrentIndex(0)
    save_and_wait(qtbot, view)
    idle()
    # one of several choices, by their labels
    view.select_key("week_start")
    assert view.editor is not None and view.editor.combo is not None
    view.editor.combo.setCurrentIndex(view.editor.combo.findText("周日"))
    save_and_wait(qtbot, view)
    idle()
    # ticks: any of several
    view.select_key("talk_types_counted")
    assert view.editor is not None and view.editor.ticks is not None
    ticks = view.editor.ticks
    routine = next(ticks.item(i) for i in range(ticks.count()) if ticks.item(i).text() == "日常")
    routine.setCheckState(Qt.CheckState.Unchecked)
    save_and_wait(qtbot, view)
    idle()
    # ticks: each rule on or off
    view.select_key("holiday_rollover")
    assert view.editor is not None and view.editor.ticks is not None
    ticks = view.editor.ticks
    ticks.item(1).setCheckState(Qt.CheckState.Unchecked)  # 纠正违法通知书回复
    save_and_wait(qtbot, view)
    idle()
    # a sentence of the documents
    view.select_key("wording.notice_basis")
    assert view.editor is not None and view.editor.box is not None
    view.editor.box.setPlainText("依照{basis}的规定，特通知你单位予以纠正")
    save_and_wait(qtbot, view)
    idle()

    values = stored(store)
    assert values["suggestion_service_check"] is True and values["week_start"] == "sunday"
    assert "routine" not in values["talk_types_counted"] and "new_admission" in values["talk_types_counted"]  # type: ignore[operator]
    assert values["holiday_rollover"]["notice_reply"] is False  # type: ignore[index]
    assert values["wording.notice_basis"] == "依照{basis}的规定，特通知你单位予以纠正"
    assert cell(view, "holiday_rollover", VALUE) == "不顺延：纠正违法通知书回复"
    # The per-rule line reads the same (the list is read again after each save).
    assert cell(view, "holiday_rollover.notice_reply", VALUE) == "否"

    view.select_key("wording.notice_basis")
    assert view.editor is not None and view.editor.box is not None
    view.editor.box.setPlainText("特通知你单位予以纠正")  # {basis} left out
    save_and_wait(qtbot, view)
    idle()
    assert "纠正违法通知书：纠正依据" in view.error_text()


@pytest.mark.parametrize("role", ["assistant", "clerk"])
def test_a_role_that_may_not_change_settings_only_reads(
    qtbot: Any, store: Store, role: str, idle: Any
) -> None:
    user = store.repo(AppUser).add({"username": role, "display_name": "助理", "role": role})
    view = open_view(qtbot, store, actor_for(store, user.id))
    idle()
    view.select_key("patrols_per_week_min")
    assert view.editor is not None and not view.editor.isEnabled()
    assert not view.save_button.isEnabled() and not view.reset_button.isEnabled()
    assert view.permission_note.text().endswith("不能修改检察室设置")


def test_the_window_takes_a_new_idle_lock_time_at_once(qtbot: Any, store: Store, idle: Any) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.idle.interval_ms == 10 * 60_000, timeout=10_000)
    page = window.settings_page
    assert page is not None and page in window.pages
    window.show_page(window.pages.index(page))
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    page.select_key("security.idle_lock_minutes")
    line(page).setText("3")
    save_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: window.idle.interval_ms == 3 * 60_000, timeout=10_000)
    idle()
    window.close()
