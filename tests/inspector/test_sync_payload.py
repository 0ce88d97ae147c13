"""The push payload's rows are JSON built by SQLite (``schema.row_json_sql``): they must carry exactly
the values the generic encoding (``schema.encode_row`` of the loaded row) carries, with JSON types the
office parses as the right column types, and no NULL member."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select

from inspector.demo import generate
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import push, schema
from tests.conftest import detainee_values


def sql_rows(store: Store, table: str) -> dict[str, dict[str, Any]]:
    with store.read_connection() as conn:
        found = conn.exec_driver_sql(f"SELECT id, {schema.row_json_sql(table)} FROM {table}").all()
    return {row_id: json.loads(text) for row_id, text in found}


def loaded_rows(store: Store, table: str) -> dict[str, dict[str, Any]]:
    t = schema.table(table)
    with store.read_connection() as conn:
        return {r["id"].hex: dict(r) for r in conn.execute(select(t)).mappings()}


def test_every_synced_table_encodes_like_the_generic_path(store: Store) -> None:
    generate(store, seed=7, scale="small")
    checked = 0
    for table in schema.table_names():
        built, loaded = sql_rows(store, table), loaded_rows(store, table)
        assert built.keys() == loaded.keys(), table
        for row_id, values in loaded.items():
            row = built[row_id]
            generic = schema.encode_row(values)
            assert set(row) == {k for k, v in generic.items() if v is not None}, (table, row_id)
            assert schema.normalise(table, row) == schema.normalise(table, generic), (table, row_id)
            for c in schema.columns(table):
                if c.name not in row:
                    continue
                value = row[c.name]
                if c.kind == "uuid":
                    assert value == uuid.UUID(value).hex, (table, c.name)  # 32 hex digits
                elif c.kind == "bool":
                    assert isinstance(value, bool), (table, c.name)
                elif c.kind == "int":
                    assert isinstance(value, int) and not isinstance(value, bool), (table, c.name)
                elif c.kind == "json":
                    assert value == generic[c.name], (table, c.name)
                else:
                    assert isinstance(value, str), (table, c.name)
            checked += 1
    assert checked > 1000


def test_awkward_text_and_nested_nulls_travel_unchanged(store: Store) -> None:
    notes = 'quote " backslash \\ newline \n tab \t control \x01 emoji 😀 生僻字 𠮷 </script>'
    documents = [{"kind": "拘留证", "number": None, "extra": {"nested": None, "list": [1, None]}}]
    rid = (
        store.repo(Detainee)
        .add(detainee_values(notes="x", admission_documents=documents, birth_date=None))
        .id
    )
    with store.engine.begin() as conn:  # a control character is refused on entry; an old row may hold one
        conn.exec_driver_sql("UPDATE detainee SET notes = ? WHERE id = ?", (notes, rid.hex))
    row = sql_rows(store, "detainee")[rid.hex]
    assert row["notes"] == notes
    assert row["admission_documents"] == documents  # nulls inside a document are kept
    assert "birth_date" not in row  # a NULL column is left out
    assert row["id"] == rid.hex


def test_a_frozen_payload_is_json_whose_ops_match_the_refs(store: Store) -> None:
    ids = [store.repo(Detainee).add(detainee_values(name=f"人{i}")).id for i in range(3)]
    batch = push.freeze_batch(store)
    assert batch is not None
    parsed = json.loads(batch.payload)
    assert parsed["batch_id"] == str(batch.batch_id) and parsed["schema_version"] == schema.SCHEMA_VERSION
    assert [op["op_id"] for op in parsed["ops"]] == [ref.op_id for ref in batch.refs]
    assert len({ref.op_id for ref in batch.refs}) == len(batch.refs)
    assert all(uuid.UUID(ref.op_id).version == 4 for ref in batch.refs)
    detainee_ops = [op for op in parsed["ops"] if op["table"] == "detainee"]
    assert [op["row_id"] for op in detainee_ops] == [str(i) for i in ids]
    assert all(op["kind"] == "insert" and op["base_version"] is None for op in detainee_ops)
    assert all(uuid.UUID(op["row"]["id"]) == uuid.UUID(op["row_id"]) for op in parsed["ops"])
    # a batch read back from the database gives the same refs as the one just frozen
    (again,) = push.pending_batches(store)
    assert again.refs == batch.refs and again.payload == batch.payload


def test_frozen_payloads_are_stored_compressed_and_read_back_exactly(store: Store) -> None:
    store.repo(Detainee).add_many([detainee_values(name=f"人{i}") for i in range(200)])
    batch = push.freeze_batch(store)
    assert batch is not None
    with store.read_connection() as conn:
        raw = conn.exec_driver_sql("SELECT payload FROM sync_batch").scalar_one()
    assert raw[:1] != b"{" and len(raw) * 4 < len(batch.payload)
    (again,) = push.pending_batches(store)
    assert again.payload == batch.payload
    # a batch frozen before payloads were compressed is read as it was stored
    with store.session() as s:
        s.connection().exec_driver_sql("UPDATE sync_batch SET payload = ?", (batch.payload,))
    (old,) = push.pending_batches(store)
    assert old.payload == batch.payload


def test_op_ids_are_distinct_version_4_uuids() -> None:
    ids = push.new_op_ids(2000)
    assert len(set(ids)) == 2000
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
