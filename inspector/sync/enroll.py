"""Enrollment: bind this laptop to its device login at the office, once.

The administrator's one-time secret is used for exactly one connection: in one server transaction
the laptop registers its device id (and, for a station's first laptop, the station's id) and replaces
the login's password with a new random one that only this laptop's keyring knows. The new password
is put in the keyring *before* that transaction, so a lost reply still leaves a working password.
"""

from __future__ import annotations

import os
import platform
import secrets
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import delete, select

from inspector.domain.errors import InspectorError
from inspector.security import audit
from inspector.security.passwords import hash_password
from inspector.store import keys
from inspector.store.models import AppUser, LocalCredential, LocalMeta, Station
from inspector.store.store import AlreadyInitialisedError, Store
from inspector.sync import local, numbers, schema
from inspector.sync.connection import (
    Channel,
    OfficeTarget,
    connect,
    forget_password,
    load_password,
    save_password,
)
from inspector.sync.errors import AuthFailedError, SyncError, UpgradeRequiredError


class EnrollmentError(InspectorError):
    """Enrolling this laptop with the office failed (wrong token, unknown device, another station …)."""

    code = "enrollment"


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


Connector = Callable[[OfficeTarget, str | None], Channel]
"""Opens a channel to the office as the device: with the given password, or (None) the keyring's.
Tests pass one that cuts the connection at any statement."""

PENDING_KEY = "sync.enroll_pending"  # local_meta of a half-made folder: the login it is enrolling with
ENROLLING = ".enrolling"  # that folder: .<data folder name>.enrolling, beside the data folder


def _refusal(exc: psycopg.Error) -> EnrollmentError | None:
    """The office's own refusal (IN00x): a definite answer, nothing was changed there."""
    if exc.sqlstate and exc.sqlstate.startswith("IN"):
        message = exc.diag.message_primary or str(exc)
        return EnrollmentError(f"注册失败：{message}", f"enrollment refused: {message}")
    return None


def _enrollment(info: dict[str, Any], device_id: uuid.UUID) -> Enrollment:
    return Enrollment(
        uuid.UUID(info["station_id"]), str(info["station_code"]), device_id, str(info["db_epoch"])
    )


def _server_bind(channel: Channel, device_id: uuid.UUID, station: tuple[uuid.UUID, str] | None) -> Enrollment:
    """Step one at the office: the login is bound to this laptop's device id (and a station's first
    laptop claims the station). Pending until :func:`_server_confirm`; doing it again changes nothing."""
    try:
        rows = channel.query(
            "SELECT sync.enroll(%s, %s, %s)",
            (device_id, station[0] if station else None, station[1] if station else None),
        )
    except psycopg.Error as exc:
        refused = _refusal(exc)
        if refused is not None:
            raise refused from exc
        raise
    return _enrollment(rows[0][0], device_id)


def _server_confirm(channel: Channel, target: OfficeTarget, device_id: uuid.UUID) -> Enrollment:
    """The last step at the office, in one statement: the binding becomes final and the login's
    password becomes a new random one, put in the keyring *first* — so a lost reply still leaves the
    laptop the password the office may now expect."""
    password = secrets.token_urlsafe(32)
    previous = _keyring_password(target)
    save_password(target, password)
    verifier = channel.conn.pgconn.encrypt_password(password.encode(), target.role.encode(), b"scram-sha-256")
    try:
        rows = channel.query("SELECT sync.enroll_confirm(%s, %s)", (device_id, verifier.decode()))
    except SyncError:
        raise  # cut or timed out: the outcome is unknown, keep the new password
    except psycopg.Error as exc:
        # A definite refusal (rolled back): the login keeps its password, so must the keyring.
        if previous is None:
            forget_password(target)
        else:
            save_password(target, previous)
        if exc.sqlstate == "42883":  # no such function: an office older than this program
            raise UpgradeRequiredError(schema.SCHEMA_VERSION, schema.SCHEMA_VERSION - 1) from exc
        refused = _refusal(exc)
        if refused is not None:
            raise refused from exc
        raise
    return _enrollment(rows[0][0], device_id)


def _keyring_password(target: OfficeTarget) -> str | None:
    try:
        return load_password(target)
    except AuthFailedError:
        return None


def _already_enrolled(target: OfficeTarget, device_id: uuid.UUID, connector: Connector) -> Enrollment | None:
    """An earlier attempt was confirmed at the office (its reply may have been lost): the keyring's
    password logs in and the office knows this login as this laptop, for good."""
    if _keyring_password(target) is None:
        return None
    try:
        with connector(target, None) as channel:
            answer = hello(channel)
    except (SyncError, psycopg.Error):
        return None
    if answer.get("device_id") != str(device_id) or answer.get("station_id") is None:
        return None
    if not answer.get("enrolled"):
        return None
    return _enrollment(answer, device_id)


def _remember(store: Store, target: OfficeTarget, e: Enrollment) -> None:
    """This laptop's side, in one local transaction (again: the same facts, the pull cursor kept)."""
    with store.session() as s:
        store.set_meta(local.OFFICE_KEY, target.describe(), s)
        fresh = store.meta(local.EPOCH_KEY) != e.db_epoch
        store.set_meta(local.EPOCH_KEY, e.db_epoch, s)
        if fresh or store.meta(local.CURSOR_KEY) is None:
            store.set_meta(local.CURSOR_KEY, list(local.START_CURSOR), s)
        numbers.void_local_blocks(s)
        audit.record(
            s, "enroll", device_id=e.device_id, detail={"role": target.role, "station": e.station_code}
        )


