"""The duty roster (值班与在岗): the station's staff, the planned presence per day and the sign-ins.

The plan and the sign-ins are kept apart: the plan says who should be on site (在岗 / 值班) or away
(请假 / 外出) on a day, a sign-in records who was there and from when to when (docs/domain.md, "Duty
roster"). A plan entry and a sign-in are unique per person and day; their ids are derived from the
station, the person and the day (``inspector.services.duty``), so two laptops planning the same cell
write the same row and the office sees one row, or a conflict, never two.
"""

from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class StaffMember(Synced, Base):
    """A member of the station's staff who is planned on the roster; linked to their user, if any."""

    __tablename__ = "staff_member"
    __table_args__ = (UniqueConstraint("station_id", "user_id"),)

    user_id: Mapped[uuid.UUID | None] = ref("app_user")
    name: Mapped[str] = mapped_column(String(32))
    position: Mapped[str | None] = mapped_column(String(24))  # 职务: 检察官, 检察官助理 …
    counts_toward_minimum: Mapped[bool] = mapped_column(default=True)  # 计入在岗人数
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class DutyPlan(Synced, Base):
    """One person's planned presence on one day: 在岗, 值班, 请假 or 外出 (``DutyState``)."""

    __tablename__ = "duty_plan"
    __table_args__ = (UniqueConstraint("station_id", "staff_id", "day"),)

    staff_id: Mapped[uuid.UUID] = ref("staff_member", nullable=False)
    day: Mapped[date] = mapped_column(index=True)
    state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(String(100))


class DutySignIn(Synced, Base):
    """Actual presence: the person was on site on ``day`` from ``time_in`` (to ``time_out``), Beijing time."""

    __tablename__ = "duty_sign_in"
    __table_args__ = (UniqueConstraint("station_id", "staff_id", "day"),)

    staff_id: Mapped[uuid.UUID] = ref("staff_member", nullable=False)
    day: Mapped[date] = mapped_column(index=True)
    time_in: Mapped[time]
    time_out: Mapped[time | None]
    note: Mapped[str | None] = mapped_column(String(100))


def staff_id_for_user(station_id: uuid.UUID, user_id: uuid.UUID) -> uuid.UUID:
    """The id of the staff entry of a user: the same on every laptop of the station."""
    return uuid.uuid5(station_id, f"staff_member:{user_id.hex}")


def plan_id(station_id: uuid.UUID, staff_id: uuid.UUID, day: date) -> uuid.UUID:
    """The id of a person's plan entry for a day: the same on every laptop of the station."""
    return uuid.uuid5(station_id, f"duty_plan:{staff_id.hex}:{day.isoformat()}")


def sign_in_id(station_id: uuid.UUID, staff_id: uuid.UUID, day: date) -> uuid.UUID:
    """The id of a person's sign-in for a day: the same on every laptop of the station."""
    return uuid.uuid5(station_id, f"duty_sign_in:{staff_id.hex}:{day.isoformat()}")
