"""The one place where documents call the rules engine (``inspector.rules``): settings, the holiday
calendar, reply due dates and custody deadlines.

A stored due date (``reply_due``) always wins; a missing one is computed by
:func:`inspector.rules.deadlines.notice_reply_due` / ``suggestion_reply_due``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.rules.deadlines import notice_reply_due, suggestion_reply_due
from inspector.store.models import HolidayDay, StationSetting

__all__ = [
    "custody_deadline_of",
    "holiday_calendar",
    "notice_reply_due_of",
    "rule_settings",
    "suggestion_reply_due_of",
]


def rule_settings(session: Session, station_id: uuid.UUID) -> RuleSettings:
    rows = session.execute(
        select(StationSetting.key, StationSetting.value).where(
            StationSetting.station_id == station_id, StationSetting.deleted_at.is_(None)
        )
    ).all()
    return RuleSettings.from_mapping({k: v for k, v in rows})


def holiday_calendar(session: Session) -> HolidayCalendar:
    return HolidayCalendar.from_rows(session.scalars(select(HolidayDay)).all())


def notice_reply_due_of(
    reply_due: date | None,
    issued_on: date | None,
    served_on: date | None,
    reply_period_days: int | None,
    settings: RuleSettings,
    calendar: HolidayCalendar,
) -> date | None:
    """The stored ``reply_due``, else the rules engine's (None while the start date is unknown)."""
    if reply_due is not None:
        return reply_due
    due = notice_reply_due(
        issued_on=issued_on,
        served_on=served_on,
        settings=settings,
        calendar=calendar,
        reply_period_days=reply_period_days,
    )
    return None if due is None else due.due


def suggestion_reply_due_of(
    reply_due: date | None,
    served_on: date | None,
    reply_period_months: int | None,
    settings: RuleSettings,
    calendar: HolidayCalendar,
) -> date | None:
    if reply_due is not None:
        return reply_due
    if served_on is None:
        return None
    return suggestion_reply_due(served_on, settings, calendar, reply_months=reply_period_months).due


def custody_deadline_of(
    detainee: Any,
    events: Iterable[Any],
    settings: RuleSettings,
    today: date,
    calendar: HolidayCalendar | None = None,
) -> date | None:
    """The current custody deadline of a detainee row (``None`` when none runs or it cannot be computed)."""
    try:
        inp = DetaineeCustodyInput(
            stage=detainee.stage,
            stage_started_on=detainee.stage_started_on,
            admitted_on=_local_day(detainee.admitted_at),
            multiple_or_gang=bool(detainee.multiple_or_gang),
            events=tuple(
                CustodyEventInput(
                    kind=ev.kind,
                    occurred_on=ev.occurred_on,
                    extension_months=ev.extension_months,
                    extension_days=ev.extension_days,
                    legal_basis=ev.legal_basis,
                )
                for ev in events
            ),
            discharged_on=detainee.discharged_on,
            sentence_kind=detainee.sentence_kind,
            term_end=detainee.term_end,
        )
        return custody_deadline(inp, settings, today, calendar=calendar).deadline
    except ValueError:  # an unknown stage or event kind: print the stage start instead
        return None


def _local_day(value: Any) -> date:
    from inspector.domain.validation import local_date

    return local_date(value)