def _connect_with_secret(target: OfficeTarget, secret: str, connector: Connector) -> Channel:
    try:
        return connector(target, secret)
    except AuthFailedError as exc:
        raise EnrollmentError(
            "注册口令无效或已使用过",
            f"the enrollment secret is wrong or was already used ({exc.message_en})",
        ) from exc


def enroll_store(
    store: Store, target: OfficeTarget, secret: str, *, connector: Connector = connect
) -> Enrollment:
    """Enroll an existing local database (made by ``inspector init`` or an earlier enrollment).

    Safe to repeat after a cut anywhere: the device id is this database's, the office accepts the same
    binding again, and a confirmation whose reply was lost is found through the keyring's password."""
    device_id = store.device_id
    with store.session(read_only=True) as s:
        station = s.get(Station, store.station_id)
        code = station.code if station is not None else None
    e = _already_enrolled(target, device_id, connector)
    if e is None:
        with _connect_with_secret(target, secret, connector) as channel:
            hello(channel)
            e = _server_bind(channel, device_id, (store.station_id, str(code)))
            if e.station_id != store.station_id:
                raise _station_mismatch(e, store.station_id)
            e = _server_confirm(channel, target, device_id)
    if e.station_id != store.station_id:
        raise _station_mismatch(e, store.station_id)
    _remember(store, target, e)
    return e


def _station_mismatch(e: Enrollment, here: uuid.UUID) -> EnrollmentError:
    return EnrollmentError("检察室不一致", f"station mismatch: office {e.station_id}, here {here}")


def enrolling_folder(data_dir: Path) -> Path:
    """Where a new folder's database is made while it is being enrolled (kept across a cut)."""
    data_dir = Path(os.path.abspath(data_dir))
    return data_dir.parent / f".{data_dir.name}{ENROLLING}"


def _start_or_resume(work: Path, target: OfficeTarget, prompt: keys.PassphrasePrompt | None) -> Store:
    """The half-made database of an earlier attempt with the same login (its device id kept), or a new
    one. One left by an attempt with another login is discarded."""
    if Store.exists(work):
        try:
            store = Store.open(work, prompt)
        except InspectorError:
            store = None
        if store is not None and (store.meta(PENDING_KEY) or {}).get("role") == target.role:
            return store
        if store is not None:
            store.close()
        Store.discard(work)
    shutil.rmtree(work, ignore_errors=True)
    store = Store.create(work, prompt)
    with store.session() as s:
        store.set_meta("device_id", str(uuid.uuid4()), s)
        store.set_meta(PENDING_KEY, {"role": target.role}, s)
    return store


def enroll_new(
    data_dir: Path,
    target: OfficeTarget,
    secret: str,
    *,
    device_name: str | None = None,
    user: tuple[str, str] | None = None,
    prompt: keys.PassphrasePrompt | None = None,
    connector: Connector = connect,
) -> Store:
    """A new local database for a station that already has data at the office (its second laptop).

    Everything is pulled from the office; ``user`` (name, password) sets up who may sign in here. The
    database is made in ``.<folder>.enrolling`` beside ``data_dir`` and moved into place only when the
    office has confirmed the enrollment. If anything fails after the office may have bound this
    laptop's device id, that folder (the device id, what was pulled) and the keyring entry are kept,
    and ``enroll`` again with the same secret carries on where it stopped; a wrong secret leaves
    nothing behind.
    """
    from inspector.sync.run import sync_now

    if Store.exists(data_dir):
        raise AlreadyInitialisedError(data_dir)
    work = enrolling_folder(data_dir)
    resumed = Store.exists(work)
    store = _start_or_resume(work, target, prompt)
    keep = resumed
    try:
        device_id = store.device_id
        e = _already_enrolled(target, device_id, connector)
        confirmed = e is not None
        if e is None:
            with _connect_with_secret(target, secret, connector) as channel:
                hello(channel)
                keep = True  # from here the office may hold this device id: never lose it
                try:
                    e = _server_bind(channel, device_id, None)
                except EnrollmentError:
                    keep = resumed  # refused: nothing was bound
                    raise
        with store.session() as s:
            store.set_meta("station_id", str(e.station_id), s)
            store.set_meta("device_name", device_name or platform.node() or "laptop", s)
        _remember(store, target, e)
        sync_now(store, channel_factory=lambda t: connector(t, None if confirmed else secret))
        with store.session(read_only=True) as s:
            if s.get(Station, e.station_id) is None:
                raise EnrollmentError(
                    f"检察室 {e.station_code} 的第一台电脑尚未同步：请先在那台电脑上同步，再重新注册本机",
                    f"station {e.station_code}'s first laptop has not synced yet: sync it first, then "
                    "enroll this laptop again",
                )
        if user is not None:
            _set_local_password(store, *user)
        if not confirmed:
            with _connect_with_secret(target, secret, connector) as channel:
                hello(channel)
                _server_confirm(channel, target, device_id)
        with store.session() as s:
            s.execute(delete(LocalMeta).where(LocalMeta.key == PENDING_KEY))
        return store.move_into_place(data_dir)
    except BaseException:
        store.close()
        if not keep:
            Store.discard(work)
            shutil.rmtree(work, ignore_errors=True)
        raise


def _set_local_password(store: Store, username: str, password: str) -> None:
    with store.session() as s:
        found = s.scalars(select(AppUser).where(AppUser.username == username)).first()
        if found is None:
            raise EnrollmentError(f"检察室没有用户 {username}", f"the station has no user {username}")
        s.merge(LocalCredential(user_id=found.id, password_hash=hash_password(password)))
