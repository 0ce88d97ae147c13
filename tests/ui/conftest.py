"""Fixtures for the desktop UI tests: offscreen Qt, a real encrypted store, and leak checks.

Every test fails if it leaves background work running (a ``QThreadPool`` job not finished, or a
result not yet delivered) or a ``QThread`` still running: such work would land in a later test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
# The app's language for ui.app.prepare_application: Chinese, whatever this machine's user chose.
os.environ.setdefault("INSPECTOR_LOCALE", "zh_CN")

import gc
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool

from inspector.domain.idnumber import make_id_number
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import (
    Detainee,
    MailboxOpening,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors, workers

PASSPHRASE = "ui-test-passphrase-1"
STATION = {
    "code": "UT01",
    "name": "测试区看守所检察室",
    "procuratorate": "测试区人民检察院",
    "detention_center": "测试区看守所",
    "agency_code": "测",
}
USER = FirstUser("wang", "王检察官", "Password-123")


# ---- leak checks ------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_background_leftovers() -> Iterator[None]:
    python_threads_before = set(threading.enumerate())
    yield
    problems: list[str] = []
    pool = QThreadPool.globalInstance()
    if pool.activeThreadCount() or workers.pending_jobs():
        problems.append(
            f"background work still running at the end of the test "
            f"({pool.activeThreadCount()} active, {workers.pending_jobs()} undelivered)"
        )
        pool.waitForDone(10_000)
        if QCoreApplication.instance() is not None:
            QCoreApplication.processEvents()
        workers._pending.clear()
    app = QCoreApplication.instance()
    main_thread = app.thread() if app is not None else None
    running = [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, QThread) and obj is not main_thread and _running(obj)
    ]
    if running:
        problems.append(f"QThread(s) still running: {running!r}")
    leftover = [
        t
        for t in threading.enumerate()
        if t not in python_threads_before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    if leftover:
        problems.append(f"Python thread(s) still running: {leftover!r}")
    if problems:
        pytest.fail("; ".join(problems))


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """An error dialog would block an offscreen run: record it instead, and fail the test if one was
    shown that the test did not expect (tests that expect one patch ``show_message`` themselves)."""
    shown: list[str] = []
    monkeypatch.setattr(
        errors, "show_message", lambda title, text, parent=None: shown.append(f"{title}: {text}")
    )
    yield shown
    if shown:
        pytest.fail(f"unexpected error dialog(s): {shown}")


def _running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is gone
        return False


def wait_idle(qtbot: Any, timeout: int = 10_000) -> None:
    """Wait until every background job has finished and its result has been delivered."""
    qtbot.waitUntil(lambda: workers.pending_jobs() == 0, timeout=timeout)


# ---- runners ----------------------------------------------------------------------------------------


def run_now(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """A synchronous stand-in for ``run_in_background`` (unit tests without threads)."""
    try:
        result = fn()
    except Exception as exc:
        if on_error is None:
            raise
        on_error(exc)
        return
    on_done(result)


class DeferredRunner:
    """Queues work; the test decides when (and in which order) it runs."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Callable[[Any], None], Any]] = []

    def __call__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        self.jobs.append((fn, on_done, on_error))

    def run(self, index: int = 0) -> None:
        fn, on_done, on_error = self.jobs.pop(index)
        run_now(fn, on_done, on_error)


# ---- store ------------------------------------------------------------------------------------------


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No OS keyring: the database key comes from ``INSPECTOR_PASSPHRASE``."""
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", PASSPHRASE)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def passphrase() -> str:
    """The passphrase the ``store`` fixture's database is protected with."""
    return PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(no_keyring: None, data_dir: Path) -> Iterator[Store]:
    s = initialise(data_dir, STATION, USER, device_name="test-laptop")
    try:
        yield s
    finally:
        s.close()


