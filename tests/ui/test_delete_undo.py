"""删除 on a list with 撤销 in the status bar: soft delete through the services, restored on undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from inspector.store.models import Patrol
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.main_window import CORRECTIONS, PATROLS, MainWindow


@pytest.fixture
def window(qtbot: Any, store: Store, seed: Any, idle: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    seed.patrol(today_local())
    seed.notice("served", today_local())
    w = MainWindow(store)
    w.deleter._confirm = lambda _parent, _text: True  # the confirmation answered 是
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    idle()


def test_delete_key_then_undo(qtbot: Any, window: Any, store: Store, idle: Any) -> None:
    window.show_page(PATROLS)
    page = window.pages[PATROLS]
    qtbot.waitUntil(lambda: page.model.has_loaded and page.model.rowCount() == 1)
    page.table.setFocus()
    page.table.selectRow(0)
    patrol_id = page.selected_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.deleter.bar.isVisible(), timeout=10_000)
    assert store.repo(Patrol).get(patrol_id) is None
    assert "已删除" in window.deleter.bar.label.text()
    qtbot.waitUntil(lambda: page.model.has_loaded and page.model.rowCount() == 0, timeout=10_000)
    qtbot.mouseClick(window.deleter.bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.repo(Patrol).get(patrol_id) is not None, timeout=10_000)
    assert not window.deleter.bar.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    idle()


def test_a_served_notice_is_not_deleted(
    qtbot: Any, window: Any, store: Store, idle: Any, no_unexpected_dialogs: list[str]
) -> None:
    window.show_page(CORRECTIONS)
    page = window.pages[CORRECTIONS]
    qtbot.waitUntil(lambda: page.model.has_loaded and page.model.rowCount() == 1)
    page.table.selectRow(0)
    window.delete_selected(CORRECTIONS)
    qtbot.waitUntil(lambda: bool(no_unexpected_dialogs), timeout=10_000)
    assert "不能删除" in no_unexpected_dialogs.pop()
    assert not window.deleter.bar.isVisible()
    idle()
