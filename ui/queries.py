"""Read-only queries behind the main window: who is signed in, sync status, dashboard counts.

Qt-free: they take a :class:`~inspector.store.store.Store` and return plain dataclasses, so they can
run on a worker thread and be tested without a window. Candidates to move into the core
(``inspector.store.queries``) once other screens or the CLI need them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.domain.enums import DocumentState
from inspector.domain.validation import SHANGHAI
from inspector.store.models import (
    AppUser,
    DailyLog,
    Detainee,
    MailboxOpening,
    MonthlyReport,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Station,
    Talk,
)
from inspector.store.queries import pending_changes
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = [
    "AWAITING_REPLY",
    "DashboardCounts",
    "Identity",
    "ReportCounts",
    "SyncStatus",
    "Week",
    "load_dashboard_counts",
    "load_identity",
    "load_report_counts",
    "load_sync_status",
    "pending_changes",
]

# States in which a served document waits for the addressee's reply.
AWAITING_REPLY = (DocumentState.SERVED, DocumentState.OVERDUE, DocumentState.FOLLOWED_UP)


# ---- who and where ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    station_name: str
    user_id: uuid.UUID | None
    user_name: str


def load_identity(store: Store) -> Identity:
    """This laptop's station and the signed-in user (for now: the first active user)."""
    with store.session() as s:
        station = s.get(Station, store.station_id)
        user = s.scalars(
            select(AppUser)
            .where(AppUser.active.is_(True), AppUser.deleted_at.is_(None))
            .order_by(AppUser.created_at, AppUser.username)
            .limit(1)
        ).first()
    return Identity(
        station_name=station.name if station is not None else "",
        user_id=user.id if user is not None else None,
        user_name=user.display_name if user is not None else "",
    )


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    last_sync_at: datetime | None
    online: bool = False  # no sync yet: always offline


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


def load_sync_status(store: Store) -> SyncStatus:
    return SyncStatus(
        pending=pending_changes(store), last_sync_at=_parse_timestamp(store.meta("last_sync_at"))
    )


# ---- dashboard --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    """A Monday–Sunday week in Asia/Shanghai."""

    monday: date

    @classmethod
    def containing(cls, day: date) -> Week:
        return cls(day - timedelta(days=day.weekday()))

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def start(self) -> datetime:
        """Monday 00:00 Asia/Shanghai, as an aware datetime (compares correctly with UTC columns)."""
        return datetime.combine(self.monday, time.min, tzinfo=SHANGHAI)

    @property
    def end(self) -> datetime:
        """The following Monday 00:00 (exclusive bound)."""
        return self.start + timedelta(days=7)


@dataclass(frozen=True)
class DashboardCounts:
    week: Week
    in_custody: int
    patrols_this_week: int
    talks_this_week: int
    mailbox_openings_this_week: int
    awaiting_reply: int
    overdue_replies: int  # waiting for a reply past the due date (shown on the navigation)


def _count(s: Session, model: type[Any], *where: Any) -> int:
    stmt = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *where)
    return int(s.scalar(stmt) or 0)


def _overdue(model: Any, today: date) -> Any:
    return or_(
        model.state == DocumentState.OVERDUE.value,
        and_(model.state.in_([s.value for s in AWAITING_REPLY]), model.reply_due < today),
    )


def load_dashboard_counts(store: Store, today: date | None = None) -> DashboardCounts:
    today = today or today_local()
    week = Week.containing(today)
    with store.session() as s:
        awaiting = [state.value for state in AWAITING_REPLY]
        return DashboardCounts(
            week=week,
            in_custody=_count(s, Detainee, Detainee.discharged_on.is_(None)),
            patrols_this_week=_count(
                s, Patrol, Patrol.patrol_date >= week.monday, Patrol.patrol_date <= week.sunday
            ),
            talks_this_week=_count(s, Talk, Talk.talk_at >= week.start, Talk.talk_at < week.end),
            mailbox_openings_this_week=_count(
                s, MailboxOpening, MailboxOpening.opened_at >= week.start, MailboxOpening.opened_at < week.end
            ),
            awaiting_reply=_count(s, RectificationNotice, RectificationNotice.state.in_(awaiting))
            + _count(s, ProcuratorialSuggestion, ProcuratorialSuggestion.state.in_(awaiting)),
            overdue_replies=_count(s, RectificationNotice, _overdue(RectificationNotice, today))
            + _count(s, ProcuratorialSuggestion, _overdue(ProcuratorialSuggestion, today)),
        )


# ---- 日志与报表 ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportCounts:
    daily_logs: int
    confirmed_daily_logs: int
    latest_log_date: date | None
    monthly_reports: int


def load_report_counts(store: Store) -> ReportCounts:
    with store.session() as s:
        latest = s.scalar(select(func.max(DailyLog.log_date)).where(DailyLog.deleted_at.is_(None)))
        return ReportCounts(
            daily_logs=_count(s, DailyLog),
            confirmed_daily_logs=_count(s, DailyLog, DailyLog.confirmed.is_(True)),
            latest_log_date=latest,
            monthly_reports=_count(s, MonthlyReport),
        )