class Seeder:
    """Adds valid records through the repositories (the same validation as the app)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def user_id(self) -> uuid.UUID:
        uid = self.store.actor.user_id
        assert uid is not None
        return uid

    @staticmethod
    def detainee_values(i: int, **over: Any) -> dict[str, Any]:
        birth = date(1960, 1, 1) + timedelta(days=(97 * i) % 14_000)
        seq = i % 1000
        values: dict[str, Any] = {
            "name": f"测试{i:04d}",
            "gender": "male" if seq % 2 else "female",
            "birth_date": birth,
            "id_number": make_id_number("520102", birth, seq),
            "cell": f"{101 + i % 12}",
            "admitted_at": datetime(2026, 1, 1, 2, 0, tzinfo=UTC) + timedelta(hours=(7 * i) % 7000),
            "case_authority": "测试区公安分局",
            "legal_status": "suspect",
            "stage": "investigation",
        }
        values.update(over)
        return values

    def detainee(self, i: int, **over: Any) -> Detainee:
        return self.store.repo(Detainee).add(self.detainee_values(i, **over))

    def detainees(self, n: int, start: int = 0) -> int:
        return self.store.repo(Detainee).add_many(self.detainee_values(i) for i in range(start, start + n))

    def patrol(self, day: date | None = None, **over: Any) -> Patrol:
        values: dict[str, Any] = {
            "patrol_date": day or today_local(),
            "areas": ["一监区", "医疗室"],
            "methods": ["on_site", "video"],
            "participant_ids": [str(self.user_id)],
        }
        values.update(over)
        return self.store.repo(Patrol).add(values)

    def talk(self, detainee: Detainee, at: datetime | None = None, **over: Any) -> Talk:
        values: dict[str, Any] = {
            "talk_at": at or datetime.now(UTC) - timedelta(minutes=5),
            "detainee_id": detainee.id,
            "talk_type": "routine",
            "interviewer_ids": [str(self.user_id)],
        }
        values.update(over)
        return self.store.repo(Talk).add(values)

    def opening(self, at: datetime | None = None, **over: Any) -> MailboxOpening:
        values: dict[str, Any] = {
            "opened_at": at or datetime.now(UTC) - timedelta(minutes=5),
            "opener_ids": [str(self.user_id)],
            "letter_count": 2,
            "mailbox_location": "一监区走廊",
        }
        values.update(over)
        return self.store.repo(MailboxOpening).add(values)

    def notice(
        self, state: str = "served", reply_due: date | None = None, **over: Any
    ) -> RectificationNotice:
        today = today_local()
        values: dict[str, Any] = {
            "issuer_name": "测试区人民检察院",
            "addressee": "测试区看守所",
            "trigger": "serious_violation",
            "facts": "监室值班人员脱岗",
            "state": state,
            "issued_on": today - timedelta(days=20),
            "served_on": today - timedelta(days=19),
            "reply_due": reply_due,
        }
        values.update(over)
        return self.store.repo(RectificationNotice).add(values)

    def suggestion(
        self, state: str = "served", reply_due: date | None = None, **over: Any
    ) -> ProcuratorialSuggestion:
        today = today_local()
        values: dict[str, Any] = {
            "issuer_name": "测试区人民检察院",
            "addressee": "测试区看守所",
            "facts_found": "监控存在盲区",
            "state": state,
            "issued_on": today - timedelta(days=10),
            "served_on": today - timedelta(days=9),
            "reply_due": reply_due,
        }
        values.update(over)
        return self.store.repo(ProcuratorialSuggestion).add(values)


@pytest.fixture
def seed(store: Store) -> Seeder:
    return Seeder(store)


@pytest.fixture
def sync_runner() -> Callable[..., None]:
    return run_now


@pytest.fixture
def deferred() -> DeferredRunner:
    return DeferredRunner()


@pytest.fixture
def idle(qtbot: Any) -> Callable[[], None]:
    """Call at the end of a test that started background work: waits until it is all delivered."""
    return lambda: wait_idle(qtbot)
