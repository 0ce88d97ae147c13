"""What the 工作台 shows, read in one go: the agenda, the week's counts against the weekly targets,
custody deadlines within a week, and on which list page each agenda record is shown.

Read-only sessions only (``store.session(read_only=True)``): the 工作台 never waits for a writer.
:func:`refresh_custody_cache` is the one exception, and it takes the write lock only when a held
detainee's cached deadline is missing. Everything returned is a plain frozen value, safe to hand to
any thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.agenda import Agenda, build_agenda, load_calendar, load_rule_settings
from inspector.agenda import refresh_custody_cache as refresh_custody
from inspector.agenda.context import AgendaContext
from inspector.agenda.items import AgendaItem
from inspector.agenda.work_items import weekly_target_statuses
from inspector.domain.enums import DocumentState, Stage
from inspector.domain.validation import SHANGHAI
from inspector.rules.targets import TargetStatus
from inspector.store.models import (
    CustodyStatus,
    Detainee,
    MailboxLetter,
    MailboxOpening,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = [
    "AWAITING_REPLY",
    "CUSTODY_SOON_DAYS",
    "CUSTODY_SOON_LIMIT",
    "CustodySoon",
    "DashboardCounts",
    "DashboardData",
    "RecordLink",
    "Week",
    "count_live",
    "load_custody_soon",
    "load_dashboard",
    "load_dashboard_counts",
    "load_weekly_targets",
    "refresh_custody_cache",
]

# States in which a served document waits for the addressee's reply.
AWAITING_REPLY = (DocumentState.SERVED, DocumentState.OVERDUE, DocumentState.FOLLOWED_UP)


# ---- counts -----------------------------------------------------------------------------------------


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


def count_live(s: Session, model: type[Any], *where: Any) -> int:
    """How many rows of ``model`` not deleted match ``where``."""
    stmt = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *where)
    return int(s.scalar(stmt) or 0)


def _overdue(model: Any, today: date) -> ColumnElement[bool]:
    return or_(
        model.state == DocumentState.OVERDUE.value,
        and_(model.state.in_([s.value for s in AWAITING_REPLY]), model.reply_due < today),
    )


def load_dashboard_counts(store: Store, today: date | None = None) -> DashboardCounts:
    today = today or today_local()
    week = Week.containing(today)
    with store.session(read_only=True) as s:
        awaiting = [state.value for state in AWAITING_REPLY]
        return DashboardCounts(
            week=week,
            in_custody=count_live(s, Detainee, Detainee.discharged_on.is_(None)),
            patrols_this_week=count_live(
                s, Patrol, Patrol.patrol_date >= week.monday, Patrol.patrol_date <= week.sunday
            ),
            talks_this_week=count_live(s, Talk, Talk.talk_at >= week.start, Talk.talk_at < week.end),
            mailbox_openings_this_week=count_live(
                s, MailboxOpening, MailboxOpening.opened_at >= week.start, MailboxOpening.opened_at < week.end
            ),
            awaiting_reply=count_live(s, RectificationNotice, RectificationNotice.state.in_(awaiting))
            + count_live(s, ProcuratorialSuggestion, ProcuratorialSuggestion.state.in_(awaiting)),
            overdue_replies=count_live(s, RectificationNotice, _overdue(RectificationNotice, today))
            + count_live(s, ProcuratorialSuggestion, _overdue(ProcuratorialSuggestion, today)),
        )


# ---- 工作台: agenda, weekly targets, custody deadlines ---------------------------------------------------

CUSTODY_SOON_DAYS = 7  # the side panel: custody deadlines within a week (and those passed)
CUSTODY_SOON_LIMIT = 200


@contextmanager
def _agenda_context(store: Store, session: Session, today: date) -> Iterator[AgendaContext]:
    station_id = store.station_id
    yield AgendaContext(
        session=session,
        station_id=station_id,
        today=today,
        settings=load_rule_settings(session, station_id),
        calendar=load_calendar(session),
        horizon_days=14,
        warning_days=3,
    )


def refresh_custody_cache(store: Store, today: date | None = None) -> int:
    """Fill ``custody_status`` for every held detainee whose row is missing (the core's rules compute
    it); returns how many were computed. Run it before a query that joins the cache. Checks in a
    read-only session, and takes the write lock only when something is missing."""
    return refresh_custody(store, today or today_local(), horizon_days=14, warning_days=3)


@dataclass(frozen=True)
class RecordLink:
    """Where a record is shown: a list page (``RecordList.key``) and the id of the row to select."""

    page: str
    record_id: uuid.UUID | None


# agenda ``record_table`` → list page showing that record (letters are shown through their opening)
_PAGE_OF_TABLE = {
    "detainee": "detainees",
    "rectification_notice": "corrections",
    "procuratorial_suggestion": "corrections",
    "talk": "talks",
    "patrol": "patrols",
    "mailbox_opening": "mailbox",
}


@dataclass(frozen=True)
class CustodySoon:
    """A held detainee whose custody deadline is within :data:`CUSTODY_SOON_DAYS` days or passed."""

    detainee_id: uuid.UUID
    name: str
    cell: str | None
    deadline: date
    days_left: int
    stage: str  # Chinese label
    basis: str


@dataclass(frozen=True)
class DashboardData:
    today: date
    counts: DashboardCounts
    agenda: Agenda
    targets: tuple[TargetStatus, ...]
    custody_soon: list[CustodySoon]
    custody_soon_total: int
    links: dict[uuid.UUID, RecordLink] = field(default_factory=dict)  # agenda record id → where shown

    @property
    def new_arrival_talks(self) -> list[AgendaItem]:
        """Agenda items for new arrivals still to be talked to (pending or late)."""
        return [i for i in self.agenda.items if i.kind == "new_arrival_talk"]


def load_weekly_targets(ctx: AgendaContext) -> tuple[TargetStatus, ...]:
    """The three weekly targets with their counts, met or not, read as the agenda reads them."""
    return weekly_target_statuses(ctx)


def _held(today: date) -> tuple[ColumnElement[bool], ...]:
    return (
        Detainee.deleted_at.is_(None),
        or_(Detainee.discharged_on.is_(None), Detainee.discharged_on > today),
        Detainee.stage != Stage.DISCHARGED.value,
    )


def load_custody_soon(
    session: Session, today: date, days: int = CUSTODY_SOON_DAYS, limit: int = CUSTODY_SOON_LIMIT
) -> tuple[list[CustodySoon], int]:
    """Held detainees whose cached custody deadline is passed or within ``days`` days, soonest first
    (at most ``limit``), and how many there are in all. The cache must be fresh (build the agenda or
    :func:`refresh_custody_cache` first)."""
    last = today + timedelta(days=days)
    where = (*_held(today), CustodyStatus.deadline.is_not(None), CustodyStatus.deadline <= last)
    joined = select(CustodyStatus).join(Detainee, Detainee.id == CustodyStatus.detainee_id)
    total = int(session.scalar(joined.with_only_columns(func.count()).where(*where)) or 0)
    rows = session.execute(
        select(
            Detainee.id,
            Detainee.name,
            Detainee.cell,
            CustodyStatus.deadline,
            CustodyStatus.stage,
            CustodyStatus.basis,
        )
        .join(CustodyStatus, CustodyStatus.detainee_id == Detainee.id)
        .where(*where)
        .order_by(CustodyStatus.deadline, Detainee.name)
        .limit(limit)
    )
    soon = [
        CustodySoon(
            detainee_id=r.id,
            name=r.name,
            cell=r.cell,
            deadline=r.deadline,
            days_left=(r.deadline - today).days,
            stage=_stage_label(r.stage),
            basis=r.basis,
        )
        for r in rows
    ]
    return soon, total


def _stage_label(value: str | None) -> str:
    for member in Stage:
        if member.value == value:
            return member.label
    return value or ""


def _links(session: Session, agenda: Agenda) -> dict[uuid.UUID, RecordLink]:
    links: dict[uuid.UUID, RecordLink] = {}
    letters: list[uuid.UUID] = []
    for item in agenda.items:
        if item.record_id is None or item.record_table is None:
            continue
        if item.record_table == "mailbox_letter":
            letters.append(item.record_id)
        elif item.record_table == "oral_correction":
            links[item.record_id] = RecordLink("corrections", None)  # not in the list (yet)
        elif item.record_table in _PAGE_OF_TABLE:
            links[item.record_id] = RecordLink(_PAGE_OF_TABLE[item.record_table], item.record_id)
    if letters:
        for letter_id, opening_id in session.execute(
            select(MailboxLetter.id, MailboxLetter.opening_id).where(MailboxLetter.id.in_(letters))
        ):
            links[letter_id] = RecordLink("mailbox", opening_id)
    return links


def load_dashboard(store: Store, today: date | None = None) -> DashboardData:
    """Everything the 工作台 shows, read in the background: the agenda (which refreshes the custody
    cache), the counts, the weekly targets, custody deadlines within a week, and where records live."""
    today = today or today_local()
    agenda = build_agenda(store, today)
    counts = load_dashboard_counts(store, today)
    with store.session(read_only=True) as s, _agenda_context(store, s, today) as ctx:
        targets = load_weekly_targets(ctx)
        soon, total = load_custody_soon(s, today)
        links = _links(s, agenda)
    return DashboardData(today, counts, agenda, targets, soon, total, links)
