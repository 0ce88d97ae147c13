"""``inspector init``: a new database for one station, its device identity and its first user."""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.documents.numbering import DOC_LABELS, grant_local_block
from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.records import APP_USER, STATION
from inspector.security import audit
from inspector.security.passwords import MIN_PASSWORD, hash_password
from inspector.store import keys
from inspector.store.models import AppUser, LocalCredential, Station
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = ["LOCAL_BLOCK_SIZE", "MIN_PASSWORD", "FirstUser", "initialise"]

LOCAL_BLOCK_SIZE = 100  # 文号 per document type a new, not yet enrolled device may issue this year


@dataclass(frozen=True)
class FirstUser:
    username: str
    display_name: str
    password: str
    role: str = "procurator"


def _validate(station: Mapping[str, Any], user: FirstUser) -> None:
    today = today_local()
    STATION.validate(station, today=today)
    APP_USER.validate(
        {"username": user.username, "display_name": user.display_name, "role": user.role}, today=today
    )
    if len(user.password) < MIN_PASSWORD:
        raise ValidationError(
            "app_user",
            [
                FieldError(
                    "password",
                    f"密码至少需要{MIN_PASSWORD}个字符",
                    f"password needs {MIN_PASSWORD}+ characters",
                )
            ],
        )


def initialise(
    data_dir: Path,
    station: Mapping[str, Any],
    user: FirstUser,
    *,
    device_name: str | None = None,
    prompt: keys.PassphrasePrompt | None = None,
    local_block_size: int = LOCAL_BLOCK_SIZE,
    then: Callable[[Store], None] | None = None,
) -> Store:
    """Create the database and write the station, device identity and first user in one transaction.

    Everything is validated before the file is made. The database is built in a temporary folder
    beside ``data_dir`` and moved into place only when complete — after ``then`` (e.g. writing demo
    data) too (:meth:`Store.build`) — so a failed or killed init leaves nothing behind, or a
    leftover the next init removes.
    """
    _validate(station, user)
    user_id = uuid.uuid4()

    def fill(store: Store) -> None:
        station_id, device_id = uuid.uuid4(), uuid.uuid4()
        now = utc_now()
        stamp = {"created_at": now, "updated_at": now, "device_id": device_id, "station_id": station_id}
        with store.session() as s:
            s.add(Station(id=station_id, **stamp, **station))
            s.add(
                AppUser(
                    id=user_id,
                    **stamp,
                    username=user.username,
                    display_name=user.display_name,
                    role=user.role,
                    active=True,
                )
            )
            s.add(LocalCredential(user_id=user_id, password_hash=hash_password(user.password)))
            store.set_meta("station_id", str(station_id), s)
            store.set_meta("device_id", str(device_id), s)
            store.set_meta("device_name", device_name or platform.node() or "laptop", s)
            store.set_meta("created_at", now.isoformat(), s)
            # Until the device enrolls with the office (which then leases blocks), it may number its own
            # documents from a local block; the block is marked local so the office can reconcile it.
            year = today_local().year
            for doc_type in DOC_LABELS:
                grant_local_block(s, doc_type, year, first=1, size=local_block_size, source="local")
            audit.record(
                s, "init", user_id=user_id, device_id=device_id, table_name="station", row_id=station_id
            )
        if then is not None:
            store.sign_in_as(user_id)
            then(store)

    store = Store.build(data_dir, fill, prompt)
    store.sign_in_as(user_id)
    return store
