"""Who was held on a day and where their custody limit stood: one reading of the register for the
agenda (:mod:`inspector.agenda`) and the monthly report (:mod:`inspector.documents.monthly_counts`), so
that the two never disagree (docs/domain.md, "One reading for the agenda and the report").

A day's reading uses only what had happened by then: the people admitted by the end of the day and not
discharged by it, their custody events up to the day and the stage those events lead to
(:func:`inspector.rules.custody_stages.as_at`). For today that is simply the register as it stands.

Two queries split the people held on a day, so the agenda can keep its cache for the usual case:

* :func:`held_as_registered` — nothing about them is dated after the day: the rules read the register
  entry as it stands (the agenda caches these results);
* :func:`held_with_later_records` — discharged, or with an event or a stage start, after the day: the
  rules read the entry as it stood then.

:func:`held_on` is both; :func:`custody_on` runs the rules over them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Uuid, literal_column, select
from sqlalchemy.orm import Session

from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import SHANGHAI, local_date
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import (
    CustodyDeadline,
    CustodyEventInput,
    DetaineeCustodyInput,
    custody_deadline,
    delivery_during_retrial,
)
from inspector.rules.custody_stages import POSSIBLE_OVERDUE, as_at, opens_stage
from inspector.store.models import CustodyEvent, Detainee

__all__ = [
    "CustodyOnDay",
    "Held",
    "custody_on",
    "held_as_registered",
    "held_as_registered_where",
    "held_on",
    "held_with_later_records",
    "is_delivery",
    "later_than",
    "limits_reached",
    "possible_overdue",
    "retrial_deliveries",
]


@dataclass(frozen=True)
class Held:
    """A person held on a day, with the rules' input as the records stood then."""

    id: uuid.UUID
    name: str
    inp: DetaineeCustodyInput
    warning_notice_sent_on: date | None


@dataclass(frozen=True)
class CustodyOnDay:
    person: Held
    result: CustodyDeadline


def _of_station(station_id: uuid.UUID) -> ColumnElement[bool]:
    """``detainee.station_id = …`` written so SQLite never prefers the station index (every row of a
    laptop has the same station) over the partial index of the people held."""
    return literal_column("+detainee.station_id", Uuid()) == station_id


def _admitted_before(instant: datetime) -> ColumnElement[bool]:
    """``detainee.admitted_at < instant``, written so SQLite never walks the admission-date index for it:
    "admitted by the end of today" is nearly everyone, and that index would then read the whole register
    (100,000 rows) instead of the partial index of the people held."""
    return literal_column("+detainee.admitted_at", Detainee.admitted_at.type) < instant


def _day_end(day: date) -> datetime:
    """The UTC instant at which the Shanghai day after ``day`` begins (``admitted_at`` is UTC)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=SHANGHAI).astimezone(UTC)


def later_than(day: date) -> ColumnElement[bool]:
    """Something of the register entry is dated after ``day``: a custody event or the stage's start."""
    # not a correlated EXISTS (one lookup per held person, in every query): the events dated after the
    # day, read once from the index on their date (none for today, unless records are dated ahead)
    event = Detainee.id.in_(
        select(CustodyEvent.detainee_id).where(
            CustodyEvent.occurred_on > day, CustodyEvent.deleted_at.is_(None)
        )
    )
    started_later = Detainee.stage_started_on.is_not(None) & (Detainee.stage_started_on > day)
    return event | started_later  # never NULL, so ~later_than(day) keeps a row without a stage start


_COLUMNS = (
    Detainee.id,
    Detainee.name,
    Detainee.stage,
    Detainee.stage_started_on,
    Detainee.admitted_at,
    Detainee.multiple_or_gang,
    Detainee.discharged_on,
    Detainee.sentence_kind,
    Detainee.term_end,
    Detainee.warning_notice_sent_on,
)


def _inputs(
    session: Session, where: tuple[ColumnElement[bool], ...]
) -> Iterator[tuple[Any, DetaineeCustodyInput]]:
    """(row, the rules' input with every event) for the register entries selected by ``where``."""
    rows = session.execute(select(*_COLUMNS).where(*where)).all()
    events: dict[uuid.UUID, list[CustodyEventInput]] = defaultdict(list)
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):
        event_rows = session.execute(
            select(
                CustodyEvent.detainee_id,
                CustodyEvent.kind,
                CustodyEvent.occurred_on,
                CustodyEvent.extension_months,
                CustodyEvent.extension_days,
                CustodyEvent.legal_basis,
            ).where(CustodyEvent.detainee_id.in_(ids[start : start + 500]), CustodyEvent.deleted_at.is_(None))
        )
        for detainee_id, kind, occurred_on, months, days, basis in event_rows:
            try:
                events[detainee_id].append(CustodyEventInput(kind, occurred_on, months, days, basis))
            except ValueError:  # an event kind this program does not know: left out, as the page says
                continue
    for row in rows:
        if row.stage not in Stage.values():
            continue
        yield (
            row,
            DetaineeCustodyInput(
                stage=row.stage,
                stage_started_on=row.stage_started_on,
                admitted_on=local_date(row.admitted_at),
                multiple_or_gang=bool(row.multiple_or_gang),
                events=tuple(events.get(row.id, ())),
                discharged_on=row.discharged_on,
                sentence_kind=row.sentence_kind,
                term_end=row.term_end,
            ),
        )


