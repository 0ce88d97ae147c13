"""Signing in on this laptop: who may, when a user is locked out, and the idle lock's unlock.

Passwords are checked against the scrypt hash in ``local_credential`` (never synced). Failed
attempts are counted per user in ``local_meta`` (this laptop only): after the station's
``security.max_sign_in_failures`` in a row the user is locked for ``security.lockout_minutes``.
Unlocking the idle lock counts the same way, so the lock screen is no way round the lockout.
Every sign-in, failure, lockout, lock, unlock and sign-out is an entry in the audit chain, written in
the same transaction as the counter it changes. Password checks take about 50 ms (scrypt): callers in
the UI run them off the GUI thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.domain.errors import InspectorError
from inspector.domain.validation import SHANGHAI
from inspector.security import audit
from inspector.security.passwords import verify_password
from inspector.services.policy import Actor
from inspector.station_settings import (
    SETTING_IDLE_LOCK_MINUTES,
    SETTING_LOCKOUT_MINUTES,
    SETTING_MAX_FAILURES,
    security_value,
)
from inspector.store.models import AppUser, LocalCredential, LocalMeta
from inspector.store.queries import station_setting_values
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "SecurityPolicy",
    "SignInError",
    "SignInUser",
    "clear_failures",
    "record_lock",
    "security_policy",
    "sign_in",
    "sign_in_users",
    "sign_out",
    "unlock",
]

_FAILURES_KEY = "sign_in_failures:{user_id}"


@dataclass(frozen=True)
class SecurityPolicy:
    max_failures: int
    lockout_minutes: int
    idle_lock_minutes: int


@dataclass(frozen=True)
class SignInUser:
    """One entry of the sign-in screen's user list."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str

    @property
    def label(self) -> str:
        return f"{self.display_name}（{self.username}）"


class SignInError(InspectorError):
    """A refused sign-in or unlock. ``locked_until`` is set while the user is locked out;
    ``tries_left`` is how many more wrong passwords lock them (None when it does not apply)."""

    def __init__(
        self, zh: str, en: str, *, locked_until: datetime | None = None, tries_left: int | None = None
    ) -> None:
        super().__init__(zh, en)
        self.locked_until = locked_until
        self.tries_left = tries_left


def security_policy(store: Store) -> SecurityPolicy:
    with store.session(read_only=True) as s:
        stored = station_setting_values(s, store.station_id)
    return SecurityPolicy(
        max_failures=security_value(stored, SETTING_MAX_FAILURES),
        lockout_minutes=security_value(stored, SETTING_LOCKOUT_MINUTES),
        idle_lock_minutes=security_value(stored, SETTING_IDLE_LOCK_MINUTES),
    )


def sign_in_users(store: Store) -> list[SignInUser]:
    """Active users of this station who have a password on this laptop, in the order they were added."""
    with store.session(read_only=True) as s:
        rows = s.execute(
            select(AppUser)
            .join(LocalCredential, LocalCredential.user_id == AppUser.id)
            .where(
                AppUser.station_id == store.station_id,
                AppUser.deleted_at.is_(None),
                AppUser.active.is_(True),
            )
            .order_by(AppUser.created_at)
        ).scalars()
        return [SignInUser(u.id, u.username, u.display_name, u.role) for u in rows]


