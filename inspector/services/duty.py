"""The duty roster (值班与在岗): the staff list, the plan (who is planned how on which day) and the
sign-ins (who was on site, from when to when), read for a month and written cell by cell.

Every write is one transaction with the role check, validation, a version check and an audit entry
per row (docs/design.md, "Services and forms"). A plan cell's version is the state it showed: a change
names the state it was made over (``expected``), and if another window or a sync pull has changed
the cell since, nothing is written (:class:`StaleRosterError`, naming the cells). A sign-in's version
is its values (time in, time out, note) in the same way. A cleared cell is a soft delete; setting it
again brings that row back, since a cell's id is derived from the station, the person and the day
(:func:`inspector.store.models.duty.plan_id`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.documents.duty_roster import (
    SHORT_STATE,
    DutyRosterDoc,
    RosterPerson,
    SignInRow,
    build_duty_roster_xlsx,
    compile_duty_roster,
    problem_lines,
)
from inspector.documents.rules_bridge import holiday_calendar, rule_settings
from inspector.domain.enums import DutyState, Role
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.records import SPECS
from inspector.domain.validation import work_day_errors
from inspector.rules._labels import label
from inspector.rules.duty import roster_day
from inspector.rules.periods import zh_date
from inspector.rules.targets import week_bounds
from inspector.security import audit
from inspector.services import records
from inspector.services.policy import Actor, Permission, require, role_label
from inspector.store.models import AppUser, DutyPlan, DutySignIn, StaffMember
from inspector.store.models.duty import plan_id, sign_in_id, staff_id_for_user
from inspector.store.repository import RecordNotFoundError, prepare_row, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "SHORT_STATE",
    "CellChange",
    "CopyResult",
    "DutyRosterDoc",
    "RosterPerson",
    "SignInRow",
    "StaffView",
    "StaleRosterError",
    "add_staff_from_users",
    "clear_sign_in",
    "copy_previous_week",
    "export_month_xlsx",
    "fill_working_days",
    "list_staff",
    "load_month",
    "my_staff_id",
    "problem_lines",
    "save_sign_in",
    "save_staff",
    "set_plan",
]

ROSTER_ROLES = frozenset({Role.PROCURATOR, Role.CHIEF, Role.ASSISTANT, Role.CLERK})
"""Users :func:`add_staff_from_users` puts on the roster (not the administrator)."""


class StaleRosterError(InspectorError):
    """Cells changed since the page read them; ``cells`` lists (person, day, state now)."""

    def __init__(self, cells: list[tuple[str, date, str]]) -> None:
        shown = "；".join(f"{name} {zh_date(day)}现为{now or '空'}" for name, day, now in cells[:5])
        more = f"等{len(cells)}处" if len(cells) > 5 else ""
        super().__init__(
            f"值班表在您打开之后已被修改（{shown}{more}），未保存。请刷新后重新修改。",
            f"{len(cells)} roster cell(s) changed since they were read; nothing saved",
        )
        self.cells = cells


# ---- the staff list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffView:
    id: uuid.UUID
    name: str
    position: str
    user_id: uuid.UUID | None
    user_name: str
    counts_toward_minimum: bool
    sort_order: int
    active: bool
    version: str


def list_staff(store: Store, *, include_inactive: bool = True) -> list[StaffView]:
    with store.session(read_only=True) as s:
        stmt = select(StaffMember).where(StaffMember.deleted_at.is_(None))
        if not include_inactive:
            stmt = stmt.where(StaffMember.active)
        rows = list(s.scalars(stmt.order_by(StaffMember.sort_order, StaffMember.name)))
        users: dict[uuid.UUID, str] = {i: n for i, n in s.execute(select(AppUser.id, AppUser.display_name))}
    return [
        StaffView(
            r.id,
            r.name,
            r.position or "",
            r.user_id,
            users.get(r.user_id, "") if r.user_id else "",
            r.counts_toward_minimum,
            r.sort_order,
            r.active,
            records.version_of(r),
        )
        for r in rows
    ]


def save_staff(
    store: Store,
    staff_id: uuid.UUID | None,
    changes: Mapping[str, Any],
    base_version: str | None,
    actor: Actor,
) -> records.Saved:
    """Add a person to the staff list (``staff_id`` None) or change one. A user is on the list at most
    once; their entry's id is derived from the user, so two laptops adding the same user agree."""
    if staff_id is not None:
        return records.save(store, "staff_member", staff_id, changes, base_version, actor)
    require(actor, Permission.EDIT)
    values = records._clean("staff_member", changes)
    with store.session() as s:
        obj = _insert_staff(s, values, actor)
        return records.Saved(obj.id, records.version_of(obj), [])