def _read(session: Session, day: date, where: tuple[ColumnElement[bool], ...]) -> Iterator[Held]:
    for row, full in _inputs(session, where):
        inp = as_at(full, day)
        if inp is not None:
            yield Held(row.id, row.name, inp, row.warning_notice_sent_on)


def held_as_registered_where(station_id: uuid.UUID, day: date) -> tuple[ColumnElement[bool], ...]:
    """The terms of :func:`held_as_registered`. "Held" is written as the partial index
    ``ix_detainee_held_name`` is defined, so SQLite walks that index."""
    return (
        Detainee.discharged_on.is_(None),
        Detainee.deleted_at.is_(None),
        _of_station(station_id),
        Detainee.stage != Stage.DISCHARGED.value,
        _admitted_before(_day_end(day)),
        ~later_than(day),
    )


def held_as_registered(
    session: Session, station_id: uuid.UUID, day: date, *only: ColumnElement[bool]
) -> Iterator[Held]:
    """The people held on ``day`` with nothing recorded after it (narrowed by ``only``)."""
    return _read(session, day, (*held_as_registered_where(station_id, day), *only))


def held_with_later_records(session: Session, station_id: uuid.UUID, day: date) -> Iterator[Held]:
    """The people held on ``day`` of whom something is recorded after it: discharged since, or an
    event or a stage start dated later (none, for today, unless records are dated ahead)."""
    admitted = _admitted_before(_day_end(day))
    yield from _read(
        session,
        day,
        (
            Detainee.discharged_on.is_(None),
            Detainee.deleted_at.is_(None),
            _of_station(station_id),
            admitted,
            later_than(day),
        ),
    )
    yield from _read(
        session,
        day,
        (Detainee.discharged_on > day, Detainee.deleted_at.is_(None), _of_station(station_id), admitted),
    )


def held_on(session: Session, station_id: uuid.UUID, day: date) -> Iterator[Held]:
    """Everyone held on ``day``, as the records stood then."""
    yield from held_as_registered(session, station_id, day)
    yield from held_with_later_records(session, station_id, day)


def custody_on(
    session: Session, station_id: uuid.UUID, day: date, settings: RuleSettings, calendar: HolidayCalendar
) -> list[CustodyOnDay]:
    """The custody limit of everyone held on ``day``, as the rules saw it that day."""
    return [
        CustodyOnDay(person, custody_deadline(person.inp, settings, day, calendar=calendar))
        for person in held_on(session, station_id, day)
    ]


def retrial_deliveries(
    people: Iterable[Held], settings: RuleSettings, day: date, calendar: HolidayCalendar
) -> list[CustodyOnDay]:
    """For the people in 再审 among ``people``: their delivery for execution on ``day`` (a retrial does
    not stop the execution of the judgment under review, :func:`inspector.rules.custody.
    delivery_during_retrial`), beside the retrial's own limit, which :func:`custody_on` gives. The
    agenda lists these and the monthly report counts them, as 逾期未交付执行 when passed."""
    out = []
    for person in people:
        result = delivery_during_retrial(person.inp, settings, day, calendar=calendar)
        if result is not None:
            out.append(CustodyOnDay(person, result))
    return out


def limits_reached(
    session: Session,
    station_id: uuid.UUID,
    first: date,
    last: date,
    settings: RuleSettings,
    calendar: HolidayCalendar,
) -> list[CustodyOnDay]:
    """The custody limits (留所服刑 excepted) that came to their last day between ``first`` and ``last``
    while the person was still in that stage: each limit as it stood the day before the person's stage
    changed or they left, and on ``last``; a limit whose stage changed on its last day counts too."""
    where = (
        Detainee.deleted_at.is_(None),
        _of_station(station_id),
        Detainee.admitted_at < _day_end(last),
        (Detainee.discharged_on.is_(None) | (Detainee.discharged_on >= first)),
    )
    found: list[CustodyOnDay] = []
    for row, full in _inputs(session, where):
        changes = {
            e.occurred_on for e in full.events if first < e.occurred_on <= last and opens_stage(e.kind)
        }
        if full.discharged_on is not None and first < full.discharged_on <= last:
            changes.add(full.discharged_on)
        seen: set[tuple[str, date]] = set()
        for check, ends in [*((d - timedelta(days=1), d) for d in sorted(changes)), (last, last)]:
            inp = as_at(full, check)
            if inp is None or inp.stage == Stage.SERVING_IN_CENTER.value:
                continue
            result = custody_deadline(inp, settings, check, calendar=calendar)
            due = result.deadline
            if due is None or not first <= due <= ends or (inp.stage, due) in seen:
                continue
            seen.add((inp.stage, due))
            found.append(CustodyOnDay(Held(row.id, row.name, inp, row.warning_notice_sent_on), result))
    return found


def is_delivery(stage: str) -> bool:
    """Whether a limit is the delivery for execution (判决生效待交付执行) rather than a custody limit."""
    return stage == Stage.AWAITING_EXECUTION.value


def possible_overdue(issues: tuple[str, ...] | list[str]) -> list[str]:
    """The issues that may be real 超期羁押 (the rules mark them), as opposed to data to check."""
    return [i for i in issues if i.startswith(POSSIBLE_OVERDUE)]
