"""The station's users, managed by an administrator: list, add, set a password on this laptop, change
name or role, deactivate and reactivate.

Users are never deleted: records keep their author (``created_by``, 检察人员 …), and a deactivated user
simply cannot sign in any more (:func:`inspector.services.auth.sign_in` refuses them). The ``app_user``
row syncs to the office like any record (sync columns stamped, the outbox trigger captures it); the
password is only ever hashed (scrypt) into ``local_credential`` on this laptop, which neither sync nor
the export reads. A user pulled from the office therefore has no password here until an administrator
sets one (:func:`reset_password`): :attr:`UserView.has_password`.

Every call checks :func:`may_manage_users` (an administrator; while the station has no active
administrator, a 检察官 or 检察长 — else the first user, who is a 检察官, could never add one), validates
(each message names the field), writes and appends an audit entry — never with the password — in one
transaction. An administrator cannot deactivate or demote the last active administrator, nor
deactivate or change the role of the user they are signed in as.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.domain.enums import Role
from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.records import APP_USER, username_errors
from inspector.security import audit
from inspector.security.passwords import MIN_PASSWORD, hash_password
from inspector.services.auth import clear_failures
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may, role_label
from inspector.services.records import StaleEditError, apply_update, version_of
from inspector.store.models import AppUser, LocalCredential
from inspector.store.repository import RecordNotFoundError, prepare_row, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "UserView",
    "add_user",
    "list_users",
    "may_manage_users",
    "password_errors",
    "reset_password",
    "set_active",
    "update_user",
]

KIND = "app_user"


@dataclass(frozen=True)
class UserView:
    """One row of the users page."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool  # a password to sign in with on this laptop
    created_at: datetime
    version: str  # the row's version (services.records.version_of): a change elsewhere gives a new one

    @property
    def role_label(self) -> str:
        return role_label(self.role)


def may_manage_users(store: Store, actor: Actor) -> bool:
    """An administrator may; so may a 检察官 or 检察长 while the station has no active administrator
    (the set-up's first user is a 检察官: without this nobody could add the first administrator)."""
    if may(actor, Permission.USERS):
        return True
    if actor.role not in (Role.PROCURATOR.value, Role.CHIEF.value):
        return False
    with store.session(read_only=True) as s:
        return _active_admins(s, actor.station_id) == 0


def _require_manage(store: Store, actor: Actor) -> None:
    if not may_manage_users(store, actor):
        raise PermissionDeniedError(actor.role, Permission.USERS)


def _active_admins(s: Session, station_id: uuid.UUID) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(AppUser)
            .where(
                AppUser.station_id == station_id,
                AppUser.role == Role.ADMIN.value,
                AppUser.active.is_(True),
                AppUser.deleted_at.is_(None),
            )
        )
        or 0
    )


def password_errors(password: str) -> list[FieldError]:
    """Problems with a new password (the same rule as ``inspector init``)."""
    if len(password) < MIN_PASSWORD:
        return [
            FieldError(
                "password", f"密码至少需要{MIN_PASSWORD}个字符", f"password needs {MIN_PASSWORD}+ characters"
            )
        ]
    return []


def _view(user: AppUser, has_password: bool) -> UserView:
    return UserView(
        user.id,
        user.username,
        user.display_name,
        user.role,
        bool(user.active),
        has_password,
        user.created_at,
        version_of(user),
    )


def _view_in(s: Session, user: AppUser) -> UserView:
    return _view(user, s.get(LocalCredential, user.id) is not None)


def list_users(store: Store, actor: Actor) -> list[UserView]:
    """The station's users (deactivated ones too) in the order they were added."""
    _require_manage(store, actor)
    with store.session(read_only=True) as s:
        with_password = set(s.scalars(select(LocalCredential.user_id)))
        users = s.scalars(
            select(AppUser)
            .where(AppUser.station_id == actor.station_id, AppUser.deleted_at.is_(None))
            .order_by(AppUser.created_at, AppUser.username)
        )
        return [_view(u, u.id in with_password) for u in users]


# ---- adding -----------------------------------------------------------------------------------------


def _role_errors(role: str) -> list[FieldError]:
    if role in Role.values():
        return []
    return [FieldError("role", f"角色取值无效：{role}", f"role has an invalid value: {role}")]


def _display_name_errors(display_name: str) -> list[FieldError]:
    return APP_USER.errors({"display_name": display_name}, today=today_local(), partial=True)


def add_user(
    store: Store, actor: Actor, *, username: str, display_name: str, role: str, password: str
) -> UserView:
    """A new active user with a password on this laptop; the user row syncs, the password does not.

    Raises :class:`ValidationError` naming each bad field (``username``, ``display_name``, ``role``,
    ``password``), including a user name the station already has (in any letter case, deactivated
    users too)."""
    _require_manage(store, actor)
    name, shown = username.strip(), display_name.strip()
    problems = [
        *username_errors(name),
        *_display_name_errors(shown),
        *_role_errors(role),
        *password_errors(password),
    ]
    if problems:
        raise ValidationError(KIND, problems)
    hashed = hash_password(password)  # before the write lock: scrypt takes a moment
    with store.session() as s:
        taken = s.scalar(
            select(AppUser.username).where(
                AppUser.station_id == actor.station_id, func.lower(AppUser.username) == name.lower()
            )
        )
        if taken is not None:
            raise ValidationError(
                KIND,
                [
                    FieldError(
                        "username",
                        f"用户名“{taken}”已被使用（含已停用的用户），请换一个",
                        f"username {taken!r} is taken",
                    )
                ],
            )
        values = {"username": name, "display_name": shown, "role": role, "active": True}
        row = prepare_row(AppUser, values, actor.write_actor, today_local(), utc_now())
        user = AppUser(**row)
        s.add(user)
        s.add(LocalCredential(user_id=user.id, password_hash=hashed))
        s.flush()
        _audit(s, actor, "user_add", user.id, {"username": name, "role": role})
        return _view(user, True)


