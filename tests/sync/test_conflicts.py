"""Two laptops, one record, edited offline: a conflict with both versions, never a silent winner."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.store.models import Detainee, SyncOutbox
from inspector.sync import conflicts, pull, schema
from inspector.sync.connection import connect
from inspector.sync.run import sync_now
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office, settle

pytestmark = pytest.mark.pg


@pytest.fixture
def pair(laptops: Callable[..., Laptop]) -> tuple[Laptop, Laptop, uuid.UUID]:
    a = laptops()
    rid = a.store.repo(Detainee).add(detainee_values(cell="101", block="一监区")).id
    a.sync()
    b = laptops("QXG", second=True)
    assert b.store.repo(Detainee).require(rid).server_version == 1
    return a, b, rid


def office_row(office: Office, rid: uuid.UUID) -> dict[str, Any]:
    row: dict[str, Any] = office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (rid,))
    return row


def outbox(laptop: Laptop) -> int:
    with laptop.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


@pytest.mark.parametrize("first", ["a", "b"])
@pytest.mark.parametrize("fields", ["same", "different"])
def test_offline_edits_of_one_record_conflict_with_both_versions(
    office: Office, pair: tuple[Laptop, Laptop, uuid.UUID], first: str, fields: str
) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "A-cell"})
    b.store.repo(Detainee).update(rid, {"cell": "B-cell"} if fields == "same" else {"block": "B-block"})
    winner, loser = (a, b) if first == "a" else (b, a)
    assert winner.sync().open_conflicts == 0
    report = loser.sync()
    assert report.pushed.conflicts == 1 and report.open_conflicts == 1
    [c] = conflicts.list_conflicts(loser.store)
    assert c.table_name == "detainee" and c.row_id == rid and c.kind == "conflict" and c.theirs is not None
    assert c.theirs_version == 2
    winner_values = winner.store.repo(Detainee).require(rid)
    loser_values = loser.store.repo(Detainee).require(rid)
    assert c.mine["cell"] == loser_values.cell and c.theirs["cell"] == winner_values.cell
    if fields == "same":
        assert c.changed_fields == ["cell"]
    else:
        assert set(c.changed_fields) == {"cell", "block"}
    # the office kept the winner's version, and its own conflict record holds both
    assert office_row(office, rid)["row_version"] == 2
    assert (
        office.scalar("SELECT count(*) FROM sync.conflict WHERE row_id = %s AND theirs IS NOT NULL", (rid,))
        == 1
    )
    # the loser's row is untouched (mine) until a person decides, and further syncs change nothing
    loser.sync()
    assert loser.store.repo(Detainee).require(rid).cell == loser_values.cell
    assert office_row(office, rid)["row_version"] == 2
    assert office.scalar("SELECT count(*) FROM sync.conflict") == 1


def test_resolve_keeping_theirs(office: Office, pair: tuple[Laptop, Laptop, uuid.UUID]) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "A"})
    b.store.repo(Detainee).update(rid, {"cell": "B"})
    a.sync()
    b.sync()
    [c] = conflicts.list_conflicts(b.store)
    assert conflicts.resolve(b.store, c.id, {}) == "theirs"
    assert b.store.repo(Detainee).require(rid).cell == "A"
    assert b.store.repo(Detainee).require(rid).server_version == 2
    assert outbox(b) == 0 and conflicts.list_conflicts(b.store) == []
    b.sync()
    assert office_row(office, rid)["row_version"] == 2


@pytest.mark.parametrize("choice", ["mine", "merged"])
def test_resolve_is_a_new_edit_on_the_current_server_version(
    office: Office, pair: tuple[Laptop, Laptop, uuid.UUID], choice: str
) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "A", "block": "A-block"})
    b.store.repo(Detainee).update(rid, {"cell": "B", "block": "B-block"})
    a.sync()
    b.sync()
    [c] = conflicts.list_conflicts(b.store)
    chosen = {"cell": "B", "block": "B-block"} if choice == "mine" else {"cell": "B"}
    assert conflicts.resolve(b.store, c.id, chosen) == choice
    b.sync()
    row = office_row(office, rid)
    assert row["row_version"] == 3 and row["cell"] == "B"
    assert row["block"] == ("B-block" if choice == "mine" else "A-block")
    a.sync()
    assert a.store.repo(Detainee).require(rid).cell == "B"
    assert conflicts.list_conflicts(a.store) == [] and conflicts.list_conflicts(b.store) == []


def test_delete_against_edit_conflicts_both_ways(
    office: Office, pair: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).soft_delete(rid)
    b.store.repo(Detainee).update(rid, {"cell": "still here"})
    a.sync()
    b.sync()
    [c] = conflicts.list_conflicts(b.store)
    assert c.theirs is not None and c.theirs["deleted_at"] is not None and c.mine["deleted_at"] is None
    assert "deleted_at" in c.changed_fields and "cell" in c.changed_fields
    assert office_row(office, rid)["deleted_at"] is not None  # the tombstone stays
    conflicts.resolve(b.store, c.id, {})  # accept the delete
    assert b.store.repo(Detainee).get(rid) is None
    assert b.store.repo(Detainee).get(rid, include_deleted=True) is not None  # tombstones are kept


def test_edit_against_delete_conflicts(office: Office, pair: tuple[Laptop, Laptop, uuid.UUID]) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "edited"})
    b.store.repo(Detainee).soft_delete(rid)
    a.sync()
    assert b.sync().pushed.conflicts == 1
    assert office_row(office, rid)["deleted_at"] is None and office_row(office, rid)["cell"] == "edited"


def test_delete_then_recreate_never_resurrects_silently(
    office: Office, pair: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).soft_delete(rid)
    a.sync()
    b.sync()
    assert b.store.repo(Detainee).get(rid) is None  # the tombstone arrived
    # an insert for the same id (a stale copy, a restored laptop): a conflict, the tombstone stays
    row = {**office_row(office, rid), "deleted_at": None, "name": "复活"}
    op = {
        "op_id": str(uuid.uuid4()),
        "table": "detainee",
        "row_id": str(rid),
        "base_version": None,
        "row": row,
    }
    with connect(b.target) as channel:
        answer = channel.query(
            "SELECT sync.push(%s, %s, %s::jsonb)",
            (uuid.uuid4(), schema.SCHEMA_VERSION, json.dumps({"ops": [op]})),
        )[0][0]
    assert answer["results"][0]["status"] == "conflict"
    # an update based on the version before the delete: a conflict too
    old = {**row, "row_version": 1}
    op2 = {"op_id": str(uuid.uuid4()), "table": "detainee", "row_id": str(rid), "base_version": 1, "row": old}
    with connect(b.target) as channel:
        answer = channel.query(
            "SELECT sync.push(%s, %s, %s::jsonb)",
            (uuid.uuid4(), schema.SCHEMA_VERSION, json.dumps({"ops": [op2]})),
        )[0][0]
    assert answer["results"][0]["status"] == "conflict"
    assert office_row(office, rid)["deleted_at"] is not None and office_row(office, rid)["name"] == "张三"
    # restoring is an explicit, versioned edit by a person
    a.store.repo(Detainee).restore(rid)
    a.sync()
    assert office_row(office, rid)["deleted_at"] is None and office_row(office, rid)["row_version"] == 3


def test_a_pulled_change_never_overwrites_a_pending_local_edit(
    office: Office, pair: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "A"})
    a.sync()
    b.store.repo(Detainee).update(rid, {"cell": "B, not yet pushed"})
    settle(office)
    with connect(b.target) as channel:  # pull only, before b's push
        outcome = pull.pull_all(b.store, channel)
    assert outcome.conflicts == 1
    assert b.store.repo(Detainee).require(rid).cell == "B, not yet pushed"
    [c] = conflicts.list_conflicts(b.store)
    assert c.origin == "pull" and c.mine["cell"] == "B, not yet pushed" and c.theirs is not None
    assert c.theirs["cell"] == "A"
    # while the conflict is open the row is neither pushed nor overwritten
    a.store.repo(Detainee).update(rid, {"cell": "A again"})
    a.sync()
    settle(office)
    sync_now(b.store)
    assert b.store.repo(Detainee).require(rid).cell == "B, not yet pushed"
    assert office_row(office, rid)["cell"] == "A again"
    [c] = conflicts.list_conflicts(b.store)
    assert c.theirs is not None and c.theirs["cell"] == "A again" and c.theirs_version == 3
    conflicts.resolve(b.store, c.id, {"cell": "B wins"})
    b.sync()
    assert office_row(office, rid)["cell"] == "B wins" and office_row(office, rid)["row_version"] == 4


def test_resolving_validates_the_chosen_values(pair: tuple[Laptop, Laptop, uuid.UUID]) -> None:
    from inspector.domain.errors import ValidationError

    a, b, rid = pair
    a.store.repo(Detainee).update(rid, {"cell": "A"})
    b.store.repo(Detainee).update(rid, {"cell": "B"})
    a.sync()
    b.sync()
    [c] = conflicts.list_conflicts(b.store)
    with pytest.raises(ValidationError):
        conflicts.resolve(b.store, c.id, {"name": ""})
    with pytest.raises(conflicts.InspectorError):
        conflicts.resolve(b.store, c.id, {"no_such_field": 1})
    assert len(conflicts.list_conflicts(b.store)) == 1
