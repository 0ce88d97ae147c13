"""Small reads the forms need besides the record itself: who can be picked as a participant, how to
name a detainee whose id a record holds, and the detainee picker's search (the store's
:func:`~inspector.store.queries.search_detainees`, offered here so that the UI reads through services).

Read-only sessions only (``store.session(read_only=True)``): a form opening never waits for a writer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from inspector.store.models import AppUser, Detainee
from inspector.store.queries import DetaineeHit, search_detainees
from inspector.store.store import Store

__all__ = [
    "DetaineeHit",
    "UserOption",
    "detainee_label",
    "detainee_labels",
    "search_detainees",
    "user_options",
]


@dataclass(frozen=True)
class UserOption:
    """One line of a participants list: the user's id and name; ``active`` False for someone who has
    left but is still named on the record being edited."""

    id: uuid.UUID
    name: str
    active: bool = True


def _as_uuid(value: object) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None


def user_options(store: Store, keep: Iterable[object] = ()) -> list[UserOption]:
    """The station's active users in the order they were added, then any user in ``keep`` (ids as
    UUIDs or strings, as records store them) who is no longer active, so a record never loses a name."""
    wanted = {u for u in (_as_uuid(v) for v in keep) if u is not None}
    with store.session(read_only=True) as s:
        rows = s.execute(
            select(AppUser.id, AppUser.display_name, AppUser.active, AppUser.deleted_at).order_by(
                AppUser.created_at, AppUser.username
            )
        ).all()
    out: list[UserOption] = []
    for row in rows:
        active = bool(row.active) and row.deleted_at is None
        if active:
            out.append(UserOption(row.id, row.display_name))
        elif row.id in wanted:
            out.append(UserOption(row.id, row.display_name, active=False))
    return out


def detainee_label(name: str, cell: str | None, id_tail: str | None) -> str:
    """How the picker names a person: 姓名 · 监室 · 身份证号后四位 (the parts that are known)."""
    parts = [name]
    if cell:
        parts.append(f"{cell}监室")
    if id_tail:
        parts.append(f"尾号{id_tail}")
    return " · ".join(parts)


def detainee_labels(store: Store, ids: Iterable[object]) -> dict[uuid.UUID, str]:
    """The picker's label for each detainee id in ``ids`` (unknown ids are left out)."""
    wanted = sorted({u for u in (_as_uuid(v) for v in ids) if u is not None})
    if not wanted:
        return {}
    with store.session(read_only=True) as s:
        rows = s.execute(
            select(Detainee.id, Detainee.name, Detainee.cell, Detainee.id_number).where(
                Detainee.id.in_(wanted)
            )
        ).all()
    return {
        row.id: detainee_label(row.name, row.cell, row.id_number[-4:] if row.id_number else None)
        for row in rows
    }
