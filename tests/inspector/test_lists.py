"""The list pages' reads (inspector.services.lists), without Qt: every list and sort key runs, ids come
in order as text, rows are plain values, filters narrow and widen, the register searches through the
core's search, and sorting keeps SQLite from walking an index ("+x")."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from inspector.services import lists
from inspector.services.lists import Criteria, ListRow, RecordValues, days_left, like_pattern
from inspector.store.models import Detainee, Finding, Patrol, Talk
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.conftest import detainee_values


def person(store: Store, name: str, cell: str = "101", **over: Any) -> Detainee:
    values = detainee_values(name=name, cell=cell, stage="investigation", **over)
    return store.repo(Detainee).add(values)


def user_id(store: Store) -> uuid.UUID:
    uid = store.actor.user_id
    assert uid is not None
    return uid


def test_every_list_reads_with_every_sort_key(store: Store) -> None:
    for key in lists.LIST_KEYS:
        assert lists.list_ids(store, key) == []  # empty lists are fine too
    person(store, "张三")
    for key in lists.LIST_KEYS:
        for sort_key in lists.sort_keys(key):
            for descending in (False, True):
                lists.list_ids(store, key, None, sort_key, descending)
        for state in lists.state_keys(key):
            lists.list_ids(store, key, Criteria(text="某", state=state, date_from=date(2026, 1, 1)))
    with pytest.raises(KeyError):
        lists.list_query("no_such_list")
    with pytest.raises(KeyError):
        lists.list_ids(store, lists.DETAINEES, None, "no_such_sort")
    with pytest.raises(KeyError):
        lists.list_ids(store, lists.DETAINEES, Criteria(state="no_such_state"))


def test_register_scope_filters_and_plain_rows(store: Store) -> None:
    zhang = person(store, "张三", "103")
    li = person(store, "李四", "101")
    gone = person(store, "王五", "102", discharged_on=today_local(), discharge_kind="released")

    ids = lists.list_ids(store, lists.DETAINEES, None, "name")  # the scope: people still held
    assert all(isinstance(i, str) for i in ids)  # the database's text, not uuid.UUID
    assert [lists.as_uuid(i) for i in ids] == [li.id, zhang.id]  # pinyin: li < zhang
    everyone = Criteria(state="")
    assert len(lists.list_ids(store, lists.DETAINEES, everyone)) == 3
    assert lists.list_ids(store, lists.DETAINEES, Criteria(state=lists.DISCHARGED)) == [gone.id.hex]
    assert lists.list_ids(store, lists.DETAINEES, Criteria(text="王五", state=lists.HELD)) == []
    assert lists.list_ids(store, lists.DETAINEES, Criteria(text="王五")) == [gone.id.hex]
    assert lists.list_ids(store, lists.DETAINEES, Criteria(text="没有这个人")) == []

    rows = lists.list_rows(store, lists.DETAINEES, [gone.id, uuid.uuid4(), zhang.id.hex])
    assert [r.id for r in rows] == [gone.id, zhang.id]  # in the order asked, the unknown id left out
    row = rows[1]
    assert isinstance(row, ListRow) and type(row.record) is RecordValues  # no ORM object leaves
    assert row.record.name == "张三" and row.record.cell == "103"
    assert set(row.extra) == {"deadline", "warning_from", "basis"}
    assert row["basis"] is not None  # a custody_status row: the cache was refreshed before the read
    with pytest.raises(AttributeError):
        row.record.name = "x"
    with pytest.raises(AttributeError):
        _ = row.record.no_such_column


def test_the_register_search_goes_through_the_core_search(store: Store, monkeypatch: Any) -> None:
    person(store, "张三")
    calls: list[tuple[str, bool]] = []
    real = lists.search_detainees

    def spy(s: Store, text: str, *, limit: int, include_discharged: bool) -> Any:
        calls.append((text, include_discharged))
        return real(s, text, limit=limit, include_discharged=include_discharged)

    monkeypatch.setattr(lists, "search_detainees", spy)
    assert len(lists.list_ids(store, lists.DETAINEES, Criteria(text=" 张 ", state=lists.HELD))) == 1
    lists.list_ids(store, lists.DETAINEES, Criteria(text="张"))
    assert calls == [("张", False), ("张", True)]


def test_load_list_stops_when_superseded(store: Store) -> None:
    person(store, "张三")
    page = lists.load_list(store, lists.DETAINEES, first=10)
    assert page is not None and len(page.ids) == len(page.rows) == 1
    assert lists.load_list(store, lists.DETAINEES, superseded=lambda: True) is None


def test_patrol_rows_count_findings_and_name_people(store: Store) -> None:
    nobody = uuid.uuid4()
    patrol = store.repo(Patrol).add(
        {
            "patrol_date": today_local(),
            "areas": ["一监区"],
            "methods": ["on_site"],
            "participant_ids": [str(user_id(store)), str(nobody)],
        }
    )
    store.repo(Finding).add(
        {
            "found_on": today_local(),
            "description": "监控盲区",
            "severity": "hazard",
            "source": "patrol",
            "patrol_id": patrol.id,
        }
    )
    [row] = lists.list_rows(store, lists.PATROLS, lists.list_ids(store, lists.PATROLS))
    assert row["findings"] == 1
    assert row["people"] == ("王检察官", None)  # None: an id naming nobody (the UI says so)
    assert row.record.areas == ["一监区"]
    search = lists.list_ids(store, lists.PATROLS, Criteria(text="盲区"))  # a finding's text
    assert search == [patrol.id.hex]
    assert lists.list_ids(store, lists.PATROLS, Criteria(text="王检察")) == [patrol.id.hex]
    assert lists.list_ids(store, lists.PATROLS, Criteria(state="video")) == []


def test_talk_dates_are_whole_beijing_days(store: Store) -> None:
    someone = person(store, "张三")
    # 2026-03-02 23:30 in Beijing is 15:30 UTC the same day; 00:30 on the 3rd is 16:30 UTC on the 2nd.
    late = store.repo(Talk).add(
        {
            "talk_at": datetime(2026, 3, 2, 15, 30, tzinfo=UTC),
            "detainee_id": someone.id,
            "talk_type": "routine",
            "interviewer_ids": [str(user_id(store))],
        }
    )
    store.repo(Talk).add(
        {
            "talk_at": datetime(2026, 3, 2, 16, 30, tzinfo=UTC),
            "detainee_id": someone.id,
            "talk_type": "routine",
            "interviewer_ids": [str(user_id(store))],
        }
    )
    day = date(2026, 3, 2)
    assert lists.list_ids(store, lists.TALKS, Criteria(date_from=day, date_to=day)) == [late.id.hex]
    [row] = lists.list_rows(store, lists.TALKS, [late.id])
    assert row["detainee_name"] == "张三" and row["people"] == ("王检察官",)


def test_sorting_keeps_sqlite_from_walking_an_index(store: Store) -> None:
    person(store, "张三")
    seen: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        lists.list_ids(store, lists.DETAINEES, None, "cell", True)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    [ordered] = [s for s in seen if "ORDER BY" in s and "detainee.id" in s and "custody_status" in s]
    assert "ORDER BY (+ detainee.cell) DESC, detainee.id" in " ".join(ordered.split())


def test_small_helpers() -> None:
    assert like_pattern("5%_a\\") == "%5\\%\\_a\\\\%"
    today = today_local()
    assert days_left("served", today + timedelta(days=4), today) == 4
    assert days_left(lists.ORAL_OPEN, today - timedelta(days=1), today) == -1
    assert days_left("replied", today, today) is None
    assert days_left("served", None, today) is None


def test_an_oral_corrections_state_in_the_list_is_the_domains(store: Store) -> None:
    """The 纠正与建议 list works an oral correction's state out in SQL: it must agree with
    lifecycle.oral_status for every notice state and 核实整改 outcome (a notice closed before the step
    recorded the oral correction as corrected still reads 已纠正（经通知书）)."""
    from inspector.domain.enums import CorrectionStatus, DocumentState
    from inspector.domain.lifecycle import ORAL_STATES, oral_status
    from inspector.store.models import OralCorrection, RectificationNotice

    today = today_local()
    cases: list[tuple[bool, str | None, str | None]] = [(False, None, None), (True, None, None)]
    for state in DocumentState:
        for outcome in (None, *(c.value for c in CorrectionStatus)):
            cases.append((False, state.value, outcome))
    cases.append((True, DocumentState.CLOSED.value, CorrectionStatus.CORRECTED.value))
    expected: dict[uuid.UUID, str] = {}
    for corrected, state, outcome in cases:
        oral = store.repo(OralCorrection).add(
            {
                "issued_on": today - timedelta(days=20),
                "addressee_unit": "测试区看守所",
                "source": "patrol",
                "facts": f"口头纠正 {state} {outcome}",
                "corrected": corrected,
                "corrected_on": today if corrected else None,
            }
        )
        if state is not None:
            store.repo(RectificationNotice).add(
                {
                    "issuer_name": "测试区人民检察院",
                    "addressee": "测试区看守所",
                    "trigger": "oral_not_corrected",
                    "facts": "口头纠正后未整改",
                    "state": state,
                    "correction_status": outcome,
                    "oral_correction_id": oral.id,
                }
            )
        expected[oral.id] = oral_status(corrected, state, outcome).key
    rows = lists.list_rows(store, lists.CORRECTIONS, list(expected))
    got = {row.id: row.record.state for row in rows if row.record.kind == lists.ORAL}
    assert got == expected
    assert set(expected.values()) == set(ORAL_STATES)  # every state is reached
    for key in ORAL_STATES:  # and each filters the list
        ids = {lists.as_uuid(i) for i in lists.list_ids(store, lists.CORRECTIONS, Criteria(state=key))}
        assert ids == {i for i, k in expected.items() if k == key}
