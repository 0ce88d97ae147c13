"""Append-only audit log with a hash chain: each entry's hash covers the previous entry's hash,
so an edited or removed entry breaks every hash after it (``verify_chain``)."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from inspector.store.models import AuditLog
from inspector.store.types import utc_now

GENESIS = "0" * 64


def _entry_hash(prev_hash: str, at: datetime, fields: dict[str, Any]) -> str:
    body = json.dumps({"prev": prev_hash, "at": at.isoformat(), **fields}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _fields(entry: AuditLog) -> dict[str, Any]:
    return {
        "user_id": str(entry.user_id) if entry.user_id else None,
        "device_id": str(entry.device_id) if entry.device_id else None,
        "action": entry.action,
        "table_name": entry.table_name,
        "row_id": str(entry.row_id) if entry.row_id else None,
        "detail": entry.detail,
    }


def record(
    session: Session,
    action: str,
    *,
    user_id: uuid.UUID | None = None,
    device_id: uuid.UUID | None = None,
    table_name: str | None = None,
    row_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Append one entry in the caller's transaction."""
    last = session.scalar(select(AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1))
    prev = last or GENESIS
    entry = AuditLog(
        at=utc_now(),
        user_id=user_id,
        device_id=device_id,
        action=action,
        table_name=table_name,
        row_id=row_id,
        detail=detail or {},
        prev_hash=prev,
        hash="",
    )
    entry.hash = _entry_hash(prev, entry.at, _fields(entry))
    session.add(entry)
    session.flush()
    return entry


def record_many(session: Session, entries: list[dict[str, Any]]) -> None:
    """Append many entries in the caller's transaction, chained in order — as :func:`record` once per
    entry, but with one read of the last hash and one multi-row insert (a bulk import). Each entry:
    ``action`` and optionally ``user_id``, ``device_id``, ``table_name``, ``row_id``, ``detail``."""
    if not entries:
        return
    session.flush()
    prev = session.scalar(select(AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)) or GENESIS
    at = utc_now()
    rows = []
    for item in entries:
        row = {
            "at": at,
            "user_id": item.get("user_id"),
            "device_id": item.get("device_id"),
            "action": item["action"],
            "table_name": item.get("table_name"),
            "row_id": item.get("row_id"),
            "detail": item.get("detail") or {},
            "prev_hash": prev,
        }
        fields = {
            "user_id": str(row["user_id"]) if row["user_id"] else None,
            "device_id": str(row["device_id"]) if row["device_id"] else None,
            "action": row["action"],
            "table_name": row["table_name"],
            "row_id": str(row["row_id"]) if row["row_id"] else None,
            "detail": row["detail"],
        }
        row["hash"] = prev = _entry_hash(prev, at, fields)
        rows.append(row)
    session.execute(insert(AuditLog), rows)


def verify_chain(session: Session) -> list[str]:
    """Problems found walking the chain (empty when intact)."""
    problems: list[str] = []
    prev = GENESIS
    for entry in session.scalars(select(AuditLog).order_by(AuditLog.seq)):
        if entry.prev_hash != prev:
            problems.append(f"audit entry {entry.seq}: previous-hash link broken")
        if entry.hash != _entry_hash(entry.prev_hash, entry.at, _fields(entry)):
            problems.append(f"audit entry {entry.seq}: content does not match its hash")
        prev = entry.hash
    return problems
