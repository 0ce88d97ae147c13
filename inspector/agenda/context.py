"""What every agenda collector needs: one read session, the station, the date and the rules' inputs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Uuid, literal_column
from sqlalchemy.orm import Session

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import HolidayCalendar


@dataclass(frozen=True)
class AgendaContext:
    session: Session
    station_id: uuid.UUID
    today: date
    settings: RuleSettings
    calendar: HolidayCalendar
    horizon_days: int  # upcoming items are listed this many days ahead
    warning_days: int  # non-custody items this close are amber

    @property
    def horizon(self) -> date:
        return self.today + timedelta(days=self.horizon_days)


def of_station(model: type[Any], station_id: uuid.UUID) -> ColumnElement[bool]:
    """``model.station_id = station_id``, written so that SQLite never picks the station_id index.

    On a laptop every row belongs to its one station, so that index matches everything; left to
    itself the planner still prefers it over the date or partial indexes that actually narrow the
    search (the agenda over 100,000 detainees went from seconds to milliseconds). The unary ``+``
    is SQLite's documented way to keep a term from using an index.
    """
    table = model.__tablename__
    return literal_column(f"+{table}.station_id", Uuid()) == station_id
