"""``build_agenda``: read what is due from the store, in one read-only session, and rank it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.agenda.context import AgendaContext
from inspector.agenda.custody_items import custody_cache_stale, custody_items, refresh_custody_status
from inspector.agenda.document_items import notice_items, oral_correction_items, suggestion_items
from inspector.agenda.duty_items import duty_items
from inspector.agenda.items import AgendaItem
from inspector.agenda.ledger_items import ledger_items
from inspector.agenda.reminder_items import reminder_items
from inspector.agenda.work_items import (
    calendar_items,
    lawyer_meeting_items,
    letter_items,
    new_arrival_items,
    preholiday_items,
    weekly_target_items,
)
from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.periods import MONTH_CONVENTION_TEXT
from inspector.rules.text import cite, define
from inspector.store.models import HolidayDay
from inspector.store.queries import station_setting_values
from inspector.store.repository import today_local
from inspector.store.store import Store

COLLECTORS: tuple[Callable[[AgendaContext], Iterator[AgendaItem]], ...] = (
    custody_items,
    oral_correction_items,
    notice_items,
    suggestion_items,
    letter_items,
    lawyer_meeting_items,
    new_arrival_items,
    weekly_target_items,
    preholiday_items,
    duty_items,
    ledger_items,
    reminder_items,
    calendar_items,
)


@dataclass(frozen=True)
class Agenda:
    today: date
    items: list[AgendaItem]
    conventions: list[str]  # how dates were counted, for the explanation under the list

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.today.isoformat(),
            "conventions": self.conventions,
            "items": [i.to_json() for i in self.items],
        }


def load_rule_settings(session: Session, station_id: uuid.UUID) -> RuleSettings:
    return RuleSettings.from_mapping(station_setting_values(session, station_id))


def load_calendar(session: Session) -> HolidayCalendar:
    return HolidayCalendar.from_rows(session.scalars(select(HolidayDay)))


def _context(
    session: Session, station_id: uuid.UUID, today: date, horizon_days: int, warning_days: int
) -> AgendaContext:
    return AgendaContext(
        session=session,
        station_id=station_id,
        today=today,
        settings=load_rule_settings(session, station_id),
        calendar=load_calendar(session),
        horizon_days=horizon_days,
        warning_days=warning_days,
    )


def refresh_custody_cache(
    store: Store, today: date | None = None, *, horizon_days: int = 14, warning_days: int = 3
) -> int:
    """Bring the custody cache (``custody_status``) up to date for ``today``; returns how many detainees
    were computed. Whether anything is stale is read beside any writer; the write lock is taken, in a
    short transaction of its own, only when there is something to write."""
    today = today or today_local()
    station_id = store.station_id
    with store.session(read_only=True) as session:
        if not custody_cache_stale(_context(session, station_id, today, horizon_days, warning_days)):
            return 0
    with store.session() as session:
        return refresh_custody_status(_context(session, station_id, today, horizon_days, warning_days))


def build_agenda(
    store: Store, today: date | None = None, *, horizon_days: int = 14, warning_days: int = 3
) -> Agenda:
    """Every due, upcoming and overdue item on ``today`` (Asia/Shanghai), most urgent first:
    overdue before amber before upcoming; within a level 超期羁押 first, then by due date.

    The custody cache is refreshed first (a write only if it is stale); the agenda itself is read in
    one read-only session, which never waits for a writer."""
    today = today or today_local()
    station_id = store.station_id
    refresh_custody_cache(store, today, horizon_days=horizon_days, warning_days=warning_days)
    with store.session(read_only=True) as session:
        ctx = _context(session, station_id, today, horizon_days, warning_days)
        found = [item for collect in COLLECTORS for item in collect(ctx)]
    # Two rules may report the same fact (e.g. next year's calendar gap): list it once.
    items = list({(i.kind, i.title, i.subject, i.record_id): i for i in found}.values())
    items.sort(key=AgendaItem.sort_key)
    return Agenda(today, items, conventions(ctx.settings))


_ROLLED_OVER = define(
    "agenda.conventions.rolled_over",
    "羁押期限不因节假日延长（{basis}）；其他期限末日遇节假日按各规则设置顺延至节假日后第一个工作日",
    "Custody time limits are not extended for holidays ({basis}); other periods ending on a holiday move to"
    " the next working day, as each rule is set",
)
_NOT_ROLLED_OVER = define(
    "agenda.conventions.not_rolled_over",
    "羁押期限不因节假日延长（{basis}）；其他期限末日遇节假日不顺延",
    "Custody time limits are not extended for holidays ({basis}); other periods ending on a holiday do not"
    " move",
)
_WARNINGS = define(
    "agenda.conventions.warnings",
    "羁押期限届满前{days}日起提示；其他期限届满前3日起提示",
    "Custody time limits are flagged {days} days before they expire; other periods 3 days before",
)


def conventions(settings: RuleSettings) -> list[str]:
    rolled = _ROLLED_OVER if any(settings.holiday_rollover.values()) else _NOT_ROLLED_OVER
    return [
        MONTH_CONVENTION_TEXT[settings.month_convention],
        rolled(basis=cite("刑事诉讼法", 105)),
        _WARNINGS(days=settings.custody_warning_days),
    ]
