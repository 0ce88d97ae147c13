"""Working days, statutory holidays and the office's extra holiday table."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from inspector.rules.calendar import ExtraDay, HolidayCalendar, package_years, unknown_year_reason

CAL = HolidayCalendar()
UNKNOWN = max(package_years()) + 1  # 2027 with chinesecalendar 1.11.0


def test_package_range_matches_what_the_package_accepts() -> None:
    years = package_years()
    assert 2026 in years
    chinese_calendar.is_workday(date(min(years), 6, 1))
    chinese_calendar.is_workday(date(max(years), 6, 1))
    for year in (min(years) - 1, max(years) + 1):
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(date(year, 6, 1))


def test_rest_days_2026() -> None:
    assert CAL.is_rest_day(date(2026, 5, 31))  # Sunday
    assert CAL.is_rest_day(date(2026, 10, 1))  # 国庆节
    assert CAL.is_rest_day(date(2026, 2, 18))  # 春节
    assert not CAL.is_rest_day(date(2026, 6, 1))
    assert CAL.holiday_name(date(2026, 10, 1)) == "national_day"
    assert CAL.describe(date(2026, 10, 1)) == "法定节假日（国庆节）"


def test_adjusted_working_saturday_is_a_working_day() -> None:
    # 2026-02-28 (Saturday) is a 调休 working day for the Spring Festival
    d = date(2026, 2, 28)
    assert d.weekday() == 5
    assert chinese_calendar.is_workday(d)
    assert CAL.is_rest_day(d) is False
    assert CAL.is_working_day(d) is True
    assert CAL.describe(d) == "调休工作日（春节）"
    r = CAL.next_working_day(d)
    assert (r.day, r.moved, r.certain, r.reason) == (d, False, True, "")


def test_rollover_out_of_spring_festival_2026() -> None:
    r = CAL.next_working_day(date(2026, 2, 18))
    assert r.day == date(2026, 2, 24)
    assert r.moved and r.certain
    assert "春节" in r.reason and "2026年2月24日" in r.reason


def test_rollover_past_a_weekend() -> None:
    r = CAL.next_working_day(date(2026, 5, 31))
    assert r.day == date(2026, 6, 1)
    assert r.reason == "2026年5月31日为休息日（周日），顺延至2026年6月1日"


def test_unknown_year() -> None:
    assert not CAL.knows_year(UNKNOWN)
    assert CAL.is_rest_day(date(UNKNOWN, 1, 1)) is None
    assert CAL.is_working_day(date(UNKNOWN, 1, 1)) is None
    # a weekday in an unknown year: not moved, but uncertain
    monday = date(UNKNOWN, 3, 1)
    monday += timedelta(days=-monday.weekday() % 7)
    r = CAL.next_working_day(monday)
    assert (r.day, r.moved, r.certain) == (monday, False, False)
    assert r.reason == unknown_year_reason(UNKNOWN) == f"{UNKNOWN}年节假日安排尚未录入，期限可能顺延"
    # a Saturday: rolls past the weekend only
    saturday = monday + timedelta(days=5)
    r = CAL.next_working_day(saturday)
    assert r.day == monday + timedelta(days=7)
    assert r.moved and not r.certain
    assert unknown_year_reason(UNKNOWN) in r.reason


def test_rollover_into_an_unknown_year_is_uncertain() -> None:
    cal = HolidayCalendar({date(2026, 12, 31): False})  # pretend New Year's Eve were a holiday
    r = cal.next_working_day(date(2026, 12, 31))
    assert r.day == date(2027, 1, 1)
    assert not r.certain


def test_extra_table_makes_a_year_known() -> None:
    cal = HolidayCalendar(
        [
            ExtraDay(date(2027, 1, 1), False, "new_year"),
            (date(2027, 2, 6), False, "spring_festival"),
            (date(2027, 2, 7), False, "spring_festival"),
            (date(2027, 2, 8), False, "spring_festival"),
            (date(2027, 2, 20), True, "spring_festival"),  # a 调休 Saturday
        ]
    )
    assert cal.knows_year(2027)
    r = cal.next_working_day(date(2027, 1, 1))
    assert (r.day, r.moved, r.certain) == (date(2027, 1, 4), True, True)
    assert "元旦" in r.reason
    assert cal.is_rest_day(date(2027, 2, 20)) is False
    span = cal.holidays_named(2027, "春节")
    assert span is not None
    assert (span.first_day, span.last_day) == (date(2027, 2, 6), date(2027, 2, 8))
    assert span.source == "office"


def test_extra_table_corrects_a_package_day() -> None:
    cal = HolidayCalendar({date(2026, 6, 1): False, date(2026, 5, 31): True})
    assert cal.is_rest_day(date(2026, 6, 1)) is True
    assert cal.is_rest_day(date(2026, 5, 31)) is False
    assert CAL.is_rest_day(date(2026, 6, 1)) is False  # the default calendar is untouched


def test_rows_shaped_like_the_store_table() -> None:
    class Row:
        def __init__(self, day: date, is_workday: bool, holiday_name: str | None) -> None:
            self.day, self.is_workday, self.holiday_name = day, is_workday, holiday_name

    cal = HolidayCalendar.from_rows([Row(date(2027, 10, 1), False, "national_day")])
    assert cal.holiday_name(date(2027, 10, 1)) == "national_day"


def test_without_package() -> None:
    cal = HolidayCalendar(use_package=False)
    assert not cal.knows_year(2026)
    assert cal.is_rest_day(date(2026, 10, 1)) is None


def test_datetimes_are_reduced_to_dates() -> None:
    assert CAL.is_rest_day(datetime(2026, 10, 1, 9, 30)) is True


@pytest.mark.parametrize(
    ("year", "name", "first", "last", "break_start"),
    [
        (2026, "spring_festival", date(2026, 2, 15), date(2026, 2, 23), date(2026, 2, 15)),
        (2026, "national_day", date(2026, 10, 1), date(2026, 10, 7), date(2026, 10, 1)),
        # 2023: 中秋 on 09-29 joins the 国庆 break
        (2023, "national_day", date(2023, 9, 30), date(2023, 10, 6), date(2023, 9, 29)),
        # 2025: 中秋 (10-06) sits inside the 国庆 days; still one span
        (2025, "national_day", date(2025, 10, 1), date(2025, 10, 8), date(2025, 10, 1)),
        # 元旦 2017 begins on a Sunday; the break starts the Saturday before, in 2016
        (2017, "new_year", date(2017, 1, 1), date(2017, 1, 2), date(2016, 12, 31)),
        (2024, "new_year", date(2023, 12, 30), date(2024, 1, 1), date(2023, 12, 30)),
    ],
)
def test_named_holidays(year: int, name: str, first: date, last: date, break_start: date) -> None:
    span = CAL.holidays_named(year, name)
    assert span is not None
    assert (span.first_day, span.last_day, span.break_start) == (first, last, break_start)
    assert span.source == "package"


def test_named_holiday_by_chinese_label_and_unknown() -> None:
    assert CAL.holidays_named(2026, "国庆节") == CAL.holidays_named(2026, "national_day")
    assert CAL.holidays_named(UNKNOWN, "spring_festival") is None
    span = CAL.holidays_named(2026, "spring_festival")
    assert span is not None and span.label == "春节"
