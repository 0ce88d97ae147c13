"""Pull: every committed row arrives once — late committers included — and a cut page re-pulls harmlessly."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.store.models import Detainee, HolidayDay, SyncOutbox
from inspector.sync import local, pull
from inspector.sync.connection import connect
from inspector.sync.errors import OfficeUnreachableError
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office, cutting, settle

pytestmark = pytest.mark.pg


def names(laptop: Laptop) -> set[str]:
    return {d.name for d in laptop.store.repo(Detainee).list(include_deleted=True)}


def add(laptop: Laptop, *names_: str) -> None:
    laptop.store.repo(Detainee).add_many([detainee_values(name=n) for n in names_])


def test_paged_pull_brings_everything_in_order(office: Office, laptops: Callable[..., Laptop]) -> None:
    a = laptops()
    add(a, *[f"人{i}" for i in range(50)])
    a.sync()
    b = laptops("QXG", second=True)
    settle(office)
    with connect(b.target) as channel:
        local_before = local.read_cursor(b.store)
        outcome = pull.pull_all(b.store, channel, page_size=7)
    assert outcome.rows == 0 and local.read_cursor(b.store) == local_before  # enrollment pulled it all
    add(a, *[f"新{i}" for i in range(30)])
    a.sync()
    pages: list[int] = []
    settle(office)
    with connect(b.target) as channel:
        outcome = pull.pull_all(b.store, channel, page_size=7, on_page=lambda p: pages.append(p.rows))
    assert pages == [7, 7, 7, 7, 2] and outcome.applied == 30
    assert names(b) == names(a)
    xid, seq = local.read_cursor(b.store)
    assert (int(xid), seq) == tuple(
        office.scalar(
            "SELECT ARRAY[server_xid::text::bigint, server_seq] FROM records.detainee "
            "ORDER BY server_xid DESC, server_seq DESC LIMIT 1"
        )
    )
    with b.store.session() as s:  # pulled rows are not echoed back into the outbox
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_a_late_committing_transaction_is_still_pulled(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    station = a.store.station_id
    late = office.admin()
    late.execute("BEGIN")
    late.execute(  # T1: takes its xid now, commits last
        "INSERT INTO records.detainee (id, station_id, created_at, updated_at, name, gender, admitted_at, "
        "admission_documents, legal_status, stage, multiple_or_gang, property_items, discharge_documents) "
        "VALUES (%s, %s, now(), now(), '迟到的人', 'male', now(), '[]', 'suspect', 'detention', false, "
        "'[]', '[]')",
        (uuid.uuid4(), station),
    )
    add(a, "准时的人")
    a.sync(settle_first=False)  # T2 commits while T1 is still open
    b.sync(settle_first=False)
    assert "准时的人" not in names(b)  # behind the horizon: T1 could still commit before it
    late.execute("COMMIT")
    late.close()
    b.sync()
    assert {"迟到的人", "准时的人"} <= names(b)


@pytest.mark.parametrize("lose_reply", [False, True], ids=["cut-before-send", "lost-reply"])
def test_a_cut_pull_re_pulls_harmlessly(
    office: Office, laptops: Callable[..., Laptop], lose_reply: bool
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    add(a, *[f"人{i}" for i in range(20)])
    a.sync()
    cursor = local.read_cursor(b.store)
    with pytest.raises(OfficeUnreachableError):
        b.sync(channel_factory=cutting(2, lose_reply))  # hello, then the pull is cut
    assert local.read_cursor(b.store) == cursor and names(b) == set()
    b.sync()
    assert names(b) == names(a)


def test_a_crash_while_applying_a_page_applies_none_of_it(
    office: Office, laptops: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops()
    a.sync()
    b = laptops("QXG", second=True)
    add(a, *[f"人{i}" for i in range(20)])
    a.sync()
    with office.admin() as conn:
        conn.execute(
            "INSERT INTO sync.holiday_day (day, is_workday, holiday_name) "
            "VALUES ('2027-01-01', false, 'new_year')"
        )
    cursor = local.read_cursor(b.store)

    def crash(*args: Any) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(pull, "_apply_holidays", crash)  # after the detainees of the page were written
    with pytest.raises(RuntimeError):
        b.sync()
    assert local.read_cursor(b.store) == cursor and names(b) == set()
    with b.store.session() as s:
        assert s.connection().exec_driver_sql("SELECT enabled FROM sync_capture").scalar() == 1
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    monkeypatch.undo()
    b.sync()
    assert names(b) == names(a)


def test_re_pulling_from_an_old_cursor_changes_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    add(a, "甲", "乙")
    a.sync()
    b = laptops("QXG", second=True)
    before = {d.id: (d.name, d.server_version) for d in b.store.repo(Detainee).list()}
    b.store.set_meta(local.CURSOR_KEY, list(local.START_CURSOR))
    report = b.sync()
    assert report.pulled.rows > 0 and report.pulled.applied == 0 and report.open_conflicts == 0
    assert {d.id: (d.name, d.server_version) for d in b.store.repo(Detainee).list()} == before


def test_holidays_are_office_wide_and_pulled_by_every_station(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a, z = laptops("AAA"), laptops("ZZZ")
    with office.admin() as conn:
        conn.execute(
            "INSERT INTO sync.holiday_day (day, is_workday, holiday_name, note) VALUES "
            "('2027-02-06', false, 'spring_festival', '春节'), ('2027-02-14', true, NULL, '调休上班')"
        )
    for laptop in (a, z):
        laptop.sync()
        with laptop.store.session() as s:
            days = {h.day: (h.is_workday, h.source) for h in s.scalars(select(HolidayDay))}
        assert days == {date(2027, 2, 6): (False, "office"), date(2027, 2, 14): (True, "office")}
    with office.admin() as conn:
        conn.execute("UPDATE sync.holiday_day SET is_workday = true WHERE day = '2027-02-06'")
    a.sync()
    with a.store.session() as s:
        h = s.get(HolidayDay, date(2027, 2, 6))
        assert h is not None and h.is_workday is True
    with office.as_device(a.role) as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute("UPDATE sync.holiday_day SET is_workday = false")


def test_no_op_sync_is_two_round_trips(office: Office, laptops: Callable[..., Laptop]) -> None:
    a = laptops()
    a.sync()
    report = a.sync()
    assert report.pushed.ops == 0 and report.pulled.rows == 0
    assert report.round_trips == 2  # hello, one empty pull page
