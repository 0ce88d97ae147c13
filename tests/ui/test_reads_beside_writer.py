"""Reads never wait for the writer: while another connection holds the database's write lock (an
open ``BEGIN IMMEDIATE`` with an uncommitted change, as a sync or a long save would), the lists and the
工作台 still load, from the last committed state.

The store's connections get a short busy timeout here (the app waits up to 10 s): a read that wrongly
asked for the write lock then fails within a fraction of a second instead of hanging the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from inspector.services.dashboard import load_dashboard, load_dashboard_counts
from inspector.services.reports import load_report_counts
from inspector.services.status import load_identity, load_sync_status
from inspector.store.store import Store
from ui.models.record_lists import RecordList, detainee_list, patrol_list
from ui.models.record_table_model import RecordTableModel

BUSY_TIMEOUT_MS = 200
PROMPT_MS = 2_000  # a read beside the writer must come back well within this


@pytest.fixture
def impatient(store: Store) -> Store:
    """The store, its pooled connections waiting at most BUSY_TIMEOUT_MS for a lock."""

    def short_timeout(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    event.listen(store.engine, "connect", short_timeout)
    store.engine.dispose()  # connections opened from now on get the short timeout
    return store


class Writer:
    """A second connection to the same file (its own SQLite connection, out of the store's pool), as
    another part of the app writing would hold it."""

    def __init__(self, store: Store) -> None:
        self.pooled = store.engine.raw_connection()
        self.conn: Any = self.pooled.driver_connection
        assert self.conn is not None

    def hold(self, sql: str) -> None:
        self.conn.execute("BEGIN IMMEDIATE")  # the write lock, until rollback
        self.conn.execute(sql)

    def release(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.pooled.close()


@pytest.fixture
def writer(impatient: Store) -> Iterator[Writer]:
    w = Writer(impatient)
    try:
        yield w
    finally:
        if w.conn.in_transaction:
            w.release()
        w.close()


def test_the_write_lock_is_really_held(impatient: Store, writer: Writer, seed: Any) -> None:
    """The premise: with the lock held elsewhere, a writing session cannot start."""
    seed.patrol()
    writer.hold("UPDATE patrol SET deleted_at = '2026-01-01 00:00:00.000000'")
    started = time.monotonic()
    with pytest.raises(OperationalError, match="locked"), impatient.session() as s:
        s.connection()
    assert time.monotonic() - started < PROMPT_MS / 1000


def list_model(store: Store, spec: RecordList, failures: list[BaseException], **kw: Any) -> RecordTableModel:
    """The list's model as its page builds it, with errors collected instead of shown."""
    return RecordTableModel(store, spec.source, spec.columns, on_error=failures.append, **kw)


def load_beside(model: RecordTableModel, failures: list[BaseException], qtbot: Any) -> None:
    """Reload ``model`` in the background as the app does; it must arrive promptly and without error."""
    model.reload()
    qtbot.waitUntil(lambda: bool(failures) or not model.is_loading, timeout=PROMPT_MS)
    assert failures == []


def test_a_list_loads_while_another_connection_holds_the_write_lock(
    impatient: Store, writer: Writer, seed: Any, qtbot: Any, idle: Any
) -> None:
    patrols = [seed.patrol() for _ in range(3)]
    failures: list[BaseException] = []
    model = list_model(impatient, patrol_list(), failures, page_size=2)
    # Uncommitted: every patrol soft-deleted. The list reads the committed snapshot beside it.
    writer.hold("UPDATE patrol SET deleted_at = '2026-01-01 00:00:00.000000'")

    load_beside(model, failures, qtbot)

    assert model.total == 3 and model.rowCount() == 2
    assert {model.record_id(r) for r in range(2)} <= {p.id for p in patrols}
    model.fetchMore()  # the next page, still beside the writer
    qtbot.waitUntil(lambda: bool(failures) or model.rowCount() == 3, timeout=PROMPT_MS)
    assert failures == [] and {model.record_id(r) for r in range(3)} == {p.id for p in patrols}
    idle()


def test_the_detainee_list_with_its_custody_cache_loads_beside_the_writer(
    impatient: Store, writer: Writer, seed: Any, qtbot: Any, idle: Any
) -> None:
    for i in range(4):
        seed.detainee(i)
    failures: list[BaseException] = []
    model = list_model(impatient, detainee_list(), failures)
    load_beside(model, failures, qtbot)  # the first load fills the custody cache (a short write)
    assert model.total == 4

    writer.hold("UPDATE detainee SET cell = '999'")  # its triggers also drop the cached deadlines
    load_beside(model, failures, qtbot)  # the cache was up to date: nothing to write, nothing to wait for

    assert model.total == 4
    assert all(model.row_object(r).record.cell != "999" for r in range(4))
    idle()


def test_the_dashboard_and_status_bar_load_beside_the_writer(
    impatient: Store, writer: Writer, seed: Any
) -> None:
    seed.detainee(1)
    seed.patrol()
    seed.notice(state="served", reply_due=None)
    before = load_dashboard(impatient)  # the first load of the day fills the custody cache

    writer.hold("UPDATE patrol SET deleted_at = '2026-01-01 00:00:00.000000'")
    started = time.monotonic()
    during = load_dashboard(impatient)
    counts = load_dashboard_counts(impatient)
    identity = load_identity(impatient)
    status = load_sync_status(impatient)
    reports = load_report_counts(impatient)
    assert time.monotonic() - started < PROMPT_MS / 1000

    assert during.counts == before.counts == counts
    assert counts.in_custody == 1 and counts.patrols_this_week == 1 and counts.awaiting_reply == 1
    assert [i.title for i in during.agenda.items] == [i.title for i in before.agenda.items]
    assert identity.user_name == "王检察官" and identity.station_name == "测试区看守所检察室"
    assert status.pending > 0 and status.conflicts == 0
    assert reports.daily_logs == 0
