"""Date arithmetic for legal periods (CPL art 105; docs/domain.md, "Counting periods").

The starting day is never counted: a period of N days from an event on day D ends on D + N. A period of
N months keeps the day of the month, clamped to the last day of a shorter month (1月31日 + 1个月 =
2月28日). The ``month_convention`` setting chooses whether months are counted from the event day itself
(default, 3月1日 + 2个月 = 5月1日) or from the next day (= 5月2日).
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, datetime, timedelta

from inspector.domain.settings import ExcludedSpanConvention, MonthConvention
from inspector.rules.text import define, zh_date, zh_datetime

__all__ = [
    "EXCLUDED_SPAN_TEXT",
    "EXTENSION_TEXT",
    "MONTH_CONVENTION_TEXT",
    "add_days",
    "add_hours",
    "add_months",
    "add_months_clamped",
    "add_period",
    "span_days",
    "zh_date",
    "zh_datetime",
]

MONTH_CONVENTION_TEXT: dict[str, str] = {
    "from_event_day": define(
        "period.months_from_event_day",
        "按月计算：自事件当日起算（逮捕3月1日+2个月=5月1日）",
        "Months counted from the day of the event (arrest on 1 March + 2 months = 1 May)",
    )(),
    "from_next_day": define(
        "period.months_from_next_day",
        "按月计算：自事件次日起算（逮捕3月1日+2个月=5月2日）",
        "Months counted from the day after the event (arrest on 1 March + 2 months = 2 May)",
    )(),
}
EXTENSION_TEXT: dict[str, str] = {
    "cumulative": define(
        "period.extension_cumulative",
        "延长期限自原起算日累计计算",
        "Extensions are added up from the original starting day",
    )(),
    "chained": define(
        "period.extension_chained",
        "延长期限自上一期限届满日接续计算",
        "Each extension runs on from the end of the previous period",
    )(),
}
EXCLUDED_SPAN_TEXT: dict[str, str] = {
    "end_minus_start": define(
        "period.span_end_minus_start",
        "不计入期间按结束日减开始日计算天数",
        "Excluded periods count the days from their start to their end",
    )(),
    "inclusive": define(
        "period.span_inclusive",
        "不计入期间按首尾两日均计入计算天数",
        "Excluded periods count both their first and their last day",
    )(),
}


def add_days(start: date, days: int) -> date:
    """``start`` + ``days``: the starting day is not counted (30 days from 03-10 → 04-09)."""
    return start + timedelta(days=days)


def add_hours(start: datetime, hours: int) -> datetime:
    """``start`` + ``hours`` (the app uses request time + 48 h for lawyer meetings; docs/domain.md,
    "Complaints, lawyers and other periods")."""
    return start + timedelta(hours=hours)


def add_months_clamped(start: date, months: int) -> date:
    """Same day of the month ``months`` later (or earlier, for negative ``months``), clamped to the last day
    of a shorter month: 2026-01-31 + 1 → 2026-02-28; 2028-01-31 + 1 → 2028-02-29."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def add_months(start: date, months: int, convention: MonthConvention = "from_event_day") -> date:
    """The end of a period of ``months`` months beginning with an event on ``start``.

    ``from_event_day``: 2026-03-01 + 2 → 2026-05-01. ``from_next_day``: counted from 03-02 → 2026-05-02.
    """
    if convention == "from_next_day":
        return add_months_clamped(start + timedelta(days=1), months)
    if convention == "from_event_day":
        return add_months_clamped(start, months)
    raise ValueError(f"unknown month convention {convention!r}")


def add_period(
    start: date, months: int = 0, days: int = 0, convention: MonthConvention = "from_event_day"
) -> date:
    """Months first (with the convention, only if ``months``), then days."""
    end = add_months(start, months, convention) if months else start
    return add_days(end, days)


def span_days(start: date, end: date, convention: ExcludedSpanConvention = "end_minus_start") -> int:
    """Length of an excluded span (鉴定, 阅卷, 中止审理): ``end − start`` days, or one more when both
    ends count (``inclusive``). ``end`` before ``start`` is an error."""
    if end < start:
        raise ValueError(f"span ends ({end}) before it starts ({start})")
    length = (end - start).days
    if convention == "inclusive":
        return length + 1
    if convention == "end_minus_start":
        return length
    raise ValueError(f"unknown span convention {convention!r}")
