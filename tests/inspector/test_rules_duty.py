"""The duty roster's rules (inspector.rules.duty) across months with a holiday break and 调休 working days.

2026 (chinese_calendar): 春节 2月15日–23日 with 2月14日 (Saturday) and 2月28日 (Saturday) working; 中秋节
9月25日–27日; 国庆节 10月1日–7日 with 9月20日 (Sunday) and 10月10日 (Saturday) working.
"""

from __future__ import annotations

from datetime import date, timedelta

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import ExtraDay, HolidayCalendar, package_years
from inspector.rules.duty import (
    Planned,
    SignedIn,
    StaffInput,
    check_month,
    days_on_site,
    duty_warnings,
    month_days,
    roster_day,
)

S = RuleSettings()
CAL = HolidayCalendar()
A, B, C = StaffInput("a", "王镕"), StaffInput("b", "陈思琪"), StaffInput("c", "刘洋", counted=False)
STAFF = [A, B, C]
UNKNOWN = max(package_years()) + 1


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def weekday_plan(first: date, last: date, *people: StaffInput, state: str = "on_site") -> list[Planned]:
    """A naive plan: everyone 在岗 Monday to Friday, except on statutory holidays."""
    return [
        Planned(p.id, d, state)
        for d in days(first, last)
        if d.weekday() < 5 and not CAL.is_rest_day(d)
        for p in people
    ]


def test_day_kinds_around_national_day() -> None:
    kinds = {rd.day: (rd.kind, rd.holiday, rd.adjusted) for rd in month_days(2026, 10, CAL)}
    assert len(kinds) == 31
    for d in days(date(2026, 10, 1), date(2026, 10, 7)):  # the weekend inside the break is a holiday too
        assert kinds[d] == ("holiday", "national_day", False)
    assert kinds[date(2026, 10, 10)] == ("workday", "national_day", True)  # 调休 Saturday
    assert kinds[date(2026, 10, 11)] == ("rest", None, False)
    assert kinds[date(2026, 10, 12)] == ("workday", None, False)
    sunday = roster_day(date(2026, 9, 20), CAL)
    assert (sunday.kind, sunday.adjusted, sunday.describe) == ("workday", True, "调休工作日（国庆节）")
    assert roster_day(date(2026, 10, 3), CAL).describe == "法定节假日（国庆节）"


def test_october_with_a_weekday_plan_misses_the_adjusted_saturday_and_the_holiday_duty() -> None:
    plan = weekday_plan(date(2026, 10, 1), date(2026, 10, 31), A, B)
    problems = [c for c in check_month(2026, 10, STAFF, plan, CAL, S) if c.problem]
    holidays = [c.day.day for c in problems if c.problem == "no_duty"]
    short = [c.day.day for c in problems if c.problem == "short"]
    assert holidays == days(date(2026, 10, 1), date(2026, 10, 7))
    assert short == [date(2026, 10, 10)]  # a Saturday, but a working day
    oct10 = next(c for c in problems if c.day.day == date(2026, 10, 10))
    assert (oct10.on_site, oct10.required) == (0, 2)
    assert oct10.note == "2026年10月10日（周六）为调休工作日（国庆节），计划在岗0人，要求2至3人，尚差2人"


def test_duty_on_every_holiday_and_the_adjusted_saturday_clears_october() -> None:
    plan = weekday_plan(date(2026, 10, 1), date(2026, 10, 31), A, B)
    plan += [Planned("a", date(2026, 10, 10), "on_site"), Planned("b", date(2026, 10, 10), "on_duty")]
    plan += [
        Planned("ab"[k % 2], d, "on_duty") for k, d in enumerate(days(date(2026, 10, 1), date(2026, 10, 7)))
    ]
    checks = check_month(2026, 10, STAFF, plan, CAL, S)
    assert [c for c in checks if c.problem] == []
    oct3 = next(c for c in checks if c.day.day == date(2026, 10, 3))
    assert oct3.names == ("王镕",) and "值班1人（王镕）" in oct3.note


def test_leave_and_people_not_counted_leave_a_working_day_short() -> None:
    day = date(2026, 10, 13)
    plan = [Planned("a", day, "on_site"), Planned("b", day, "leave"), Planned("c", day, "on_site")]
    (check,) = [c for c in check_month(2026, 10, STAFF, plan, CAL, S) if c.day.day == day]
    assert (check.problem, check.on_site, check.names) == ("short", 1, ("王镕",))
    plan.append(Planned("b", day, "out"))  # 外出 is not on site either
    (check,) = [c for c in check_month(2026, 10, STAFF, plan, CAL, S) if c.day.day == day]
    assert check.problem == "short"


def test_spring_festival_february_with_two_adjusted_saturdays() -> None:
    plan = weekday_plan(date(2026, 2, 1), date(2026, 2, 28), A, B)
    problems = {c.day.day: c.problem for c in check_month(2026, 2, STAFF, plan, CAL, S) if c.problem}
    assert problems == {
        date(2026, 2, 14): "short",  # 调休 Saturday before the break
        **{d: "no_duty" for d in days(date(2026, 2, 15), date(2026, 2, 23))},
        date(2026, 2, 28): "short",  # 调休 Saturday after it
    }
    # ordinary weekends need nobody
    assert date(2026, 2, 7) not in problems and date(2026, 2, 8) not in problems