def _insert_staff(s: Session, values: dict[str, Any], actor: Actor) -> StaffMember:
    user_id = values.get("user_id")
    if isinstance(user_id, str):
        user_id = values["user_id"] = uuid.UUID(user_id)
    if user_id is not None:
        values["id"] = staff_id_for_user(actor.station_id, user_id)
        existing = s.get(StaffMember, values["id"])
        if existing is not None:
            raise ValidationError(
                "staff_member",
                [
                    FieldError(
                        "user_id",
                        f"该用户已在值班人员名单中（{existing.name}）"
                        + ("，已删除的请恢复" if existing.deleted_at is not None else ""),
                        "this user is on the staff list already",
                    )
                ],
            )
    row = prepare_row(StaffMember, values, actor.write_actor, today_local(), utc_now())
    records._refuse_missing("staff_member", row)
    obj = StaffMember(**row)
    s.add(obj)
    s.flush()
    _audit(s, "create", actor, "staff_member", obj.id, {"fields": sorted(k for k, v in values.items() if v)})
    return obj


def add_staff_from_users(store: Store, actor: Actor) -> int:
    """Put every active user who does supervision work (not the administrator) on the staff list, if
    not there yet; returns how many were added."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        listed = set(s.scalars(select(StaffMember.user_id).where(StaffMember.user_id.is_not(None))))
        users = s.scalars(
            select(AppUser)
            .where(AppUser.deleted_at.is_(None), AppUser.active, AppUser.role.in_(ROSTER_ROLES))
            .order_by(AppUser.created_at)
        ).all()
        top = max(s.scalars(select(StaffMember.sort_order)).all(), default=0)
        added = 0
        for user in users:
            if user.id in listed:
                continue
            top += 10
            position = role_label(user.role) if user.role in Role.values() else None
            _insert_staff(
                s,
                {"name": user.display_name, "user_id": user.id, "position": position, "sort_order": top},
                actor,
            )
            added += 1
        return added


def my_staff_id(store: Store, actor: Actor) -> uuid.UUID | None:
    """The signed-in user's entry on the staff list, if they have one."""
    if actor.user_id is None:
        return None
    with store.session(read_only=True) as s:
        return s.scalar(
            select(StaffMember.id).where(
                StaffMember.user_id == actor.user_id, StaffMember.deleted_at.is_(None)
            )
        )


# ---- reading a month ----------------------------------------------------------------------------------


def load_month(store: Store, year: int, month: int, *, today: date | None = None) -> DutyRosterDoc:
    """The month as the page, the printed table and the export read it."""
    station_id = store.station_id
    with store.session(read_only=True) as s:
        return compile_duty_roster(s, station_id, year, month, today=today)


def export_month_xlsx(store: Store, year: int, month: int) -> bytes:
    return build_duty_roster_xlsx(load_month(store, year, month))


# ---- the plan -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellChange:
    """Set ``staff_id``'s plan on ``day`` to ``state`` (a :class:`DutyState` value; None clears it),
    made over ``expected``, the state the cell showed."""

    staff_id: uuid.UUID
    day: date
    state: str | None
    expected: str | None


def _audit(
    s: Session, action: str, actor: Actor, table: str, row_id: uuid.UUID, detail: dict[str, Any]
) -> None:
    audit.record(
        s,
        action,
        user_id=actor.user_id,
        device_id=actor.device_id,
        table_name=table,
        row_id=row_id,
        detail=detail,
    )


def _staff(s: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StaffMember]:
    wanted = set(ids)
    found = {
        m.id: m
        for m in s.scalars(
            select(StaffMember).where(StaffMember.id.in_(wanted), StaffMember.deleted_at.is_(None))
        )
    }
    missing = wanted - set(found)
    if missing:
        raise RecordNotFoundError("staff_member", next(iter(missing)))
    return found


def _check_cells(changes: Sequence[CellChange]) -> None:
    errors: list[FieldError] = []
    for c in changes:
        if c.state is not None and c.state not in DutyState.values():
            choices = "、".join(m.label for m in DutyState)
            errors.append(
                FieldError("state", f"安排应为{choices}之一：{c.state}", f"invalid state {c.state!r}")
            )
        errors.extend(work_day_errors("day", "日期", c.day))
    if errors:
        raise ValidationError("duty_plan", errors)


