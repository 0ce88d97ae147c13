"""Repositories over the encrypted store: round trips, validation, soft delete, outbox capture."""

from __future__ import annotations

import uuid
from datetime import date, time

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from inspector.domain.errors import ValidationError
from inspector.store.models import (
    CustodyEvent,
    Detainee,
    MailboxLetter,
    MailboxOpening,
    Patrol,
    RectificationNotice,
    Station,
    SyncCapture,
    SyncOutbox,
)
from inspector.store.queries import pending_changes, search_detainees
from inspector.store.repository import RecordNotFoundError
from inspector.store.store import Store
from tests.conftest import aware, detainee_values


def outbox(store: Store, table: str | None = None) -> list[tuple[str, uuid.UUID, str, int | None]]:
    with store.session() as s:
        stmt = select(SyncOutbox).order_by(SyncOutbox.seq)
        if table:
            stmt = stmt.where(SyncOutbox.table_name == table)
        return [(o.table_name, o.row_id, o.op, o.base_version) for o in s.scalars(stmt)]


def test_round_trip_keeps_every_type(store: Store) -> None:
    repo = store.repo(Detainee)
    added = repo.add(
        detainee_values(
            id_number="11010519491231002X",
            name="李喆",
            gender="female",
            birth_date=date(1949, 12, 31),
            property_items=[{"item": "手机", "count": 1}],
        )
    )
    got = repo.require(added.id)
    assert got.name == "李喆"
    assert got.birth_date == date(1949, 12, 31)
    assert got.admitted_at == aware(2026, 3, 1, 8, 30)
    assert got.admitted_at.tzinfo is not None
    assert got.property_items == [{"item": "手机", "count": 1}]
    assert got.station_id == store.station_id
    assert got.device_id == store.device_id
    assert got.server_version is None and got.deleted_at is None

    patrol = store.repo(Patrol).add(
        {
            "patrol_date": date(2026, 3, 2),
            "start_time": time(9, 0),
            "end_time": time(10, 30),
            "areas": ["一监区", "禁闭室"],
            "methods": ["on_site", "video"],
            "checklist": {"restraints": "ok"},
        }
    )
    assert store.repo(Patrol).require(patrol.id).start_time == time(9, 0)


def test_validation_names_field_and_writes_nothing(store: Store) -> None:
    repo = store.repo(Detainee)
    before = outbox(store)
    with pytest.raises(ValidationError) as exc:
        repo.add(detainee_values(id_number="110105194912310021", gender="female"))
    assert exc.value.for_field("id_number")
    assert "身份证号校验位错误" in str(exc.value)
    assert repo.count() == 0
    assert outbox(store) == before


def test_date_order_checked_on_update_against_stored_values(store: Store) -> None:
    repo = store.repo(Detainee)
    d = repo.add(detainee_values())
    with pytest.raises(ValidationError) as exc:
        repo.update(d.id, {"discharged_on": date(2026, 2, 1)})
    assert "出所日期" in exc.value.message_zh and "入所时间" in exc.value.message_zh
    assert repo.require(d.id).discharged_on is None


def test_unknown_and_system_fields_are_refused(store: Store) -> None:
    repo = store.repo(Detainee)
    with pytest.raises(ValidationError, match="unknown field"):
        repo.add(detainee_values(nickname="x"))
    with pytest.raises(ValidationError, match="set by the system"):
        repo.add(detainee_values(server_version=3))
    d = repo.add(detainee_values())
    with pytest.raises(ValidationError, match="cannot be changed"):
        repo.update(d.id, {"station_id": uuid.uuid4()})


def test_bulk_add_is_all_or_nothing(store: Store) -> None:
    repo = store.repo(Detainee)
    rows = [detainee_values(name=f"甲{i}") for i in range(5)] + [detainee_values(name="")]
    with pytest.raises(ValidationError):
        repo.add_many(rows)
    assert repo.count() == 0
    assert repo.add_many(rows[:5]) == 5
    assert repo.count() == 5
    assert len(outbox(store, "detainee")) == 5


def test_soft_delete_hides_keeps_tombstone_and_restores(store: Store) -> None:
    repo = store.repo(Detainee)
    d = repo.add(detainee_values())
    repo.soft_delete(d.id)
    assert repo.get(d.id) is None
    assert repo.count() == 0
    tomb = repo.get(d.id, include_deleted=True)
    assert tomb is not None and tomb.deleted_at is not None
    with pytest.raises(RecordNotFoundError):
        repo.update(d.id, {"cell": "201"})
    repo.restore(d.id)
    assert repo.require(d.id).deleted_at is None
    ops = [op for _, rid, op, _ in outbox(store, "detainee") if rid == d.id]
    assert ops == ["insert", "delete", "update"]


def test_hard_delete_of_synced_rows_is_refused(store: Store) -> None:
    d = store.repo(Detainee).add(detainee_values())
    with pytest.raises(IntegrityError, match="soft delete"), store.session() as s:
        s.delete(s.get(Detainee, d.id))
    assert store.repo(Detainee).get(d.id) is not None


