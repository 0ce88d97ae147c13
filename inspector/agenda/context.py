"""What every agenda collector needs: one read session, the station, the date and the rules' inputs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

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
