"""Local helpers shared by push, pull and conflict resolution: sync state in ``local_meta``, the capture
switch, and reading/writing synced rows by table name."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector.store.models.sync import SyncConflict
from inspector.store.store import Store
from inspector.sync import schema
from inspector.sync.connection import OfficeTarget
from inspector.sync.errors import NotEnrolledError

# Keys in ``local_meta`` (this database file's facts; never exported, never synced).
OFFICE_KEY = "sync.office"  # {"url", "role", "options"}: no secret
EPOCH_KEY = "sync.db_epoch"  # the office database this laptop syncs with
CURSOR_KEY = "sync.pull_cursor"  # [server_xid as text, server_seq]
LAST_SYNC_KEY = "sync.last_sync"  # ISO timestamp of the last complete sync

START_CURSOR = ("0", 0)


def office_target(store: Store) -> OfficeTarget:
    value = store.meta(OFFICE_KEY)
    if not value:
        raise NotEnrolledError()
    return OfficeTarget.from_description(value)


def read_cursor(store: Store) -> tuple[str, int]:
    value = store.meta(CURSOR_KEY)
    if not value:
        return START_CURSOR
    return str(value[0]), int(value[1])


@contextmanager
def capture_off(session: Session) -> Iterator[None]:
    """Switch outbox capture off for the rest of *this* transaction's work, then on again.

    The switch is a row in the database, written inside the caller's transaction: if anything fails,
    the rollback restores it too, and no other writer can run meanwhile (SQLite has one writer).
    """
    session.execute(text("UPDATE sync_capture SET enabled = 0 WHERE id = 1"))
    yield
    session.execute(text("UPDATE sync_capture SET enabled = 1 WHERE id = 1"))


def rows_by_id(
    conn: Session | Connection, name: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    t = schema.table(name)
    wanted = list(ids)
    out: dict[uuid.UUID, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        for row in conn.execute(select(t).where(t.c.id.in_(wanted[i : i + 500]))).mappings():
            out[row["id"]] = dict(row)
    return out


def upsert_rows(conn: Session | Connection, name: str, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite whole rows (values already decoded for the local columns)."""
    if not rows:
        return
    t = schema.table(name)
    stmt = sqlite_insert(t)
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.id],
        set_={c.name: stmt.excluded[c.name] for c in t.columns if c.name not in ("id", "station_id")},
    )
    conn.execute(stmt, rows)


def set_server_versions(
    conn: Session | Connection, name: str, versions: Mapping[uuid.UUID | str, int]
) -> None:
    """Record the versions the office confirmed (never lowering one already known).

    Row ids are UUIDs or their text (hyphens or not). One statement per distinct version and 500
    rows, not one per row: a batch of new rows all get 1.
    """
    schema.table(name)  # a known synced table (the name goes into the statement)
    by_version: dict[int, list[str]] = {}
    for row_id, version in versions.items():
        stored = row_id.hex if isinstance(row_id, uuid.UUID) else row_id.replace("-", "").lower()
        by_version.setdefault(version, []).append(stored)
    c = conn.connection() if isinstance(conn, Session) else conn
    for version, ids in by_version.items():
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            c.exec_driver_sql(
                f"UPDATE {name} SET server_version = max(coalesce(server_version, 0), ?) "
                f"WHERE id IN ({', '.join('?' * len(part))})",
                (version, *part),
            )


def open_conflict_keys(conn: Session | Connection) -> set[tuple[str, uuid.UUID]]:
    q = select(SyncConflict.table_name, SyncConflict.row_id).where(SyncConflict.resolved_at.is_(None))
    return {(t, r) for t, r in conn.execute(q)}
