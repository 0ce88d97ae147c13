"""Date arithmetic for legal periods: start day not counted, month-end clamping, conventions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inspector.rules.periods import (
    MONTH_CONVENTION_TEXT,
    add_days,
    add_hours,
    add_months,
    add_months_clamped,
    add_period,
    span_days,
    zh_date,
    zh_datetime,
)


def test_days_do_not_count_the_start_day() -> None:
    assert add_days(date(2026, 3, 10), 30) == date(2026, 4, 9)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 3, 1), 2, date(2026, 5, 1)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # clamped
        (date(2026, 1, 31), 2, date(2026, 3, 31)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # 2028 is a leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # 29 Feb + 1 year
        (date(2028, 2, 29), 1, date(2028, 3, 29)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # across the year end
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 8, 31), -6, date(2026, 2, 28)),  # negative months work too
        (date(2026, 2, 28), 1, date(2026, 3, 28)),  # the clamp rule, not an end-of-month rule
    ],
)
def test_months_clamped(start: date, months: int, expected: date) -> None:
    assert add_months_clamped(start, months) == expected
    assert add_months(start, months) == expected


def test_month_conventions() -> None:
    assert add_months(date(2026, 3, 1), 2, "from_event_day") == date(2026, 5, 1)
    assert add_months(date(2026, 3, 1), 2, "from_next_day") == date(2026, 5, 2)
    # counted from the next day, a start on 1月30日 also ends on the clamped 2月28日
    assert add_months(date(2026, 1, 30), 1, "from_next_day") == date(2026, 2, 28)
    assert "5月1日" in MONTH_CONVENTION_TEXT["from_event_day"]
    assert "5月2日" in MONTH_CONVENTION_TEXT["from_next_day"]
    with pytest.raises(ValueError, match="convention"):
        add_months(date(2026, 3, 1), 2, "bogus")  # type: ignore[arg-type]


def test_add_period_months_then_days() -> None:
    assert add_period(date(2026, 4, 10), 1, 15) == date(2026, 5, 25)
    assert add_period(date(2026, 1, 31), 1, 1) == date(2026, 3, 1)
    assert add_period(date(2026, 6, 1), days=10) == date(2026, 6, 11)
    # a day-only period ignores the month convention
    assert add_period(date(2026, 6, 1), days=10, convention="from_next_day") == date(2026, 6, 11)


def test_span_days() -> None:
    assert span_days(date(2026, 4, 1), date(2026, 4, 20)) == 19
    assert span_days(date(2026, 4, 1), date(2026, 4, 20), "inclusive") == 20
    assert span_days(date(2026, 4, 1), date(2026, 4, 1)) == 0
    with pytest.raises(ValueError, match="before"):
        span_days(date(2026, 4, 2), date(2026, 4, 1))


def test_hours_and_text() -> None:
    assert add_hours(datetime(2026, 4, 30, 15, 20), 48) == datetime(2026, 5, 2, 15, 20)
    assert zh_date(date(2026, 3, 5)) == "2026年3月5日"
    assert zh_datetime(datetime(2026, 5, 2, 9, 5)) == "2026年5月2日09:05"
