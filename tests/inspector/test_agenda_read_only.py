"""The agenda is read in a read-only session: the custody cache is written, in a short transaction of
its own, only when it is stale, and a snapshot the cache lags behind still lists every deadline."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from inspector.agenda import build_agenda, load_calendar, load_rule_settings, refresh_custody_cache
from inspector.agenda.context import AgendaContext
from inspector.agenda.custody_items import custody_cache_stale, custody_items
from inspector.store.models import CustodyEvent, CustodyStatus, Detainee
from inspector.store.store import Store
from tests.conftest import aware, detainee_values

ON = date(2026, 5, 10)  # 甲's deadline (2026-05-15) is five days off: an amber item


def arrested(store: Store, name: str, on: date) -> uuid.UUID:
    d = store.repo(Detainee).add(
        detainee_values(
            name=name, admitted_at=aware(on.year, on.month, on.day - 5, 2), stage="investigation",
            stage_started_on=on,
        )
    )  # fmt: skip
    store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": "arrest", "occurred_on": on})
    return d.id


def cached(store: Store) -> int:
    with store.session(read_only=True) as s:
        return int(s.scalar(select(func.count()).select_from(CustodyStatus)) or 0)


def context(store: Store, session: Any, today: date) -> AgendaContext:
    return AgendaContext(
        session=session,
        station_id=store.station_id,
        today=today,
        settings=load_rule_settings(session, store.station_id),
        calendar=load_calendar(session),
        horizon_days=14,
        warning_days=3,
    )


@contextmanager
def write_lock_held_elsewhere(store: Store) -> Iterator[None]:
    """Another connection holds the write lock with an uncommitted change (whose triggers empty the
    cache); the store's own connections wait 200 ms at most for a lock, not the app's 10 s."""
    event.listen(store.engine, "connect", lambda conn, _rec: conn.execute("PRAGMA busy_timeout = 200"))
    store.engine.dispose()
    pooled = store.engine.raw_connection()  # a connection of its own, out of the store's pool
    other: Any = pooled.driver_connection
    assert other is not None
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE detainee SET cell = '999'")
        with pytest.raises(OperationalError, match="locked"), store.session() as s:
            s.connection()  # the lock really is held
        yield
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        pooled.close()


def test_custody_items_from_a_snapshot_the_cache_lags_behind(store: Store) -> None:
    someone = arrested(store, "甲", date(2026, 3, 15))
    assert cached(store) == 0
    with store.session(read_only=True) as s:
        ctx = context(store, s, ON)
        assert custody_cache_stale(ctx)
        found = list(custody_items(ctx))
    assert [(i.level, i.due, i.subject, i.record_id) for i in found if i.kind == "custody"] == [
        ("warning", date(2026, 5, 15), "甲", someone)
    ]
    assert cached(store) == 0  # computed in memory: a read-only session wrote nothing

    assert refresh_custody_cache(store, ON) == 1
    with store.session(read_only=True) as s:
        ctx = context(store, s, ON)
        assert not custody_cache_stale(ctx)
        assert list(custody_items(ctx)) == found  # the same items, now from the cache
    assert cached(store) == 1


def test_the_cache_is_written_only_when_stale(store: Store) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    assert refresh_custody_cache(store, ON) == 1
    assert refresh_custody_cache(store, ON) == 0  # nothing stale: no write
    assert refresh_custody_cache(store, date(2026, 5, 11)) == 1  # a new day: shown rows count days again


def test_the_agenda_is_built_beside_a_writer_when_the_cache_is_fresh(store: Store) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    before = build_agenda(store, ON)  # fills the cache
    assert cached(store) == 1
    with write_lock_held_elsewhere(store):
        during = build_agenda(store, ON)
    assert during.items == before.items
    assert [i.subject for i in during.items if i.kind == "custody"] == ["甲"]
