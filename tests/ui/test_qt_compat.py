"""PySide6 6.12.0 takes a reference from ``True`` on every ``emit`` from Python; ``ui.qt_compat.emit``
gives it back, so a long session (a background job is an emit) never aborts on ``bool_dealloc``."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.qt_compat import emit
from ui.workers import run_in_background


class Source(QObject):
    value = Signal(object)


def test_emit_keeps_true_alive() -> None:
    source = Source()
    got: list[Any] = []
    source.value.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(source.value, i % 2 == 0)
    got.clear()
    assert abs(sys.getrefcount(True) - before) < 10


def test_background_jobs_keep_true_alive(qtbot: Any, idle: Any) -> None:
    before = sys.getrefcount(True)
    results: list[Any] = []
    for _ in range(300):
        run_in_background(lambda: True, results.append)
    qtbot.waitUntil(lambda: len(results) == 300, timeout=20_000)
    idle()
    results.clear()
    assert abs(sys.getrefcount(True) - before) < 10
