"""Read-only queries that screens and the CLI share (searches, counts)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from inspector.store.models import Detainee, SyncOutbox
from inspector.store.store import Store


@dataclass(frozen=True)
class DetaineeHit:
    """One line of the detainee picker: 姓名 · 监室 · 身份证号后四位."""

    id: uuid.UUID
    name: str
    cell: str | None
    id_tail: str | None
    admitted_at: datetime


def search_detainees(
    store: Store, text: str, *, limit: int = 50, include_discharged: bool = False
) -> list[DetaineeHit]:
    """Detainees whose name contains ``text``, whose ID number contains it, or whose cell is it."""
    text = text.strip()
    if not text:
        return []
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    conditions = [Detainee.name.like(pattern, escape="\\"), Detainee.cell == text]
    if text.isascii() and len(text) >= 2:
        conditions.append(Detainee.id_number.like(pattern, escape="\\"))
    stmt = (
        select(Detainee.id, Detainee.name, Detainee.cell, Detainee.id_number, Detainee.admitted_at)
        .where(or_(*conditions), Detainee.deleted_at.is_(None))
        .order_by(Detainee.name)
        .limit(limit)
    )
    if not include_discharged:
        stmt = stmt.where(Detainee.discharged_on.is_(None))
    with store.session() as s:
        return [
            DetaineeHit(
                row.id, row.name, row.cell, row.id_number[-4:] if row.id_number else None, row.admitted_at
            )
            for row in s.execute(stmt)
        ]


def pending_changes(store: Store) -> int:
    """Changes captured in the outbox and not yet acknowledged by the office."""
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)