# ---- changing --------------------------------------------------------------------------------------


def _user(s: Session, actor: Actor, user_id: uuid.UUID) -> AppUser:
    user = s.get(AppUser, user_id)
    if user is None or user.deleted_at is not None or user.station_id != actor.station_id:
        raise RecordNotFoundError(KIND, user_id)
    return user


def _check_version(user: AppUser, base_version: str | None, changes: dict[str, Any]) -> None:
    if base_version is not None and version_of(user) != base_version:
        theirs = {"username": user.username, "display_name": user.display_name, "role": user.role,
                  "active": user.active}  # fmt: skip
        raise StaleEditError(KIND, user.id, theirs, sorted(k for k in changes if k in theirs))


def _other_active_admins(s: Session, actor: Actor, user_id: uuid.UUID) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(AppUser)
            .where(
                AppUser.station_id == actor.station_id,
                AppUser.id != user_id,
                AppUser.role == Role.ADMIN.value,
                AppUser.active.is_(True),
                AppUser.deleted_at.is_(None),
            )
        )
        or 0
    )


def _refuse_losing_last_admin(s: Session, actor: Actor, user: AppUser, field: str) -> None:
    if user.role == Role.ADMIN.value and user.active and _other_active_admins(s, actor, user.id) == 0:
        what = "停用" if field == "active" else "改为其他角色"
        raise ValidationError(
            KIND,
            [
                FieldError(
                    field,
                    f"{user.display_name}是唯一在用的{Role.ADMIN.label}，不能{what}：请先添加或启用另一名{Role.ADMIN.label}",
                    f"{user.username} is the last active administrator",
                )
            ],
        )


def update_user(
    store: Store,
    actor: Actor,
    user_id: uuid.UUID,
    *,
    display_name: str | None = None,
    role: str | None = None,
    base_version: str | None = None,
) -> UserView:
    """Change a user's 姓名 and/or 角色 (None: unchanged). The user name never changes: it is how the
    user signs in, on every laptop of the station."""
    _require_manage(store, actor)
    changes: dict[str, Any] = {}
    problems: list[FieldError] = []
    if display_name is not None:
        changes["display_name"] = display_name.strip()
        problems += _display_name_errors(changes["display_name"])
    if role is not None:
        changes["role"] = role
        problems += _role_errors(role)
    if problems:
        raise ValidationError(KIND, problems)
    with store.session() as s:
        user = _user(s, actor, user_id)
        _check_version(user, base_version, changes)
        changes = {k: v for k, v in changes.items() if getattr(user, k) != v}
        if not changes:
            return _view_in(s, user)
        if "role" in changes:
            if user.id == actor.user_id:
                raise ValidationError(
                    KIND,
                    [
                        FieldError(
                            "role", "不能修改自己（当前登录用户）的角色", "you cannot change your own role"
                        )
                    ],
                )
            _refuse_losing_last_admin(s, actor, user, "role")
        detail = {"role_from": user.role, "role_to": changes["role"]} if "role" in changes else {}
        apply_update(s, KIND, user, changes, actor, action="user_update", detail=detail)
        return _view_in(s, user)


def set_active(
    store: Store, actor: Actor, user_id: uuid.UUID, active: bool, *, base_version: str | None = None
) -> UserView:
    """停用 (``active`` False: the user can no longer sign in; their records keep their name) or 启用."""
    _require_manage(store, actor)
    with store.session() as s:
        user = _user(s, actor, user_id)
        _check_version(user, base_version, {"active": active})
        if user.active == active:
            return _view_in(s, user)
        if not active:
            if user.id == actor.user_id:
                raise ValidationError(
                    KIND,
                    [FieldError("active", "不能停用自己（当前登录用户）", "you cannot deactivate yourself")],
                )
            _refuse_losing_last_admin(s, actor, user, "active")
        apply_update(
            s, KIND, user, {"active": active}, actor, action="user_activate" if active else "user_deactivate"
        )
        return _view_in(s, user)


def reset_password(store: Store, actor: Actor, user_id: uuid.UUID, password: str) -> UserView:
    """Set the user's password on this laptop (a new one, or a first one for a user pulled from the
    office); their wrong-password count and any lockout are cleared. Nothing about it syncs."""
    _require_manage(store, actor)
    problems = password_errors(password)
    if problems:
        raise ValidationError(KIND, problems)
    hashed = hash_password(password)
    with store.session() as s:
        user = _user(s, actor, user_id)
        credential = s.get(LocalCredential, user.id)
        first = credential is None
        if credential is None:
            s.add(LocalCredential(user_id=user.id, password_hash=hashed))
        else:
            credential.password_hash = hashed
            credential.changed_at = utc_now()
        clear_failures(s, user.id)
        s.flush()
        _audit(s, actor, "password_set" if first else "password_reset", user.id, {})
        return _view(user, True)


def _audit(s: Session, actor: Actor, action: str, user_id: uuid.UUID, detail: dict[str, Any]) -> None:
    audit.record(s, action, user_id=actor.user_id, device_id=actor.device_id, table_name=KIND,
                 row_id=user_id, detail=detail)  # fmt: skip
