"""Read-only queries that screens and the CLI share (searches, counts)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from inspector.store.models import Detainee, StationSetting, SyncOutbox
from inspector.store.store import Store


def station_setting_values(session: Session, station_id: uuid.UUID) -> dict[str, Any]:
    """The station's stored settings (``station_setting`` rows not deleted), key → JSON value.

    Rules, document numbering, wording and the settings command read their keys from this one map;
    a key without a row takes the reader's default."""
    rows = session.execute(
        select(StationSetting.key, StationSetting.value).where(
            StationSetting.station_id == station_id, StationSetting.deleted_at.is_(None)
        )
    )
    return {key: value for key, value in rows}


@dataclass(frozen=True)
class DetaineeHit:
    """One line of the detainee picker: 姓名 · 监室 · 身份证号后四位."""

    id: uuid.UUID
    name: str
    cell: str | None
    id_tail: str | None
    admitted_at: datetime


def search_detainees(
    store: Store, query: str, *, limit: int = 50, include_discharged: bool = False
) -> list[DetaineeHit]:
    """Detainees whose name contains ``query``, whose ID number contains it, or whose cell is it."""
    text_ = query.strip()
    if not text_:
        return []
    pattern = "%" + text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    by_name = Detainee.name.like(pattern, escape="\\")
    by_cell = Detainee.cell == text_
    by_id = Detainee.id_number.like(pattern, escape="\\") if text_.isascii() and len(text_) >= 2 else None
    columns = (Detainee.id, Detainee.name, Detainee.cell, Detainee.id_number, Detainee.admitted_at)
    if include_discharged:
        # The whole register: collect candidate rows by scanning the small name / ID-number / cell
        # indexes (SQLite would otherwise read every encrypted table page), then read only those rows.
        found = [
            "SELECT rowid FROM detainee INDEXED BY ix_detainee_name WHERE name LIKE :p ESCAPE '\\'",
            "SELECT rowid FROM detainee WHERE cell = :t",
        ]
        if by_id is not None:
            found.append(
                "SELECT rowid FROM detainee INDEXED BY ix_detainee_id_number "
                "WHERE id_number LIKE :p ESCAPE '\\'"
            )
        candidates = text(" UNION ".join(found)).bindparams(p=pattern, t=text_)
        rowid: ColumnElement[int] = literal_column("detainee.rowid")
        stmt = select(*columns).where(rowid.in_(candidates), Detainee.deleted_at.is_(None))
    else:
        # People still held: the partial index ix_detainee_held_name answers from the index alone.
        conditions = [by_name, by_cell] if by_id is None else [by_name, by_cell, by_id]
        stmt = select(*columns).where(
            or_(*conditions), Detainee.deleted_at.is_(None), Detainee.discharged_on.is_(None)
        )
    stmt = stmt.order_by(Detainee.name).limit(limit)
    with store.session(read_only=True) as s:
        return [
            DetaineeHit(
                row.id, row.name, row.cell, row.id_number[-4:] if row.id_number else None, row.admitted_at
            )
            for row in s.execute(stmt)
        ]


def pending_changes(store: Store) -> int:
    """Changes captured in the outbox and not yet acknowledged by the office."""
    with store.session(read_only=True) as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)