def sign_in(store: Store, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """The actor for ``username`` if ``password`` is theirs; the store is then signed in as them.

    Raises :class:`SignInError` (wrong user or password, locked out, deactivated). An unknown user
    name gets the same message as a wrong password, so the screen does not confirm who exists.
    """
    at = now or utc_now()
    policy = security_policy(store)
    device = store.device_id
    name = username.strip()
    with store.session() as s:
        user = s.scalar(
            select(AppUser).where(
                AppUser.station_id == store.station_id,
                AppUser.username == name,
                AppUser.deleted_at.is_(None),
            )
        )
        credential = s.get(LocalCredential, user.id) if user is not None else None
        if user is None or credential is None:
            _audit(s, device, "sign_in_failed", None, {"username": name, "reason": "unknown user"})
            s.commit()  # the refusal keeps its audit entry
            raise SignInError("用户名或密码不正确", "wrong user name or password")
        if not user.active:
            _audit(s, device, "sign_in_failed", user.id, {"reason": "deactivated"})
            s.commit()
            raise SignInError(
                "该用户已停用，请联系管理员", "this user has been deactivated; ask the administrator"
            )
        _check_password(s, device, user.id, credential.password_hash, password, policy, at, "sign_in")
        _audit(s, device, "sign_in", user.id, {})
        actor = Actor(store.station_id, device, user.id, user.role, user.display_name)
    store.sign_in_as(actor.user_id)
    return actor


def unlock(store: Store, actor: Actor, password: str, *, now: datetime | None = None) -> None:
    """Unlock the idle lock for the same user; wrong passwords count towards the lockout."""
    if actor.user_id is None:
        raise SignInError("没有已登录的用户", "no signed-in user")
    at = now or utc_now()
    policy = security_policy(store)
    device = store.device_id
    with store.session() as s:
        credential = s.get(LocalCredential, actor.user_id)
        user = s.get(AppUser, actor.user_id)
        if credential is None or user is None or not user.active or user.deleted_at is not None:
            _audit(s, device, "unlock_failed", actor.user_id, {"reason": "no longer active"})
            s.commit()
            raise SignInError(
                "该用户已停用或在本机没有密码，请切换用户",
                "this user can no longer sign in here; switch user",
            )
        _check_password(s, device, actor.user_id, credential.password_hash, password, policy, at, "unlock")
        _audit(s, device, "unlock", actor.user_id, {})


def record_lock(store: Store, actor: Actor, reason: str) -> None:
    """The audit entry for the window being locked (``reason``: ``idle`` or ``manual``)."""
    device = store.device_id
    with store.session() as s:
        _audit(s, device, "lock", actor.user_id, {"reason": reason})


def sign_out(store: Store, actor: Actor) -> None:
    device = store.device_id
    with store.session() as s:
        _audit(s, device, "sign_out", actor.user_id, {})
    store.sign_in_as(None)


# ---- the failure counter ----------------------------------------------------------------------------


def _check_password(
    s: Session,
    device: uuid.UUID,
    user_id: uuid.UUID,
    stored_hash: str,
    password: str,
    policy: SecurityPolicy,
    at: datetime,
    action: str,
) -> None:
    """Refuse while locked; count a wrong password (locking at the limit); reset on success.

    A refusal must still keep its audit entry and counter, so this commits before raising."""
    key = _FAILURES_KEY.format(user_id=user_id.hex)
    state = _failures(s, key)
    locked_until = _parse(state.get("locked_until"))
    if locked_until is not None and at < locked_until:
        _audit(s, device, f"{action}_failed", user_id, {"reason": "locked out"})
        s.commit()
        raise _locked_error(locked_until)
    if verify_password(password, stored_hash):
        if state:
            s.merge(LocalMeta(key=key, value={}))
        return
    count = (0 if locked_until is not None else int(state.get("count", 0))) + 1
    if count >= policy.max_failures:
        until = at + timedelta(minutes=policy.lockout_minutes)
        s.merge(LocalMeta(key=key, value={"count": count, "locked_until": until.isoformat()}))
        _audit(s, device, f"{action}_failed", user_id, {"reason": "wrong password", "count": count})
        _audit(s, device, "lockout", user_id, {"until": until.isoformat(), "minutes": policy.lockout_minutes})
        s.commit()
        raise _locked_error(until)
    s.merge(LocalMeta(key=key, value={"count": count}))
    _audit(s, device, f"{action}_failed", user_id, {"reason": "wrong password", "count": count})
    s.commit()
    left = policy.max_failures - count
    raise SignInError(
        f"密码不正确（再错 {left} 次将锁定 {policy.lockout_minutes} 分钟）",
        f"wrong password ({left} more and the user is locked for {policy.lockout_minutes} minutes)",
        tries_left=left,
    )


def clear_failures(s: Session, user_id: uuid.UUID) -> None:
    """Forget a user's wrong passwords and lockout, in the caller's transaction (an administrator set
    a new password: :func:`inspector.services.users.reset_password`)."""
    key = _FAILURES_KEY.format(user_id=user_id.hex)
    if s.get(LocalMeta, key) is not None:
        s.merge(LocalMeta(key=key, value={}))


def _locked_error(until: datetime) -> SignInError:
    local = until.astimezone(SHANGHAI).strftime("%H:%M")
    return SignInError(
        f"密码连续输错次数过多，该用户已锁定，请于 {local} 后再试",
        f"too many wrong passwords: this user is locked until {local}",
        locked_until=until,
    )


def _failures(s: Session, key: str) -> dict[str, Any]:
    row = s.get(LocalMeta, key)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _audit(
    s: Session, device: uuid.UUID, action: str, user_id: uuid.UUID | None, detail: dict[str, Any]
) -> None:
    audit.record(s, action, user_id=user_id, device_id=device, table_name="app_user",
                 row_id=user_id, detail=detail)  # fmt: skip
