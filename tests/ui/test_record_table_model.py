"""RecordTableModel without a window: rows, roles, SQL sorting, paging, stale results, filters,
names in pinyin order."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from inspector.domain.enums import Stage
from inspector.services import lists as core_lists
from inspector.services.lists import ListQuery, RecordKey, like_pattern
from inspector.store.models import Detainee, Finding
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.models.record_lists import (
    Criteria,
    correction_list,
    days_left,
    detainee_list,
    mailbox_list,
    patrol_list,
    talk_list,
)
from ui.models.record_table_model import (
    OBJECT_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    as_uuid,
)

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def detainee_model(store: Store, runner: Any, **kw: Any) -> RecordTableModel:
    spec = detainee_list()
    kw.setdefault("sort_column", 0)
    kw.setdefault("sort_order", ASC)
    return RecordTableModel(store, spec.source, spec.columns, runner=runner, **kw)


def column_index(model: RecordTableModel, header: str) -> int:
    return [c.header for c in model.columns].index(header)


def texts(model: RecordTableModel, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_rows_and_roles(store: Store, seed: Any, sync_runner: Any) -> None:
    people = [seed.detainee(i) for i in range(5)]
    seed.detainee(5, discharged_on=today_local(), discharge_kind="released")  # not in custody
    model = detainee_model(store, sync_runner)
    assert model.rowCount() == 0 and not model.has_loaded

    model.reload()

    assert model.rowCount() == 5 and model.total == 5
    assert model.columnCount() == len(model.columns)
    assert texts(model, 0) == sorted(p.name for p in people)
    first = model.index(0, 0)
    assert isinstance(model.data(first, OBJECT_ROLE), uuid.UUID)
    by_id = {p.id: p for p in people}
    person = by_id[model.data(first, OBJECT_ROLE)]
    assert model.data(first, Qt.ItemDataRole.DisplayRole) == person.name
    assert model.data(first, ROW_ROLE).id == person.id
    assert model.record_id(0) == person.id

    id_col = column_index(model, "身份证号")
    shown = model.data(model.index(0, id_col))
    assert shown == "*" * 14 + person.id_number[-4:]
    assert model.data(model.index(0, id_col), SORT_ROLE) == shown  # the full number never leaves

    stage_col = column_index(model, "诉讼阶段")
    assert model.data(model.index(0, stage_col)) == Stage("investigation").label == "侦查羁押"
    admitted_col = column_index(model, "入所日期")
    assert model.data(model.index(0, admitted_col)) == "2026-01-01"  # 02:00 UTC is 10:00 in Shanghai
    assert model.data(model.index(0, admitted_col), SORT_ROLE) == person.admitted_at

    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert model.data(model.index(99, 0)) is None
    assert model.flags(first) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable


def test_sort_is_done_in_sql_over_all_rows(store: Store, seed: Any, sync_runner: Any) -> None:
    seed.detainees(30)
    model = detainee_model(store, sync_runner, page_size=10)
    model.reload()
    assert model.rowCount() == 10

    name_col = column_index(model, "姓名")
    model.sort(name_col, DESC)
    assert (model.sort_column, model.sort_order) == (name_col, DESC)
    # The first page after sorting descending holds the largest names of all 30, not of the 10 loaded.
    assert texts(model, name_col) == [f"测试{i:04d}" for i in range(29, 19, -1)]

    cell_col = column_index(model, "监室")
    model.sort(cell_col, ASC)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    cells = texts(model, cell_col)
    assert cells == sorted(cells) and len(cells) == 30


def test_unsortable_column_is_ignored(store: Store, seed: Any, sync_runner: Any) -> None:
    seed.patrol()
    spec = patrol_list()
    loads: list[int] = []
    model = RecordTableModel(store, spec.source, spec.columns, runner=sync_runner)
    model.loaded.connect(lambda: loads.append(1))
    model.reload()
    areas = column_index(model, "巡视区域")
    assert not model.columns[areas].sortable
    model.sort(areas, ASC)
    assert model.sort_column == 0 and len(loads) == 1


def test_fetch_more_pages_through_every_row(store: Store, seed: Any, sync_runner: Any) -> None:
    assert seed.detainees(450) == 450
    model = detainee_model(store, sync_runner)
    model.reload()
    assert (model.rowCount(), model.total) == (200, 450)
    assert model.canFetchMore(QModelIndex())

    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing left: a no-op
    assert inserted == [(200, 399), (400, 449)]
    ids = [model.record_id(r) for r in range(450)]
    assert len(set(ids)) == 450
    assert texts(model, 0) == sorted(texts(model, 0))


def test_paging_in_the_background(qtbot: Any, store: Store, seed: Any, idle: Any) -> None:
    seed.detainees(250)
    model = detainee_model(store, None)  # the real run_in_background
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == 200
    model.fetchMore(QModelIndex())
    assert model.is_loading
    model.fetchMore(QModelIndex())  # a second request while one is in flight is ignored
    qtbot.waitUntil(lambda: model.rowCount() == 250, timeout=10_000)
    idle()
    assert not model.is_loading and model.rowCount() == 250


def test_rows_deleted_meanwhile_are_dropped_from_the_total(store: Store, seed: Any, sync_runner: Any) -> None:
    seed.detainees(15)
    model = detainee_model(store, sync_runner, page_size=10)
    model.reload()
    totals: list[int] = []
    model.totalChanged.connect(totals.append)
    gone = [model.record_id(0)]  # loaded already: stays until the next reload
    ids = [as_uuid(k) for k in model._ids[10:12]]  # not loaded yet
    for record_id in [*gone, *ids]:
        store.repo(Detainee).soft_delete(record_id)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 13 and model.total == 13 and totals == [13]
    assert not model.canFetchMore(QModelIndex())
    model.reload()
    assert model.rowCount() == 10 and model.total == 12


def test_a_stale_load_is_dropped(store: Store, seed: Any, deferred: Any) -> None:
    seed.detainees(3)
    model = detainee_model(store, deferred)
    model.reload()  # job 0: by name ascending
    model.sort(0, DESC)  # job 1: by name descending
    deferred.run(1)
    newest = texts(model, 0)
    deferred.run(0)  # the older result arrives last and must not replace the newer one
    assert texts(model, 0) == newest == ["测试0002", "测试0001", "测试0000"]


def test_errors_reach_on_error(store: Store, sync_runner: Any, monkeypatch: Any) -> None:
    def broken(_row: Any) -> Any:
        raise AssertionError("never called: no rows")

    class Boom(ListQuery):
        def ids(self, session: Any, *args: Any, **kw: Any) -> list[RecordKey]:
            raise RuntimeError("disk on fire")

    real = core_lists.list_query
    monkeypatch.setattr(core_lists, "list_query", lambda key: Boom(**vars(real(key))))
    seen: list[BaseException] = []
    model = RecordTableModel(
        store,
        detainee_list().source,
        [Column("x", broken)],
        runner=sync_runner,
        on_error=seen.append,
    )
    model.reload()
    assert [str(e) for e in seen] == ["disk on fire"]
    assert not model.is_loading and model.rowCount() == 0


def test_a_model_needs_columns(store: Store) -> None:
    with pytest.raises(ValueError):
        RecordTableModel(store, detainee_list().source, [])


# ---- the other lists ------------------------------------------------------------------------------


def test_patrol_list_counts_findings_and_names_people(store: Store, seed: Any, sync_runner: Any) -> None:
    today = today_local()
    busy = seed.patrol(today - timedelta(days=1))
    seed.patrol(today - timedelta(days=2))
    for text in ("值班民警脱岗", "监控盲区"):
        store.repo(Finding).add(
            {
                "found_on": today,
                "description": text,
                "severity": "hazard",
                "source": "patrol",
                "patrol_id": busy.id,
            }
        )
    spec = patrol_list()
    model = RecordTableModel(
        store, spec.source, spec.columns, runner=sync_runner, sort_column=4, sort_order=DESC
    )
    model.reload()
    assert model.rowCount() == 2
    assert model.record_id(0) == busy.id
    header = [c.header for c in model.columns]
    assert header == ["日期", "时段", "巡视区域", "方式", "发现问题数", "检察人员"]
    row = {h: model.data(model.index(0, i)) for i, h in enumerate(header)}
    assert row["发现问题数"] == "2"
    assert row["检察人员"] == "王检察官"
    assert row["方式"] == "实地查看、调看监控"
    assert row["巡视区域"] == "一监区、医疗室"


def test_talk_list_shows_the_detainee(store: Store, seed: Any, sync_runner: Any) -> None:
    person = seed.detainee(1)
    seed.talk(person, issues_raised=True)
    seed.talk(person, detainee_snapshot={"name": person.name, "cell": "999"})
    spec = talk_list()
    model = RecordTableModel(
        store, spec.source, spec.columns, runner=sync_runner, sort_column=2, sort_order=ASC
    )
    model.reload()
    header = [c.header for c in model.columns]
    assert header[:6] == ["日期", "在押人员", "监室", "谈话类型", "谈话人", "是否反映问题"]
    assert texts(model, 1) == [person.name, person.name]
    assert texts(model, 2) == [person.cell, "999"]  # the cell at the time of the talk, if recorded
    assert sorted(texts(model, 5)) == ["否", "是"]
    assert texts(model, 3) == ["日常", "日常"]


def test_correction_list_unions_notices_and_suggestions(store: Store, seed: Any, sync_runner: Any) -> None:
    today = today_local()
    late = seed.notice("served", today - timedelta(days=3), doc_number="测检纠〔2026〕1号")
    soon = seed.suggestion("served", today + timedelta(days=2))
    seed.notice("draft", None)
    spec = correction_list()
    model = RecordTableModel(
        store, spec.source, spec.columns, runner=sync_runner, sort_column=6, sort_order=DESC
    )
    model.reload()
    assert model.total == 3
    rows = {model.record_id(r): r for r in range(model.rowCount())}
    days_col = column_index(model, "剩余天数")
    assert model.data(model.index(rows[late.id], days_col)) == "逾期 3 天"
    assert model.data(model.index(rows[late.id], days_col), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(rows[soon.id], days_col)) == "2 天"
    assert model.data(model.index(rows[late.id], 0)) == "测检纠〔2026〕1号"
    assert model.data(model.index(rows[soon.id], 1)) == "检察建议书"

    awaiting = correction_list(awaiting_reply_only=True)
    only = RecordTableModel(store, awaiting.source, awaiting.columns, runner=sync_runner)
    only.reload()
    assert {only.record_id(r) for r in range(only.rowCount())} == {late.id, soon.id}


def test_the_lists_name_only_what_the_core_knows() -> None:
    """Each column's sort key, each state choice and the date range are the core list's."""
    for spec in (
        patrol_list(),
        talk_list(),
        mailbox_list(),
        correction_list(),
        correction_list(awaiting_reply_only=True),
        detainee_list(),
    ):
        sorts = core_lists.sort_keys(spec.source)
        assert {c.sort for c in spec.columns if c.sort is not None} <= sorts, spec.key
        assert {c.key for c in spec.filters.choices} - {""} == core_lists.state_keys(spec.source), spec.key
        assert spec.filters.has_dates == core_lists.has_date_range(spec.source), spec.key
        assert spec.columns[spec.sort_column].sortable, spec.key


def test_days_left() -> None:
    today = today_local()
    assert days_left("served", today + timedelta(days=4), today) == 4
    assert days_left("overdue", today - timedelta(days=1), today) == -1
    assert days_left("replied", today, today) is None
    assert days_left("served", None, today) is None


# ---- filters ---------------------------------------------------------------------------------------


def choice_index(spec: Any, label: str) -> int:
    return [c.label for c in spec.filters.choices].index(label)


def test_a_filter_narrows_the_ids_and_none_restores_the_scope(
    store: Store, seed: Any, sync_runner: Any
) -> None:
    people = [seed.detainee(i) for i in range(6)]
    gone = seed.detainee(6, discharged_on=today_local(), discharge_kind="released")
    spec = detainee_list()
    model = detainee_model(store, sync_runner)
    model.reload()
    assert model.total == 6  # the query's scope: people still held

    model.set_filter(spec.filter(Criteria(text=people[2].name)))  # reloads at once: it was loaded
    assert [model.record_id(r) for r in range(model.rowCount())] == [people[2].id]

    model.set_filter(spec.filter(Criteria(choice=choice_index(spec, "全部"))))
    assert model.total == 7 and gone.id in {model.record_id(r) for r in range(7)}
    model.set_filter(spec.filter(Criteria(text=gone.name, choice=choice_index(spec, "已出所"))))
    assert [model.record_id(r) for r in range(model.rowCount())] == [gone.id]
    model.set_filter(spec.filter(Criteria(text=gone.name)))  # held only: the search skips them
    assert model.total == 0

    model.set_filter(None)
    assert model.total == 6


def test_a_filter_set_before_the_first_load_waits_for_it(store: Store, seed: Any, deferred: Any) -> None:
    seed.detainees(3)
    model = detainee_model(store, deferred)
    model.set_filter(detainee_list().filter(Criteria(text="测试0001")))
    assert deferred.jobs == []  # not shown yet: nothing loads
    model.reload()
    deferred.run()
    assert texts(model, 0) == ["测试0001"]


def test_a_superseded_load_does_not_run_its_search(
    store: Store, seed: Any, deferred: Any, monkeypatch: Any
) -> None:
    seed.detainees(5)
    spec = detainee_list()
    searched: list[str] = []
    search = core_lists.search_detainees

    def spying_search(s: Store, text: str, **kw: Any) -> Any:
        searched.append(text)
        return search(s, text, **kw)

    monkeypatch.setattr(core_lists, "search_detainees", spying_search)
    model = RecordTableModel(store, spec.source, spec.columns, runner=deferred)
    model.reload()
    deferred.run()
    for typed in ("测", "测试", "测试0003"):  # three keystrokes' loads queued before any ran
        model.set_filter(spec.filter(Criteria(text=typed)))
    deferred.run(2)  # the newest first
    newest = texts(model, 0)
    deferred.run(0)
    deferred.run(0)  # the older ones arrive late: they skip their work and change nothing
    assert newest == texts(model, 0) == ["测试0003"]
    assert searched == ["测试0003"] and not model.is_loading


def test_the_search_text_is_taken_literally(store: Store, seed: Any, sync_runner: Any) -> None:
    assert like_pattern("5%_a\\") == "%5\\%\\_a\\\\%"
    seed.notice("served", today_local(), addressee="测试区看守所")
    seed.notice("served", today_local(), addressee="测试_看守所")
    spec = correction_list()
    model = RecordTableModel(store, spec.source, spec.columns, runner=sync_runner)
    model.set_filter(spec.filter(Criteria(text="_")))
    model.reload()
    assert texts(model, 2) == ["测试_看守所"]


# ---- pinyin order ----------------------------------------------------------------------------------


def test_names_sort_in_pinyin_order(store: Store, seed: Any, sync_runner: Any) -> None:
    names = ["张三", "李四", "王五", "曾六", "陈七"]
    people = [seed.detainee(i, name=n) for i, n in enumerate(names)]
    pinyin = ["陈七", "李四", "王五", "曾六", "张三"]  # chen, li, wang, zeng (a surname: not ceng), zhang
    assert sorted(names) != pinyin

    model = detainee_model(store, sync_runner, sort_column=0, sort_order=ASC)
    model.reload()
    assert texts(model, 0) == pinyin
    model.sort(0, DESC)
    assert texts(model, 0) == pinyin[::-1]

    for person in people:
        seed.talk(person)
    spec = talk_list()
    talks = RecordTableModel(
        store, spec.source, spec.columns, runner=sync_runner, sort_column=1, sort_order=ASC
    )
    talks.reload()
    assert texts(talks, 1) == pinyin
