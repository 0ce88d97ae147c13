"""Pull: the office's changes after this laptop's cursor, page by page (docs/sync.md, "Pull").

``sync.pull`` returns rows ordered by ``(server_xid, server_seq)`` and only those whose transaction is
older than every transaction still running (``server_xid < pg_snapshot_xmin(pg_current_snapshot())``),
so a transaction that commits late is never skipped: its rows stay behind the horizon until it ends.
Each page is applied and the cursor advanced in one local transaction; a cut mid-page applies
nothing, and re-pulling the page is harmless (rows carry their versions; older or equal ones are
skipped).

A pulled row never overwrites a row with pending local edits or an open conflict: it becomes (or
updates) a conflict. Foreign keys are not checked while a page is applied (a child may arrive a page
before a parent that was edited later); the office only holds what laptops checked.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.store.models import HolidayDay
from inspector.store.models.sync import SyncConflict
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import blobs, local, numbers, schema
from inspector.sync.connection import Channel

PAGE_SIZE = 2000
PULL_SQL = "SELECT table_name, server_xid::text, server_seq, data FROM sync.pull(%s::xid8, %s, %s)"


@dataclass
class PullOutcome:
    rows: int = 0
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    rejected: int = 0
    pages: int = 0


@contextmanager
def _unchecked_session(store: Store) -> Iterator[Session]:
    """A transaction on a connection with foreign-key enforcement off (restored afterwards)."""
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with Session(bind=conn) as s, s.begin():
                yield s
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _in(n: int) -> str:
    return "(" + ", ".join("?" * n) + ")"


@cache
def _upsert_sql(name: str) -> str:
    names = schema.column_names(name)
    updates = ", ".join(f"{c} = excluded.{c}" for c in names if c not in ("id", "station_id"))
    return (
        f"INSERT INTO {name} ({', '.join(names)}) VALUES {_in(len(names))} "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


def _conflict_from_pull(
    s: Session, name: str, data: dict[str, Any], version: int, kind: str, error: str | None = None
) -> SyncConflict:
    rid = uuid.UUID(str(data["id"]))
    mine = local.rows_by_id(s, name, [rid]).get(rid)
    theirs = schema.normalise(name, {**data, "server_version": version})
    conflict = SyncConflict(
        table_name=name,
        row_id=rid,
        origin="pull",
        kind=kind,
        base_version=mine["server_version"] if mine else None,
        theirs_version=version,
        mine=schema.encode_row(mine) if mine else {},
        theirs=theirs,
        error=error,
    )
    s.add(conflict)
    return conflict


def _apply_records(s: Session, name: str, items: list[dict[str, Any]], out: PullOutcome) -> None:
    conn = s.connection()
    by_hex = {str(d["id"]).replace("-", ""): d for d in items}
    ids = list(by_hex)
    known: dict[str, int | None] = {}
    pending: set[str] = set()
    for i in range(0, len(ids), 500):
        part = tuple(ids[i : i + 500])
        known.update(
            conn.exec_driver_sql(
                f"SELECT id, server_version FROM {name} WHERE id IN {_in(len(part))}", part
            ).all()
        )
        pending.update(
            r
            for (r,) in conn.exec_driver_sql(
                "SELECT DISTINCT row_id FROM sync_outbox "
                f"WHERE table_name = ? AND row_id IN {_in(len(part))}",
                (name, *part),
            )
        )
    open_conflicts = {
        c.row_id.hex: c
        for c in s.scalars(
            select(SyncConflict).where(SyncConflict.table_name == name, SyncConflict.resolved_at.is_(None))
        )
        if c.row_id.hex in by_hex
    }
    to_write: list[tuple[dict[str, Any], tuple[Any, ...]]] = []
    for hex_id, data in by_hex.items():
        version = int(data["row_version"])
        mine = known.get(hex_id)
        if mine is not None and mine >= version:
            out.skipped += 1  # our own write coming back, or older than what we have
            continue
        conflict = open_conflicts.get(hex_id)
        if conflict is not None:
            if conflict.theirs_version is None or conflict.theirs_version < version:
                conflict.theirs = schema.normalise(name, {**data, "server_version": version})
                conflict.theirs_version = version
            out.skipped += 1
            continue
        if hex_id in pending and hex_id in known:
            _conflict_from_pull(s, name, data, version, "conflict")
            out.conflicts += 1
            continue
        to_write.append((data, schema.to_stored(name, {**data, "server_version": version})))
    if not to_write:
        return
    if name == "attachment":  # their bytes follow, unless this laptop has them already
        shas = [d["sha256"] for d, _ in to_write if d.get("sha256") and not d.get("deleted_at")]
        blobs.enqueue(s, blobs.missing_locally(s, shas), blobs.DOWN)
    sql = _upsert_sql(name)
    try:
        with s.begin_nested():
            conn.exec_driver_sql(sql, [stored for _, stored in to_write])
        out.applied += len(to_write)
        return
    except IntegrityError:
        pass  # one row clashes with a local one (e.g. a unique key): apply the others one by one
    for data, stored in to_write:
        try:
            with s.begin_nested():
                conn.exec_driver_sql(sql, stored)
            out.applied += 1
        except IntegrityError as exc:
            _conflict_from_pull(s, name, data, int(data["row_version"]), "rejected", str(exc.orig))
            out.rejected += 1


def _apply_holidays(s: Session, items: list[dict[str, Any]]) -> None:
    for data in items:
        day = schema._decode("date", data["day"])
        row = s.get(HolidayDay, day) or HolidayDay(day=day)
        row.is_workday = bool(data["is_workday"])
        row.holiday_name = data.get("holiday_name")
        row.note = data.get("note")
        row.source = "office"
        row.updated_at = schema._decode("timestamptz", data.get("updated_at")) or utc_now()
        s.add(row)


def apply_page(store: Store, rows: list[tuple[Any, ...]]) -> PullOutcome:
    """Apply one page and move the cursor to its last row, in one local transaction."""
    out = PullOutcome(rows=len(rows), pages=1)
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for name, _xid, _seq, data in rows:
        by_table[name].append(data)
    last_xid, last_seq = rows[-1][1], int(rows[-1][2])
    with _unchecked_session(store) as s, local.capture_off(s):
        for name in schema.table_names():
            if name in by_table:
                _apply_records(s, name, by_table.pop(name), out)
        _apply_holidays(s, by_table.pop("holiday_day", []))
        for lease in by_table.pop("number_lease", []):
            numbers.apply_lease(s, lease)
            out.applied += 1
        out.skipped += sum(len(v) for v in by_table.values())  # tables this version does not know
        store.set_meta(local.CURSOR_KEY, [str(last_xid), last_seq], s)
    return out


def pull_all(
    store: Store,
    channel: Channel,
    page_size: int = PAGE_SIZE,
    on_page: Callable[[PullOutcome], None] | None = None,
) -> PullOutcome:
    """Pull page after page until a short one. The next page is requested (from the last row of the
    page just received) while this one is applied; if applying fails, the prefetched page is dropped
    and the cursor stays where the last applied page left it."""
    total = PullOutcome()
    xid, seq = local.read_cursor(store)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as network:
        rows = channel.query(PULL_SQL, (xid, seq, page_size))
        while rows:
            following: Future[list[tuple[Any, ...]]] | None = None
            if len(rows) == page_size:
                following = network.submit(
                    channel.query, PULL_SQL, (rows[-1][1], int(rows[-1][2]), page_size)
                )
            page = apply_page(store, rows)
            for key in ("rows", "applied", "skipped", "conflicts", "rejected", "pages"):
                setattr(total, key, getattr(total, key) + getattr(page, key))
            if on_page is not None:
                on_page(page)
            rows = following.result() if following is not None else []
    return total
