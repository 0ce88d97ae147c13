"""The conftest's leak check really fails a test that leaves background work behind."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")


@pytest.fixture
def inner(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    return pytester


def test_a_job_left_running_fails_the_test(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        """
        import time
        from ui.workers import run_in_background

        def test_forgets_to_wait(qtbot):
            run_in_background(lambda: time.sleep(0.3), lambda r: None)

        def test_waits(qtbot, idle):
            run_in_background(lambda: time.sleep(0.1), lambda r: None)
            idle()
        """
    )
    result = inner.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*background work still running at the end of the test*"])


def test_a_running_qthread_fails_the_test(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        """
        from PySide6.QtCore import QThread

        threads = []

        def test_starts_a_thread(qtbot):
            t = QThread()
            t.start()
            threads.append(t)

        def test_cleanup(qtbot):
            threads[0].quit()
            threads[0].wait()
        """
    )
    result = inner.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*QThread(s) still running*"])