def _current(obj: DutyPlan | None) -> str | None:
    return None if obj is None or obj.deleted_at is not None else obj.state


def _write_cell(s: Session, obj: DutyPlan | None, change: CellChange, actor: Actor) -> bool:
    """Apply one cell (its version already checked); whether anything changed."""
    now = _current(obj)
    if change.state == now:
        return False
    if obj is None:
        assert change.state is not None
        values = {
            "id": plan_id(actor.station_id, change.staff_id, change.day),
            "staff_id": change.staff_id,
            "day": change.day,
            "state": change.state,
        }
        row = prepare_row(DutyPlan, values, actor.write_actor, today_local(), utc_now())
        s.add(DutyPlan(**row))
        s.flush()
        _audit(s, "create", actor, "duty_plan", row["id"], {"fields": ["day", "staff_id", "state"]})
        return True
    obj.updated_by, obj.device_id = actor.user_id, actor.device_id
    if change.state is None:
        obj.deleted_at = utc_now()
        action = "delete"
    else:
        action = "restore" if obj.deleted_at is not None else "update"
        obj.deleted_at = None
        obj.state = change.state
    s.flush()
    _audit(s, action, actor, "duty_plan", obj.id, {"fields": ["state"], "state": change.state})
    return True


def set_plan(store: Store, changes: Sequence[CellChange], actor: Actor) -> int:
    """Write plan cells in one transaction: all or nothing. Returns how many cells changed."""
    require(actor, Permission.EDIT)
    _check_cells(changes)
    if not changes:
        return 0
    station = actor.station_id
    with store.session() as s:
        staff = _staff(s, {c.staff_id for c in changes})
        rows = [(c, s.get(DutyPlan, plan_id(station, c.staff_id, c.day))) for c in changes]
        stale = [
            (staff[c.staff_id].name, c.day, label(DutyState, now) if now else "")
            for c, obj in rows
            if (now := _current(obj)) != c.expected
        ]
        if stale:
            raise StaleRosterError(stale)
        return sum(_write_cell(s, obj, c, actor) for c, obj in rows)


def fill_working_days(
    store: Store, staff_ids: Iterable[uuid.UUID], first: date, last: date, state: str, actor: Actor
) -> int:
    """Plan ``state`` (在岗 by default in the page) for the people on every working day from ``first``
    to ``last`` that has nothing planned for them yet (a month or a week at a time)."""
    require(actor, Permission.EDIT)
    _check_cells([CellChange(uuid.UUID(int=0), d, state, None) for d in (first, last)])
    if last < first or (last - first).days > 92:
        raise InspectorError("填充的日期范围应在三个月以内", "the range to fill must be at most three months")
    station = actor.station_id
    with store.session() as s:
        cal = holiday_calendar(s)
        staff = _staff(s, staff_ids)
        done = 0
        d = first
        while d <= last:
            if roster_day(d, cal).kind == "workday":
                for sid in staff:
                    obj = s.get(DutyPlan, plan_id(station, sid, d))
                    if _current(obj) is None:
                        done += _write_cell(s, obj, CellChange(sid, d, state, None), actor)
            d += timedelta(days=1)
        return done


@dataclass(frozen=True)
class CopyResult:
    """What :func:`copy_previous_week` did: cells copied, cells of the week already planned (kept),
    and the days not copied because they are not the same kind of day as a week before (a holiday,
    a 调休 working day)."""

    week_start: date
    copied: int
    kept: int
    skipped_days: list[date] = field(default_factory=list)

    @property
    def message(self) -> str:
        text = f"已从上周复制{self.copied}项安排"
        if self.kept:
            text += f"，本周已有的{self.kept}项未覆盖"
        if self.skipped_days:
            days = "、".join(zh_date(d) for d in self.skipped_days)
            text += f"；{days}与上周同日的工作日/休息日不同，未复制，请单独安排"
        return text + "。"