def test_station_id_never_changes(store: Store) -> None:
    d = store.repo(Detainee).add(detainee_values())
    other = uuid.uuid4()
    with pytest.raises(IntegrityError, match="station_id never changes"), store.session() as s:
        s.add(
            Station(
                id=other,
                station_id=other,
                code="X",
                name="x",
                procuratorate="p",
                detention_center="c",
                agency_code="a",
            )
        )
        s.flush()
        s.execute(update(Detainee).where(Detainee.id == d.id).values(station_id=other))


def test_outbox_captures_orm_and_bulk_update_statements(store: Store) -> None:
    repo = store.repo(Detainee)
    ids = [repo.add(detainee_values(name=f"乙{i}")).id for i in range(3)]
    repo.update(ids[0], {"cell": "305"})
    with store.session() as s:
        s.execute(update(Detainee).where(Detainee.id.in_(ids)).values(block="二监区"))
    entries = outbox(store, "detainee")
    assert [op for _, rid, op, _ in entries if rid == ids[0]] == ["insert", "update", "update"]
    assert sum(1 for _, _, op, _ in entries if op == "update") == 4
    # the edit records the server version it was based on
    with store.session() as s:
        s.execute(update(SyncCapture).values(enabled=False))
        s.execute(update(Detainee).where(Detainee.id == ids[1]).values(server_version=7))
        s.execute(update(SyncCapture).values(enabled=True))
    repo.update(ids[1], {"cell": "999"})
    assert outbox(store, "detainee")[-1] == ("detainee", ids[1], "update", 7)


def test_capture_off_only_inside_the_sync_transaction(store: Store) -> None:
    before = pending_changes(store)
    with store.session() as s:
        s.execute(update(SyncCapture).values(enabled=False))
        s.add(Detainee(station_id=store.station_id, **detainee_values(name="拉取")))
        s.flush()
        s.execute(update(SyncCapture).values(enabled=True))
    assert pending_changes(store) == before
    store.repo(Detainee).add(detainee_values(name="本机"))
    assert pending_changes(store) == before + 1


def test_outbox_rolls_back_with_the_edit(store: Store) -> None:
    before = pending_changes(store)
    with pytest.raises(RuntimeError), store.session() as s:
        s.add(Detainee(station_id=store.station_id, **detainee_values()))
        s.flush()
        raise RuntimeError("user cancelled")
    assert pending_changes(store) == before


def test_foreign_keys_are_enforced_at_commit(store: Store) -> None:
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(
            CustodyEvent(
                station_id=store.station_id,
                detainee_id=uuid.uuid4(),
                kind="arrest",
                occurred_on=date(2026, 3, 5),
            )
        )


def test_children_may_arrive_before_parents_in_one_transaction(store: Store) -> None:
    opening_id = uuid.uuid4()
    with store.session() as s:
        s.add(
            MailboxLetter(
                station_id=store.station_id,
                opening_id=opening_id,
                serial_no=1,
                category="petition",
                subject="申诉",
                accepted_on=date(2026, 3, 3),
            )
        )
        s.flush()
        s.add(
            MailboxOpening(
                id=opening_id,
                station_id=store.station_id,
                opened_at=aware(2026, 3, 3, 2),
                opener_ids=[],
                letter_count=1,
            )
        )
    assert store.repo(MailboxLetter).count() == 1


def test_document_numbers_unique_per_station_and_year(store: Store) -> None:
    repo = store.repo(RectificationNotice)
    base = {
        "issuer_name": "毕节市七星关区人民检察院",
        "addressee": "毕节市七星关区看守所",
        "trigger": "serious_violation",
        "facts": "……",
        "doc_year": 2026,
        "doc_seq": 3,
    }
    repo.add(base)
    with pytest.raises(IntegrityError):
        repo.add(base)


def test_search_detainees_by_name_id_tail_and_cell(store: Store) -> None:
    repo = store.repo(Detainee)
    repo.add(
        detainee_values(
            name="王小明",
            cell="201",
            id_number="11010519491231002X",
            gender="female",
            birth_date=date(1949, 12, 31),
        )
    )
    repo.add(detainee_values(name="王大明", cell="202"))
    gone = repo.add(detainee_values(name="王出所"))
    repo.update(gone.id, {"discharged_on": date(2026, 3, 5)})
    assert [h.name for h in search_detainees(store, "王")] == ["王大明", "王小明"]
    assert [h.name for h in search_detainees(store, "小明")] == ["王小明"]
    assert [h.name for h in search_detainees(store, "002X")] == ["王小明"]
    assert search_detainees(store, "002X")[0].id_tail == "002X"
    assert [h.name for h in search_detainees(store, "202")] == ["王大明"]
    assert [h.name for h in search_detainees(store, "王", include_discharged=True)] == [
        "王出所",
        "王大明",
        "王小明",
    ]
    assert search_detainees(store, "%") == []
    assert search_detainees(store, "  ") == []
