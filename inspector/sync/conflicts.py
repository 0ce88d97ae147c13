"""Conflicts: list them (mine / theirs / changed fields) and resolve them — never automatically.

A resolution is a new edit based on the office's current version of the row: the local row first
becomes "theirs" (with capture off), then the chosen values are written as an ordinary captured
edit whose base is that version. The next push sends it like any other change.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update

from inspector.domain.errors import InspectorError
from inspector.domain.records import SPECS
from inspector.store.models import SyncOutbox
from inspector.store.models.sync import SyncBatchEntry, SyncConflict
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import local, schema


class ConflictNotFoundError(InspectorError):
    code = "conflict_not_found"

    def __init__(self, conflict_id: uuid.UUID) -> None:
        super().__init__(
            f"没有待处理的冲突 {conflict_id}",
            f"no open conflict {conflict_id}",
            params={"conflict_id": str(conflict_id)},
        )


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    origin: str  # push / pull
    kind: str  # conflict / rejected
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    theirs_version: int | None
    changed_fields: list[str]
    error: str | None
    created_at: datetime
    resolved_at: datetime | None


def _view(c: SyncConflict) -> ConflictView:
    return ConflictView(
        id=c.id,
        table_name=c.table_name,
        row_id=c.row_id,
        origin=c.origin,
        kind=c.kind,
        mine=dict(c.mine),
        theirs=dict(c.theirs) if c.theirs is not None else None,
        theirs_version=c.theirs_version,
        changed_fields=schema.changed_fields(c.table_name, c.mine, c.theirs) if c.theirs else [],
        error=c.error,
        created_at=c.created_at,
        resolved_at=c.resolved_at,
    )


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictView]:
    q = select(SyncConflict).order_by(SyncConflict.created_at)
    if not include_resolved:
        q = q.where(SyncConflict.resolved_at.is_(None))
    with store.session(read_only=True) as s:
        return [_view(c) for c in s.scalars(q)]


def open_count(store: Store) -> int:
    with store.session(read_only=True) as s:
        return int(s.scalar(select(func.count()).where(SyncConflict.resolved_at.is_(None))) or 0)


def resolve(store: Store, conflict_id: uuid.UUID, chosen: Mapping[str, Any]) -> str:
    """Resolve a conflict with ``chosen`` field values (fields not named keep the office's value, or
    mine where the office has no row). Returns ``theirs``, ``mine`` or ``merged``."""
    with store.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            raise ConflictNotFoundError(conflict_id)
        name = c.table_name
        t = schema.table(name)
        unknown = set(chosen) - {col.name for col in schema.columns(name)}
        if unknown:
            raise InspectorError(f"未知字段：{sorted(unknown)}", f"unknown fields: {sorted(unknown)}")
        base = schema.decode_row(name, c.theirs if c.theirs is not None else c.mine)
        target = dict(base)
        target.update({k: v for k, v in schema.decode_row(name, {**c.mine, **chosen}).items() if k in chosen})
        record_fields = [col.name for col in schema.columns(name) if col.name not in schema.BOOKKEEPING]
        SPECS[name].validate({k: target[k] for k in record_fields}, today=today_local())

        def same_as(other: dict[str, Any]) -> bool:
            return all(
                schema.encode_row({k: target[k]}) == schema.encode_row({k: other.get(k)})
                for k in record_fields
            )

        mine = schema.decode_row(name, c.mine)
        resolution = (
            "theirs" if c.theirs is not None and same_as(base) else "mine" if same_as(mine) else "merged"
        )
        in_batch = select(SyncBatchEntry.outbox_seq)
        with local.capture_off(s):
            # Queued edits of this row are superseded by the resolution (a frozen batch keeps its own).
            s.execute(
                delete(SyncOutbox).where(
                    SyncOutbox.table_name == name,
                    SyncOutbox.row_id == c.row_id,
                    SyncOutbox.seq.not_in(in_batch),
                )
            )
            if c.theirs is not None:
                local.upsert_rows(s, name, [{**base, "server_version": c.theirs_version}])
            elif c.kind == "conflict":  # the office has no such row: send it again as new
                s.execute(update(t).where(t.c.id == c.row_id).values(server_version=None))
        if resolution != "theirs":
            changes = {k: target[k] for k in record_fields}
            changes.update(updated_at=utc_now(), device_id=store.device_id)
            s.execute(update(t).where(t.c.id == c.row_id).values(**changes))  # captured: a new edit
        c.resolved_at = utc_now()
        c.resolution = resolution
        # Other open conflicts on the same row are settled by this resolution too.
        s.execute(
            update(SyncConflict)
            .where(
                SyncConflict.table_name == name,
                SyncConflict.row_id == c.row_id,
                SyncConflict.resolved_at.is_(None),
            )
            .values(resolved_at=c.resolved_at, resolution=resolution)
        )
    return resolution