def copy_previous_week(store: Store, day: date, actor: Actor) -> CopyResult:
    """Copy the plan of the week before the week containing ``day`` (the station's ``week_start``)
    into it, weekday by weekday, for the active staff. Cells already planned are kept; a day whose kind
    (working day, rest day, statutory holiday) differs from the same weekday a week before is skipped,
    so a 调休 Saturday or a holiday is planned on its own."""
    require(actor, Permission.EDIT)
    if work_day_errors("day", "日期", day):
        raise ValidationError("duty_plan", work_day_errors("day", "日期", day))
    station = actor.station_id
    with store.session() as s:
        settings, cal = rule_settings(s, station), holiday_calendar(s)
        start, _ = week_bounds(day, settings)
        staff = list(
            s.scalars(select(StaffMember.id).where(StaffMember.deleted_at.is_(None), StaffMember.active))
        )
        copied = kept = 0
        skipped: list[date] = []
        for k in range(7):
            target, source = start + timedelta(days=k), start + timedelta(days=k - 7)
            if roster_day(target, cal).kind != roster_day(source, cal).kind:
                skipped.append(target)
                continue
            for sid in staff:
                before = s.get(DutyPlan, plan_id(station, sid, source))
                if _current(before) is None:
                    continue
                obj = s.get(DutyPlan, plan_id(station, sid, target))
                if _current(obj) is not None:
                    kept += 1
                    continue
                copied += _write_cell(s, obj, CellChange(sid, target, _current(before), None), actor)
        return CopyResult(start, copied, kept, skipped)


# ---- sign-ins -----------------------------------------------------------------------------------------


def _sign_in_values(obj: DutySignIn | None) -> tuple[time, time | None, str | None] | None:
    if obj is None or obj.deleted_at is not None:
        return None
    return (obj.time_in, obj.time_out, obj.note)


def _check_sign_in_version(
    s: Session, obj: DutySignIn | None, expected: SignInRow | None, staff_id: uuid.UUID, day: date
) -> None:
    want = None if expected is None else (expected.time_in, expected.time_out, expected.note)
    now = _sign_in_values(obj)
    if now != want:
        name = _staff(s, [staff_id])[staff_id].name
        shown = "未签到" if now is None else f"{now[0]:%H:%M}—{'' if now[1] is None else f'{now[1]:%H:%M}'}"
        raise StaleRosterError([(name, day, shown)])


def save_sign_in(
    store: Store,
    staff_id: uuid.UUID,
    day: date,
    time_in: time,
    time_out: time | None,
    actor: Actor,
    *,
    note: str | None = None,
    expected: SignInRow | None = None,
) -> None:
    """Record (or correct) that ``staff_id`` was on site on ``day`` from ``time_in`` to ``time_out``.
    ``expected`` is the sign-in the page showed (None: none), checked as the row's version."""
    require(actor, Permission.EDIT)
    note = (note or "").strip() or None
    values = {"staff_id": staff_id, "day": day, "time_in": time_in, "time_out": time_out, "note": note}
    SPECS["duty_sign_in"].validate(values, today=today_local())
    errors = work_day_errors("day", "日期", day)
    if errors:
        raise ValidationError("duty_sign_in", errors)
    with store.session() as s:
        _staff(s, [staff_id])
        obj = s.get(DutySignIn, sign_in_id(actor.station_id, staff_id, day))
        _check_sign_in_version(s, obj, expected, staff_id, day)
        if obj is None:
            row = prepare_row(
                DutySignIn,
                {"id": sign_in_id(actor.station_id, staff_id, day), **values},
                actor.write_actor,
                today_local(),
                utc_now(),
            )
            s.add(DutySignIn(**row))
            s.flush()
            _audit(
                s,
                "create",
                actor,
                "duty_sign_in",
                row["id"],
                {"fields": sorted(k for k, v in values.items() if v)},
            )
            return
        changed = sorted(k for k in ("time_in", "time_out", "note") if getattr(obj, k) != values[k])
        action = "restore" if obj.deleted_at is not None else "update"
        if not changed and action == "update":
            return
        obj.time_in, obj.time_out, obj.note = time_in, time_out, note
        obj.deleted_at = None
        obj.updated_by, obj.device_id = actor.user_id, actor.device_id
        s.flush()
        _audit(s, action, actor, "duty_sign_in", obj.id, {"fields": changed})


def clear_sign_in(store: Store, staff_id: uuid.UUID, day: date, actor: Actor, *, expected: SignInRow) -> None:
    """Remove a sign-in entered by mistake (a soft delete; signing in again brings the row back)."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        obj = s.get(DutySignIn, sign_in_id(actor.station_id, staff_id, day))
        _check_sign_in_version(s, obj, expected, staff_id, day)
        assert obj is not None
        obj.deleted_at = utc_now()
        obj.updated_by, obj.device_id = actor.user_id, actor.device_id
        s.flush()
        _audit(s, "delete", actor, "duty_sign_in", obj.id, {})
