"""Who is acting, and what each role may do.

The same table answers three questions: the service's "may this actor do it?" before a write, the
UI's "may I show this button?" (:func:`may`), and the users page's "what may this role do?"
(:func:`role_summary`). Only a procurator or the chief signs (签发) a notice or a suggestion; an
assistant (检察官助理) or a clerk (书记员) edits records and sees 待检察官签发; an administrator manages
users and settings but writes no supervision records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from inspector.domain.enums import Role
from inspector.domain.errors import InspectorError
from inspector.store.models import AppUser
from inspector.store.repository import Actor as WriteActor
from inspector.store.store import Store


class Permission(StrEnum):
    EDIT = "edit"  # create, change, delete and restore records; life-cycle steps other than 签发
    SIGN = "sign"  # 签发 a 纠正违法通知书 or 检察建议书
    SETTINGS = "settings"  # station settings
    USERS = "users"  # add users, reset passwords, deactivate


POLICY: dict[str, frozenset[Permission]] = {
    Role.PROCURATOR: frozenset({Permission.EDIT, Permission.SIGN, Permission.SETTINGS}),
    Role.CHIEF: frozenset({Permission.EDIT, Permission.SIGN, Permission.SETTINGS}),
    Role.ASSISTANT: frozenset({Permission.EDIT}),
    Role.CLERK: frozenset({Permission.EDIT}),
    Role.ADMIN: frozenset({Permission.SETTINGS, Permission.USERS}),
}

ROLES: tuple[Role, ...] = tuple(Role)
"""Every role in the order a person chooses from (the users page's 角色)."""

_ACTION_LABELS = {
    Permission.EDIT: "录入或修改记录",
    Permission.SIGN: "签发文书",
    Permission.SETTINGS: "修改检察室设置",
    Permission.USERS: "管理用户",
}


def role_label(role: str) -> str:
    """The role's Chinese name (the stored value itself for a role this version does not know)."""
    return next((r.label for r in Role if r.value == role), role)


def role_summary(role: str) -> str:
    """What ``role`` may and may not do, in words, from :data:`POLICY`: e.g. for an assistant
    "可以录入或修改记录；不能签发文书、修改检察室设置、管理用户"."""
    allowed = POLICY.get(role, frozenset())
    may_do = [_ACTION_LABELS[p] for p in Permission if p in allowed]
    may_not = [_ACTION_LABELS[p] for p in Permission if p not in allowed]
    parts: list[str] = []
    if may_do:
        parts.append("可以" + "、".join(may_do))
    if may_not:
        parts.append("不能" + "、".join(may_not))
    return "；".join(parts)


class PermissionDeniedError(InspectorError):
    """Code ``permission_denied``; params: ``role`` and ``permission`` (stored values), ``role_label``
    and ``action`` (their Chinese wording)."""

    code = "permission_denied"

    def __init__(self, role: str, permission: Permission) -> None:
        super().__init__(
            f"{role_label(role)}不能{_ACTION_LABELS[permission]}"
            + ("：待检察官签发" if permission is Permission.SIGN else ""),
            f"a user with role {role} may not {permission.value}",
            params={
                "role": role,
                "permission": permission.value,
                "role_label": role_label(role),
                "action": _ACTION_LABELS[permission],
            },
        )
        self.permission = permission


@dataclass(frozen=True)
class Actor:
    """The signed-in user at this station and device, with the role that decides what they may do."""

    station_id: uuid.UUID
    device_id: uuid.UUID
    user_id: uuid.UUID | None
    role: str
    display_name: str = ""

    @property
    def write_actor(self) -> WriteActor:
        """What the store stamps into ``created_by`` / ``updated_by`` / ``device_id``."""
        return WriteActor(station_id=self.station_id, device_id=self.device_id, user_id=self.user_id)


def may(actor: Actor, permission: Permission) -> bool:
    return permission in POLICY.get(actor.role, frozenset())


def require(actor: Actor, permission: Permission) -> None:
    if not may(actor, permission):
        raise PermissionDeniedError(actor.role, permission)


def actor_for(store: Store, user_id: uuid.UUID | None = None) -> Actor:
    """The actor for ``user_id`` (default: the user the store is signed in as, else the first active
    procurator — until the sign-in screen exists)."""
    wanted = user_id or store.actor.user_id
    with store.session(read_only=True) as s:
        stmt = select(AppUser).where(AppUser.deleted_at.is_(None), AppUser.active.is_(True))
        if wanted is not None:
            user = s.scalar(stmt.where(AppUser.id == wanted))
        else:
            users = list(s.scalars(stmt.order_by(AppUser.created_at)))
            signing = [u for u in users if u.role in (Role.PROCURATOR, Role.CHIEF)]
            user = (signing or users)[0] if users else None
    if user is None:
        raise InspectorError(
            "找不到可用的用户：请先设置检察室和第一个用户",
            "no active user: set up the station and a first user",
        )
    return Actor(
        station_id=store.station_id,
        device_id=store.device_id,
        user_id=user.id,
        role=user.role,
        display_name=user.display_name,
    )
