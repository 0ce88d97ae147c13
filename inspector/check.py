"""``inspector check``: is this database whole? Integrity, foreign keys, schema, triggers, outbox, audit."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from inspector.security.audit import verify_chain
from inspector.store import migrate
from inspector.store.base import synced_tables
from inspector.store.models import LocalMeta, Station
from inspector.store.store import Store


@dataclass(frozen=True)
class CheckResult:
    name: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _integrity(conn: Connection) -> list[str]:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else [f"integrity_check: {r}" for r in rows[:20]]


def _foreign_keys(conn: Connection) -> list[str]:
    rows = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
    return [f"{table} rowid {rowid} → missing {parent} row" for table, rowid, parent, _ in rows[:20]] + (
        [f"... and {len(rows) - 20} more"] if len(rows) > 20 else []
    )


def _schema(conn: Connection) -> list[str]:
    current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    head = migrate.head_revision()
    return [] if current == head else [f"schema revision {current}, expected {head}"]


def _triggers(conn: Connection) -> list[str]:
    present = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    problems = []
    for table in synced_tables():
        for kind in ("outbox_insert", "outbox_update", "no_hard_delete", "station_fixed"):
            if f"trg_{table}_{kind}" not in present:
                problems.append(f"{table}: trigger {kind} missing (changes would not be captured)")
    capture = conn.exec_driver_sql("SELECT enabled FROM sync_capture WHERE id = 1").scalar()
    if capture != 1:
        problems.append("change capture is switched off (sync_capture.enabled is not 1)")
    return problems


def _outbox(conn: Connection) -> list[str]:
    problems = []
    tables = set(synced_tables())
    for (name,) in conn.exec_driver_sql("SELECT DISTINCT table_name FROM sync_outbox"):
        if name not in tables:
            problems.append(f"outbox names unknown table {name}")
    for table in tables:
        orphans = conn.exec_driver_sql(
            f"SELECT count(*) FROM sync_outbox o WHERE o.table_name = '{table}' "
            f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = o.row_id)"
        ).scalar()
        if orphans:
            problems.append(f"{table}: {orphans} outbox entries point to rows that do not exist")
        unqueued = conn.exec_driver_sql(
            f"SELECT count(*) FROM {table} t WHERE t.server_version IS NULL "
            f"AND NOT EXISTS (SELECT 1 FROM sync_outbox o "
            f"WHERE o.table_name = '{table}' AND o.row_id = t.id) "
            # a row the office refused waits for the user in sync_conflict, not in the outbox
            f"AND NOT EXISTS (SELECT 1 FROM sync_conflict c WHERE c.table_name = '{table}' "
            f"AND c.row_id = t.id AND c.resolved_at IS NULL)"
        ).scalar()
        if unqueued:
            problems.append(f"{table}: {unqueued} never-synced rows are not queued for sync")
    return problems


def _blobs(conn: Connection) -> list[str]:
    problems = []
    for sha, size, data in conn.exec_driver_sql("SELECT sha256, size, data FROM blob"):
        if hashlib.sha256(data).hexdigest() != sha or len(data) != size:
            problems.append(f"blob {sha[:12]}…: content does not match its sha256/size")
    missing = conn.exec_driver_sql(
        "SELECT count(*) FROM attachment a WHERE a.deleted_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = a.sha256)"
    ).scalar()
    if missing:
        problems.append(f"{missing} attachments have no bytes on this laptop")
    return problems


def _station(conn: Connection) -> list[str]:
    """A database without its station is an unfinished set-up: every command but this one rejects it."""
    meta: dict[str, object] = dict(
        conn.execute(
            select(LocalMeta.key, LocalMeta.value).where(LocalMeta.key.in_(("station_id", "device_id")))
        ).all()
    )
    problems = []
    if meta.get("station_id") is None:
        problems.append(
            "no station set up in this database (an interrupted `inspector init`?): move the folder aside "
            "and run init again, or restore a backup"
        )
    else:
        station_id = uuid.UUID(str(meta["station_id"]))
        found = conn.execute(select(func.count()).select_from(Station).where(Station.id == station_id))
        if not found.scalar():
            problems.append(f"this laptop's station {station_id} has no station record")
    if meta.get("device_id") is None:
        problems.append("no device identity (local_meta device_id)")
    return problems


CONNECTION_CHECKS: dict[str, Callable[[Connection], list[str]]] = {
    "station": _station,
    "integrity": _integrity,
    "foreign keys": _foreign_keys,
    "schema": _schema,
    "change capture": _triggers,
    "outbox": _outbox,
    "attachments": _blobs,
}


def run_checks(store: Store) -> list[CheckResult]:
    results = []
    with store.read_connection() as conn:
        for name, check in CONNECTION_CHECKS.items():
            results.append(CheckResult(name, check(conn)))
    with store.session(read_only=True) as s:
        results.append(CheckResult("audit chain", verify_chain(s)))
    return results


__all__ = ["CheckResult", "run_checks"]
