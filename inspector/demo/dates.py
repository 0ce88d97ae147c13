"""Date helpers for the demo: month arithmetic, working days, local times as aware UTC."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import chinese_calendar

from inspector.domain.validation import SHANGHAI

# 春节 (first day of the lunar year), for the pre-holiday inspections.
SPRING_FESTIVAL: dict[int, date] = {
    2015: date(2015, 2, 19),
    2016: date(2016, 2, 8),
    2017: date(2017, 1, 28),
    2018: date(2018, 2, 16),
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
}


def add_months(d: date, months: int) -> date:
    """Same day of month ``months`` later, clamped to the month's last day (docs/domain.md, "Counting
    periods")."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


@lru_cache(maxsize=8192)
def is_workday(d: date) -> bool:
    """The State Council calendar where ``chinese-calendar`` knows the year, else Monday-Friday."""
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return d.weekday() < 5


def workdays(start: date, end: date) -> list[date]:
    """Working days in ``start..end`` inclusive."""
    out: list[date] = []
    d = start
    while d <= end:
        if is_workday(d):
            out.append(d)
        d += timedelta(days=1)
    return out


def workday_on_or_before(d: date) -> date:
    while not is_workday(d):
        d -= timedelta(days=1)
    return d


def at(d: date, hour: int, minute: int = 0) -> datetime:
    """Asia/Shanghai wall-clock time on ``d`` as an aware UTC datetime."""
    return datetime.combine(d, time(hour, minute), tzinfo=SHANGHAI).astimezone(UTC)


def cn_date(d: date) -> str:
    """2026年3月12日 (no zero padding, GB/T 9704 7.3.5.4)."""
    return f"{d.year}年{d.month}月{d.day}日"
