"""PySide6 6.12.0 takes a reference from ``True`` on every ``emit`` from Python; ``ui.qt_compat.emit``
gives it back, so a long session (a background job is an emit) never aborts on ``bool_dealloc``.

Measured in a fresh interpreter: inside the test run other objects holding ``True`` come and go
(deferred deletes of earlier tests' widgets), which would blur the count.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import gc, sys
    from PySide6.QtCore import QObject, QThreadPool, Signal
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from ui.qt_compat import EMIT_DROPS_TRUE, emit
    from ui.workers import pending_jobs, run_in_background

    class Source(QObject):
        value = Signal(object)

    source = Source()
    source.value.connect(lambda v: None)
    gc.collect()
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(source.value, i % 2 == 0)
    got = []
    for _ in range(1000):
        run_in_background(lambda: True, got.append)
    QThreadPool.globalInstance().waitForDone(30_000)
    while pending_jobs():
        app.processEvents()
    got.clear()
    gc.collect()
    print(EMIT_DROPS_TRUE, before - sys.getrefcount(True))
    """
)


def test_emits_and_background_jobs_keep_true_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]  # no "Fatal Python error: bool_dealloc"
    detected, lost = done.stdout.split()
    assert int(lost) < 50, (detected, lost)  # 3000 references with the bug left alone


VOID_SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    calls = sys.getrefcount(None) + 20_000  # more calls than None has references
    import ui.qt_compat  # noqa: F401  (gives None its reserve when void calls take references)

    label = QLabel()
    for _ in range(calls):
        label.setText("x")
    print("alive")
    """
)


def test_void_calls_do_not_use_up_none() -> None:
    """PySide6 6.12.0 takes a reference from ``None`` on each call of a method returning nothing; more
    such calls than ``None`` has references aborted the interpreter (none_dealloc)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", VOID_SCRIPT], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"
