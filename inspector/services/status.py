"""Who is signed in on this laptop and how its sync stands: what the main window's title and status
bar show.

Read-only sessions only (``store.session(read_only=True)``): never waits for a writer. The results
are plain frozen values, safe to hand to any thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspector.domain.errors import InspectorError
from inspector.domain.validation import SHANGHAI
from inspector.services.policy import Actor, actor_for
from inspector.services.users import may_manage_users
from inspector.store.models import LocalMeta, Station
from inspector.store.queries import pending_changes
from inspector.store.store import Store
from inspector.sync import conflicts as sync_conflicts
from inspector.sync import local as sync_local

__all__ = [
    "DEMO_META_KEY",
    "DEMO_PASSWORD",
    "Identity",
    "SyncStatus",
    "load_identity",
    "load_sync_status",
    "pending_changes",
]

DEMO_META_KEY = "demo"
"""The ``local_meta`` key marking a store that holds demo data (set by ``inspector.demo.mark_demo``)."""

DEMO_PASSWORD = "demo-1234"
"""The demo user's password (``inspector demo`` / ``--demo`` unless told otherwise). Demo data only:
the sign-in window shows it when the database says its demo user was given it."""

DEMO_PASSWORD_META_KEY = "demo_password_documented"
"""``local_meta``: true when the demo user's password is :data:`DEMO_PASSWORD` (not a secret: demo data)."""


@dataclass(frozen=True)
class Identity:
    station_name: str
    user_id: uuid.UUID | None
    user_name: str
    is_demo: bool = False  # the store holds demo data (``inspector demo``): the window says 演示数据
    demo_password_documented: bool = False  # its demo user's password is DEMO_PASSWORD
    manages_users: bool = False  # the signed-in user may open 用户 (services.users.may_manage_users)
    actor: Actor | None = None  # the signed-in user with their role (None when there is no user)


def load_identity(store: Store) -> Identity:
    """This laptop's station, the signed-in user (until the sign-in screen: the one
    :func:`~inspector.services.policy.actor_for` picks), and whether the store holds demo data."""
    with store.session(read_only=True) as s:
        station = s.get(Station, store.station_id)
        demo = s.get(LocalMeta, DEMO_META_KEY)
        documented = s.get(LocalMeta, DEMO_PASSWORD_META_KEY)
    try:
        actor: Actor | None = actor_for(store)
    except InspectorError:  # a station without an active user: the window says （未登录）
        actor = None
    return Identity(
        station_name=station.name if station is not None else "",
        user_id=actor.user_id if actor is not None else None,
        user_name=actor.display_name if actor is not None else "",
        is_demo=demo is not None and bool(demo.value),
        demo_password_documented=documented is not None and bool(documented.value),
        manages_users=actor is not None and may_manage_users(store, actor),
        actor=actor,
    )


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    last_sync_at: datetime | None
    online: bool = False  # what the last sync attempt found (offline until one reaches the office)
    conflicts: int = 0  # open sync conflicts waiting for a person


def _parse_timestamp(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=SHANGHAI)
    return None


def load_sync_status(store: Store, *, online: bool = False) -> SyncStatus:
    """Pending changes and the last complete sync (``sync.last_sync``, written by the core's sync)."""
    return SyncStatus(
        pending=pending_changes(store),
        last_sync_at=_parse_timestamp(store.meta(sync_local.LAST_SYNC_KEY)),
        online=online,
        conflicts=sync_conflicts.open_count(store),
    )