def test_warnings_three_days_ahead_for_staff_and_a_week_ahead_for_holidays() -> None:
    plan = weekday_plan(date(2026, 9, 1), date(2026, 10, 31), A, B)
    # Thursday 17 September: Sunday the 20th is a working day 3 days ahead; 中秋 (25th) is 8 days ahead
    found = duty_warnings(date(2026, 9, 17), STAFF, plan, CAL, S)
    assert [(w.kind, w.day, w.days_left) for w in found] == [("duty_staff", date(2026, 9, 20), 3)]
    # a day later the 20th is 2 days ahead and 中秋 comes into the week
    found = duty_warnings(date(2026, 9, 18), STAFF, plan, CAL, S)
    assert [(w.kind, w.day) for w in found] == [
        ("duty_staff", date(2026, 9, 20)),
        ("holiday_duty", date(2026, 9, 25)),
    ]
    # 24 September: the whole 中秋 break and 国庆 1 October are within the week
    found = duty_warnings(date(2026, 9, 24), STAFF, plan, CAL, S)
    assert [w.day for w in found] == [date(2026, 9, d) for d in (25, 26, 27)] + [date(2026, 10, 1)]
    assert {w.kind for w in found} == {"holiday_duty"}
    # a holiday that is covered is no warning
    covered = [*plan, Planned("a", date(2026, 9, 25), "on_duty")]
    assert date(2026, 9, 25) not in [w.day for w in duty_warnings(date(2026, 9, 24), STAFF, covered, CAL, S)]


def test_warning_lead_times_and_holiday_duty_are_settings() -> None:
    plan = weekday_plan(date(2026, 9, 1), date(2026, 10, 31), A, B)
    short_lead = RuleSettings(duty_staff_warning_days=2, holiday_duty_warning_days=0)
    assert duty_warnings(date(2026, 9, 17), STAFF, plan, CAL, short_lead) == ()
    no_duty = RuleSettings(holiday_duty_required=False)
    assert {w.kind for w in duty_warnings(date(2026, 9, 24), STAFF, plan, CAL, no_duty)} == set()
    three = RuleSettings(staff_on_duty_min=3)
    (w,) = duty_warnings(date(2026, 10, 12), STAFF, plan, CAL, three)[:1]
    assert (w.kind, w.day, w.check.on_site, w.check.required) == ("duty_staff", date(2026, 10, 12), 2, 3)


def test_a_year_no_calendar_knows_has_its_fixed_holidays_and_is_uncertain() -> None:
    new_year = roster_day(date(UNKNOWN, 1, 1), CAL)
    assert (new_year.kind, new_year.holiday, new_year.certain) == ("holiday", "new_year", False)
    assert roster_day(date(UNKNOWN, 10, 3), CAL).kind == "holiday"
    weekend = date(UNKNOWN, 10, 4).weekday() >= 5
    assert roster_day(date(UNKNOWN, 10, 4), CAL).kind == ("rest" if weekend else "workday")
    found = duty_warnings(date(UNKNOWN - 1, 12, 31), [A], [], CAL, RuleSettings(staff_on_duty_min=0))
    assert [(w.kind, w.day, w.certain) for w in found] == [("holiday_duty", date(UNKNOWN, 1, 1), False)]
    assert "节假日安排尚未录入" in found[0].check.note


def test_the_office_holiday_table_decides_an_unknown_year() -> None:
    year = UNKNOWN
    office = HolidayCalendar(
        [ExtraDay(date(year, 2, d), False, "spring_festival") for d in range(6, 14)]
        + [ExtraDay(date(year, 1, 30), True, "spring_festival")]
    )
    assert roster_day(date(year, 2, 8), office).kind == "holiday"
    made_up = roster_day(date(year, 1, 30), office)
    assert made_up.kind == "workday" and made_up.certain
    assert made_up.adjusted == (date(year, 1, 30).weekday() >= 5)
    found = duty_warnings(date(year, 2, 1), [A, B], [], office, S)
    assert [w.day for w in found if w.kind == "holiday_duty"] == [date(year, 2, d) for d in range(6, 9)]


def test_days_on_site_plan_against_sign_ins() -> None:
    plan = weekday_plan(date(2026, 10, 1), date(2026, 10, 31), A, B)
    plan.append(Planned("a", date(2026, 10, 3), "on_duty"))
    planned_a = sorted(p.day for p in plan if p.staff_id == "a")
    assert len(planned_a) == 18  # the 17 weekdays after the break, and duty on 10月3日
    signed = [SignedIn("a", d) for d in planned_a[:-2]] + [SignedIn("a", date(2026, 10, 11))]
    signed += [SignedIn("b", d) for d in planned_a if d.weekday() < 5][:10]
    month = days_on_site(2026, 10, STAFF, plan, signed, S, date(2026, 10, 31))
    a, b, c = month
    assert (a.planned, a.actual, a.missed, a.unplanned) == (18, 17, 2, 1)
    assert (a.target, a.met, a.shortfall) == (16, True, 0)
    assert (b.planned, b.actual, b.missed, b.met, b.shortfall) == (17, 10, 7, False, 6)
    assert (c.planned, c.actual, c.met) == (0, 0, False)
    running = days_on_site(2026, 10, STAFF, plan, signed, S, date(2026, 10, 15))
    assert running[0].met is None  # the month still runs
    assert running[0].actual == sum(1 for s in signed if s.staff_id == "a" and s.day <= date(2026, 10, 15))
    no_target = RuleSettings(days_on_site_target=0)
    assert days_on_site(2026, 10, [A], plan, signed, no_target, date(2026, 10, 31))[0].met is None
