"""One truth for counts: the monthly report counts what the agenda of its day lists (issue 12, item 4).

The demo is read on several days — today, earlier this month, and the ends of past months — and the
report for that day's month (counted up to the day) must give the agenda's numbers of 超期羁押, 可能超期
羁押, 刑满未释放, 即将届满 and 逾期未交付执行."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from inspector.agenda import build_agenda
from inspector.demo import DEMO_STATION, generate
from inspector.documents.monthly_counts import compute_monthly_counts
from inspector.station_setup import FirstUser, initialise
from inspector.store.repository import today_local
from inspector.store.store import Store

TODAY = min(date(2026, 12, 3), today_local())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    import keyring

    from inspector.security.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = initialise(
        tmp_path_factory.mktemp("agenda-report") / "data",
        DEMO_STATION,
        FirstUser("wang", "王检察官", "demo-password"),
    )
    generate(store, seed=1, today=TODAY)
    yield store
    store.close()
    keyring.set_keyring(previous)


def _month_end_before(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)


DAYS = [
    TODAY,
    TODAY - timedelta(days=1),
    TODAY - timedelta(days=9),
    _month_end_before(TODAY),
    _month_end_before(_month_end_before(TODAY)),
    _month_end_before(TODAY) - timedelta(days=12),
]

AGENDA_TITLES = {
    ("custody", "overdue_now"): "超期羁押",
    ("custody", "possible_overdue_now"): "可能超期羁押",
    ("custody", "release_overdue_now"): "刑满未释放",
    ("custody", "warning_now"): "羁押期限即将届满",
    ("delivery", "overdue_now"): "逾期未交付执行",
    ("delivery", "possible_now"): "可能逾期未交付执行",
}


def test_report_counts_are_the_agendas_items(demo: Store) -> None:
    seen = 0
    for day in DAYS:
        titles = [i.title for i in build_agenda(demo, day).items if i.kind in ("custody", "delivery")]
        with demo.session(read_only=True) as s:
            counts = compute_monthly_counts(s, demo.station_id, day.year, day.month, today=day)
        assert counts["as_of"] == day.isoformat()
        for (section, key), title in AGENDA_TITLES.items():
            assert counts[section][key] == titles.count(title), (day, title)
            seen += counts[section][key]
    assert seen > 0  # the demo has something to compare on these days


def test_a_future_month_is_refused(demo: Store) -> None:
    from inspector.domain.errors import InspectorError

    nxt = (TODAY.replace(day=28) + timedelta(days=7)).replace(day=1)
    with demo.session(read_only=True) as s, pytest.raises(InspectorError, match="尚未到来"):
        compute_monthly_counts(s, demo.station_id, nxt.year, nxt.month, today=TODAY)
