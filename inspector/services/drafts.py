"""Form drafts: what a form held when it was closed or the app stopped, offered back next time.

Drafts live in the local ``form_draft`` table (no sync columns, no outbox trigger), so half-typed
records never leave the laptop. Values are kept as tagged JSON so dates, times, datetimes and ids
come back as the types the form gave.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, select

from inspector.store.models import FormDraft
from inspector.store.store import Store
from inspector.store.types import utc_now

NEW = "new"


@dataclass(frozen=True)
class Draft:
    kind: str
    record_id: uuid.UUID | None
    values: dict[str, Any]
    saved_at: datetime


def _user_key(user_id: uuid.UUID | None) -> str:
    return user_id.hex if user_id is not None else "-"


def _record_key(record_id: uuid.UUID | None) -> str:
    return str(record_id) if record_id is not None else NEW


def encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if tag == "$uuid":
                return uuid.UUID(text)
            if tag == "$datetime":
                return datetime.fromisoformat(text)
            if tag == "$date":
                return date.fromisoformat(text)
            if tag == "$time":
                return time.fromisoformat(text)
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def save_draft(
    store: Store, user_id: uuid.UUID | None, kind: str, record_id: uuid.UUID | None, values: Mapping[str, Any]
) -> None:
    with store.session() as s:
        s.merge(
            FormDraft(
                user_key=_user_key(user_id),
                kind=kind,
                record_key=_record_key(record_id),
                values=encode(dict(values)),
                saved_at=utc_now(),
            )
        )


def discard_draft(store: Store, user_id: uuid.UUID | None, kind: str, record_id: uuid.UUID | None) -> None:
    with store.session() as s:
        s.execute(
            delete(FormDraft).where(
                FormDraft.user_key == _user_key(user_id),
                FormDraft.kind == kind,
                FormDraft.record_key == _record_key(record_id),
            )
        )


def find_draft(
    store: Store, user_id: uuid.UUID | None, kind: str, record_id: uuid.UUID | None
) -> Draft | None:
    with store.session(read_only=True) as s:
        row = s.get(FormDraft, (_user_key(user_id), kind, _record_key(record_id)))
        return None if row is None else _draft(row)


def list_drafts(store: Store, user_id: uuid.UUID | None) -> list[Draft]:
    """This user's drafts, newest first (offered back after a crash or a close)."""
    with store.session(read_only=True) as s:
        rows = s.scalars(
            select(FormDraft)
            .where(FormDraft.user_key == _user_key(user_id))
            .order_by(FormDraft.saved_at.desc())
        )
        return [_draft(r) for r in rows]


def _draft(row: FormDraft) -> Draft:
    record_id = None if row.record_key == NEW else uuid.UUID(row.record_key)
    return Draft(row.kind, record_id, decode(row.values), row.saved_at)
