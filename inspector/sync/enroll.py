"""Enrollment: bind this laptop to its device login at the office, once.

The administrator's one-time secret is used for exactly one connection: in one server transaction
the laptop registers its device id (and, for a station's first laptop, the station's id) and replaces
the login's password with a new random one that only this laptop's keyring knows. The new password
is put in the keyring *before* that transaction, so a lost reply still leaves a working password.
"""

from __future__ import annotations

import platform
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select

from inspector.domain.errors import InspectorError
from inspector.security import audit
from inspector.security.passwords import hash_password
from inspector.store import keys
from inspector.store.models import AppUser, LocalCredential, Station
from inspector.store.store import Store
from inspector.sync import local, numbers, schema
from inspector.sync.connection import (
    Channel,
    OfficeTarget,
    classify,
    connect,
    forget_password,
    load_password,
    save_password,
)
from inspector.sync.errors import AuthFailedError, SyncError, UpgradeRequiredError


class EnrollmentError(InspectorError):
    pass


@dataclass(frozen=True)
class Enrollment:
    station_id: uuid.UUID
    station_code: str
    device_id: uuid.UUID
    db_epoch: str


# A laptop syncs through one connection at a time, so any other session of its login is left over from
# a sync that was killed or cut off (or is a second sync of the same laptop at once): it is ended in
# the same statement as hello, so that whatever it still holds — the station's push lock, an open
# transaction — never blocks this sync. A login may end its own sessions, and nobody else's.
HELLO = (
    "SELECT sync.hello(%s), (SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a "
    "WHERE a.usename = session_user AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend')"
)


def hello(channel: Channel) -> dict[str, Any]:
    answer: dict[str, Any] = channel.query(HELLO, (schema.SCHEMA_VERSION,))[0][0]
    if answer.get("revoked") or answer.get("station_code") is None:
        raise AuthFailedError(f"{answer.get('role')} is not an active device login")
    office = int(answer["schema_version"])
    if office != schema.SCHEMA_VERSION:
        raise UpgradeRequiredError(schema.SCHEMA_VERSION, office)
    return answer


def check_identity(store: Store, answer: dict[str, Any]) -> None:
    """The office must know this login as this laptop, of this station."""
    if answer.get("station_id") != str(store.station_id) or answer.get("device_id") != str(store.device_id):
        raise AuthFailedError(
            f"login {answer.get('role')} belongs to another station or laptop (re-enroll this laptop)"
        )


def _server_enroll(
    channel: Channel, target: OfficeTarget, device_id: uuid.UUID, station: tuple[uuid.UUID, str] | None
) -> Enrollment:
    password = secrets.token_urlsafe(32)
    previous = _keyring_password(target)
    save_password(target, password)  # first: a lost reply must not leave us without the new password
    verifier = channel.conn.pgconn.encrypt_password(password.encode(), target.role.encode(), b"scram-sha-256")
    try:
        with channel.conn.transaction():
            row = channel.conn.execute(
                "SELECT sync.enroll(%s, %s, %s)",
                (device_id, station[0] if station else None, station[1] if station else None),
            ).fetchone()
            channel.conn.execute("ALTER ROLE CURRENT_USER PASSWORD " + psycopg.sql.quote(verifier.decode()))
    except psycopg.Error as exc:
        if isinstance(exc, psycopg.OperationalError):
            raise classify(exc) from exc  # the outcome is unknown: keep the new password
        # A definite refusal (rolled back): the login keeps its old password, so must the keyring.
        if previous is None:
            forget_password(target)
        else:
            save_password(target, previous)
        if exc.sqlstate and exc.sqlstate.startswith("IN"):
            message = exc.diag.message_primary or str(exc)
            raise EnrollmentError(f"注册失败：{message}", f"enrollment refused: {message}") from exc
        raise
    assert row is not None
    info: dict[str, Any] = row[0]
    return Enrollment(
        uuid.UUID(info["station_id"]), str(info["station_code"]), device_id, str(info["db_epoch"])
    )


