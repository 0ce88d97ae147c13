"""run_in_background: results and errors come back on the GUI thread; nothing is swallowed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread

from inspector.domain.errors import InspectorError
from ui import errors, workers
from ui.workers import run_in_background


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Messages that would have been shown in a dialog."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: seen.append((title, text)))
    return seen


def test_result_is_delivered_on_the_gui_thread(qtbot: Any, idle: Any) -> None:
    gui = QThread.currentThread()
    ran_on: list[int] = []
    got: list[tuple[int, bool]] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    run_in_background(work, lambda r: got.append((r, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(got))
    idle()
    assert got == [(42, True)]
    assert ran_on and ran_on[0] != threading.get_ident()
    assert workers.pending_jobs() == 0


def test_worker_error_goes_to_on_error(qtbot: Any, idle: Any) -> None:
    gui = QThread.currentThread()
    done: list[object] = []
    failed: list[tuple[BaseException, bool]] = []

    def work() -> None:
        raise ValueError("bad value")

    run_in_background(work, done.append, lambda e: failed.append((e, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(failed))
    idle()
    assert done == []
    exc, on_gui = failed[0]
    assert isinstance(exc, ValueError) and str(exc) == "bad value" and on_gui
    assert exc.__traceback__ is not None  # kept for the log


def test_default_on_error_shows_the_chinese_message(
    qtbot: Any, idle: Any, shown: list[tuple[str, str]]
) -> None:
    def work() -> None:
        raise InspectorError("无法读取数据库", "cannot read the database")

    run_in_background(work, lambda r: None)
    qtbot.waitUntil(lambda: bool(shown))
    idle()
    assert shown == [("无法完成操作", "无法读取数据库")]


def test_unexpected_errors_show_no_traceback(qtbot: Any, idle: Any, shown: list[tuple[str, str]]) -> None:
    def work() -> None:
        raise KeyError("secret detail")

    run_in_background(work, lambda r: None)
    qtbot.waitUntil(lambda: bool(shown))
    idle()
    title, text = shown[0]
    assert title == "程序错误"
    assert "KeyError" in text and "日志" in text
    assert "Traceback" not in text and "secret detail" not in text


def test_result_for_a_deleted_owner_is_dropped(qtbot: Any, idle: Any) -> None:
    owner = QObject()
    got: list[object] = []
    release = threading.Event()

    def work() -> str:
        release.wait(5)
        return "late"

    run_in_background(work, got.append, owner=owner)
    shiboken6.delete(owner)  # its window was closed while the work ran
    assert not shiboken6.isValid(owner)
    release.set()
    idle()
    assert got == []


class _Captured:
    """Something a job's closure captures (in the app: a widget); records the thread it dies on."""

    def __init__(self, died_on: list[str]) -> None:
        self.died_on = died_on

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread().name)


def test_what_the_work_captured_is_let_go_on_the_gui_thread(qtbot: Any, idle: Any) -> None:
    """A widget deleted on a worker thread crashes Qt: a job's closure must die on the GUI thread,
    and the delivery object the worker emitted on must be owned by C++ (deleted only by deleteLater
    on the GUI thread, never by a Python reference dropped on the worker thread)."""
    died_on: list[str] = []
    deliveries: list[QObject] = []

    def start() -> None:
        captured = _Captured(died_on)

        def work() -> int:
            return len(captured.died_on)

        run_in_background(work, lambda _r: None)
        deliveries.extend(workers._pending)
        assert all(d.parent() is QCoreApplication.instance() for d in deliveries)

    start()
    idle()
    for _ in range(20):  # the worker thread finishes after it emitted
        QThread.msleep(5)
        qtbot.wait(5)
    assert died_on == [threading.main_thread().name]