def _keyring_password(target: OfficeTarget) -> str | None:
    try:
        return load_password(target)
    except AuthFailedError:
        return None


def _already_enrolled(target: OfficeTarget, device_id: uuid.UUID) -> Enrollment | None:
    """A previous attempt committed at the office but never finished here (the reply was lost)."""
    try:
        load_password(target)
        with connect(target) as channel:
            answer = hello(channel)
    except (SyncError, psycopg.Error):
        return None
    if answer.get("device_id") != str(device_id) or answer.get("station_id") is None:
        return None
    return Enrollment(
        uuid.UUID(answer["station_id"]), str(answer["station_code"]), device_id, str(answer["db_epoch"])
    )


def _remember(store: Store, target: OfficeTarget, e: Enrollment) -> None:
    with store.session() as s:
        store.set_meta(local.OFFICE_KEY, target.describe(), s)
        store.set_meta(local.EPOCH_KEY, e.db_epoch, s)
        store.set_meta(local.CURSOR_KEY, list(local.START_CURSOR), s)
        numbers.void_local_blocks(s)
        audit.record(
            s, "enroll", device_id=e.device_id, detail={"role": target.role, "station": e.station_code}
        )


def _connect_with_secret(target: OfficeTarget, secret: str) -> Channel:
    try:
        return connect(target, secret)
    except AuthFailedError as exc:
        raise EnrollmentError(
            "注册口令无效或已使用过",
            f"the enrollment secret is wrong or was already used ({exc.message_en})",
        ) from exc


def enroll_store(store: Store, target: OfficeTarget, secret: str) -> Enrollment:
    """Enroll an existing local database (made by ``inspector init`` or an earlier enrollment)."""
    device_id = store.device_id
    with store.session(read_only=True) as s:
        station = s.get(Station, store.station_id)
        code = station.code if station is not None else None
    e = _already_enrolled(target, device_id)
    if e is None:
        with _connect_with_secret(target, secret) as channel:
            hello(channel)
            e = _server_enroll(channel, target, device_id, (store.station_id, str(code)))
    if e.station_id != store.station_id:
        raise EnrollmentError(
            "检察室不一致", f"station mismatch: office {e.station_id}, here {store.station_id}"
        )
    _remember(store, target, e)
    return e


def enroll_new(
    data_dir: Path,
    target: OfficeTarget,
    secret: str,
    *,
    device_name: str | None = None,
    user: tuple[str, str] | None = None,
    prompt: keys.PassphrasePrompt | None = None,
) -> Store:
    """A new local database for a station that already has data at the office (its second laptop).

    Everything is pulled from the office; ``user`` (name, password) sets up who may sign in here.
    """
    from inspector.sync.run import sync_now

    store = Store.create(data_dir, prompt)
    try:
        device_id = uuid.uuid4()
        with _connect_with_secret(target, secret) as channel:
            hello(channel)
            e = _server_enroll(channel, target, device_id, None)
        with store.session() as s:
            store.set_meta("station_id", str(e.station_id), s)
            store.set_meta("device_id", str(device_id), s)
            store.set_meta("device_name", device_name or platform.node() or "laptop", s)
        _remember(store, target, e)
        sync_now(store)
        with store.session(read_only=True) as s:
            if s.get(Station, e.station_id) is None:
                raise EnrollmentError(
                    f"检察室 {e.station_code} 的第一台电脑尚未同步：请先在那台电脑上同步",
                    f"station {e.station_code}'s first laptop has not synced yet: sync it first",
                )
        if user is not None:
            _set_local_password(store, *user)
    except BaseException:
        store.close()
        Store.discard(data_dir)
        forget_password(target)
        raise
    return store


def _set_local_password(store: Store, username: str, password: str) -> None:
    with store.session() as s:
        found = s.scalars(select(AppUser).where(AppUser.username == username)).first()
        if found is None:
            raise EnrollmentError(f"检察室没有用户 {username}", f"the station has no user {username}")
        s.merge(LocalCredential(user_id=found.id, password_hash=hash_password(password)))
