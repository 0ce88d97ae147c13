"""Weekly targets, new-arrival talks, pre-holiday inspections and staff on duty."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import ExtraDay, HolidayCalendar, package_years
from inspector.rules.targets import (
    MailboxOpeningRecord,
    NewArrival,
    PreholidayRecord,
    TalkRecord,
    new_arrival_talks,
    preholiday_inspection_status,
    preholiday_inspections_due,
    shortfall_severity,
    staff_on_duty_status,
    week_bounds,
    weekly_targets,
    weekly_targets_from_counts,
)

S = RuleSettings()
CAL = HolidayCalendar()
MONDAY = date(2026, 11, 23)
UNKNOWN = max(package_years()) + 1


def test_week_bounds() -> None:
    assert week_bounds(date(2026, 11, 26), S) == (MONDAY, date(2026, 11, 29))
    assert week_bounds(MONDAY, S) == (MONDAY, date(2026, 11, 29))
    sunday_weeks = RuleSettings(week_start="sunday")
    assert week_bounds(date(2026, 11, 26), sunday_weeks) == (date(2026, 11, 22), date(2026, 11, 28))


@pytest.mark.parametrize(
    ("offset", "severity"),
    [(0, "pending"), (2, "pending"), (3, "amber"), (4, "red"), (6, "red"), (9, "red")],
)
def test_shortfall_severity_follows_the_dashboard_rule(offset: int, severity: str) -> None:
    # Mon–Wed nothing, Thursday amber ("after Wednesday"), Friday and later red
    assert shortfall_severity(MONDAY, MONDAY + timedelta(days=offset)) == severity


def test_weekly_targets_from_records() -> None:
    talks = [
        TalkRecord("a", date(2026, 11, 24), "routine"),
        TalkRecord("a", date(2026, 11, 25), "requested"),  # same person: counts once
        TalkRecord("b", date(2026, 11, 22), "routine"),  # previous week
    ]
    result = weekly_targets(
        date(2026, 11, 26),
        S,
        patrol_dates=[date(2026, 11, 23), date(2026, 11, 30)],
        talks=talks,
        mailbox_openings=[MailboxOpeningRecord(date(2026, 11, 24), 1)],
    )
    patrols, talk, mailbox = result
    assert (patrols.count, patrols.met, patrols.shortfall, patrols.severity) == (1, False, 1, "amber")
    assert patrols.card_text == "巡视 1/2"
    assert (talk.count, talk.severity) == (1, "amber")
    assert "谈话1人" in talk.note
    assert mailbox.count == 0
    assert "不足2人" in mailbox.note


def test_weekly_targets_met() -> None:
    talks = [
        TalkRecord("a", MONDAY, "routine"),
        TalkRecord(None, MONDAY, "other"),
        TalkRecord(None, MONDAY, "other"),
    ]
    result = weekly_targets(
        date(2026, 11, 27),
        S,
        patrol_dates=[MONDAY, MONDAY + timedelta(days=2)],
        talks=talks,
        mailbox_openings=[MailboxOpeningRecord(MONDAY, 2)],
    )
    assert all(t.met and t.severity == "ok" for t in result)
    assert result[1].count == 3  # anonymous talks count separately
    assert result[1].card_text == "谈话 3/2 ✓"


def test_talk_types_counted_setting() -> None:
    only_routine = RuleSettings(talk_types_counted=frozenset({"routine"}))
    talks = [TalkRecord("a", MONDAY, "routine"), TalkRecord("b", MONDAY, "pre_release")]
    assert weekly_targets(MONDAY, only_routine, talks=talks)[1].count == 1
    assert weekly_targets(MONDAY, S, talks=talks)[1].count == 2


def test_past_week_short_is_red() -> None:
    result = weekly_targets_from_counts(MONDAY, {"patrols": 1, "talks": 5}, S, date(2026, 12, 1))
    assert result[0].severity == "red" and "本周已结束" in result[0].note
    assert result[1].met
    assert result[2].count == 0


def test_new_arrival_talks() -> None:
    arrivals = [
        NewArrival("a", date(2026, 11, 20)),
        NewArrival("b", date(2026, 11, 20)),
        NewArrival("c", date(2026, 11, 24)),
        NewArrival("d", date(2026, 11, 25)),
        NewArrival("e", date(2026, 11, 18), discharged_on=date(2026, 11, 19)),
        NewArrival("f", date(2026, 11, 18)),
    ]
    talks = [
        TalkRecord("a", date(2026, 11, 21), "new_admission"),
        TalkRecord("f", date(2026, 11, 10), "routine"),  # before this admission: does not count
        TalkRecord("f", date(2026, 11, 25), "routine"),
    ]
    today = date(2026, 11, 27)
    by_id = {s.detainee_id: s for s in new_arrival_talks(arrivals, talks, S, today)}
    assert (by_id["a"].status, by_id["a"].talked_on) == ("done", date(2026, 11, 21))
    assert (by_id["b"].status, by_id["b"].severity, by_id["b"].due) == ("overdue", "red", date(2026, 11, 23))
    assert (by_id["c"].status, by_id["c"].severity) == ("pending", "amber")  # due today
    assert (by_id["d"].status, by_id["d"].severity) == ("pending", "pending")
    assert by_id["e"].status == "not_applicable"
    assert by_id["f"].status == "done" and "晚4日" in by_id["f"].note


def test_preholiday_inspection_window() -> None:
    def status(today: date, records: list[PreholidayRecord] | None = None) -> tuple[str, str]:
        r = preholiday_inspection_status("spring_festival", 2026, CAL, S, records or [], today)
        return r.status, r.severity

    # 春节 2026: break starts 02-15; window 02-08..02-14
    assert status(date(2026, 2, 7)) == ("upcoming", "ok")
    assert status(date(2026, 2, 8)) == ("due", "amber")
    assert status(date(2026, 2, 14)) == ("due", "red")
    assert status(date(2026, 2, 15)) == ("missed", "red")
    done = [PreholidayRecord("spring_festival", 2026, date(2026, 2, 12))]
    assert status(date(2026, 2, 15), done) == ("done", "ok")
    r = preholiday_inspection_status("spring_festival", 2026, CAL, S, done, date(2026, 2, 15))
    assert (r.window_start, r.window_end, r.inspected_on, r.certain) == (
        date(2026, 2, 8),
        date(2026, 2, 14),
        date(2026, 2, 12),
        True,
    )


def test_preholiday_break_start_includes_adjoining_holiday() -> None:
    r = preholiday_inspection_status("national_day", 2023, CAL, S, [], date(2023, 9, 20))
    assert r.break_start == date(2023, 9, 29)  # 中秋 joins 国庆 in 2023
    assert r.window_end == date(2023, 9, 28)


def test_preholiday_unknown_year() -> None:
    r = preholiday_inspection_status("spring_festival", UNKNOWN, CAL, S, [], date(UNKNOWN - 1, 12, 1))
    assert r.status == "unknown" and not r.certain
    assert "尚未录入" in r.note
    national = preholiday_inspection_status("national_day", UNKNOWN, CAL, S, [], date(UNKNOWN, 9, 25))
    assert national.break_start == date(UNKNOWN, 10, 1)
    assert national.status == "due" and not national.certain
    cal = HolidayCalendar([ExtraDay(date(UNKNOWN, 2, d), False, "spring_festival") for d in range(6, 13)])
    known = preholiday_inspection_status("spring_festival", UNKNOWN, cal, S, [], date(UNKNOWN, 1, 31))
    assert known.certain and known.status == "due"


def test_preholiday_inspections_due_picks_the_next_occurrence() -> None:
    sept = preholiday_inspections_due(date(2026, 9, 26), CAL, S, [])
    assert [(r.holiday, r.year) for r in sept] == [("spring_festival", 2027), ("national_day", 2026)]
    assert sept[1].status == "due"
    jan = preholiday_inspections_due(date(2026, 1, 20), CAL, S, [])
    assert [(r.holiday, r.year) for r in jan] == [("spring_festival", 2026), ("national_day", 2026)]


def test_staff_on_duty() -> None:
    workday = staff_on_duty_status(date(2026, 2, 28), 1, CAL, S)  # 调休 Saturday
    assert workday.is_workday and not workday.met and workday.required == 2
    holiday = staff_on_duty_status(date(2026, 10, 2), 1, CAL, S)
    assert not holiday.is_workday and holiday.met and holiday.required == 1
    assert not staff_on_duty_status(date(2026, 10, 2), 0, CAL, S).met
    unknown = staff_on_duty_status(date(UNKNOWN, 3, 3), 2, CAL, S)
    assert not unknown.certain and "尚未录入" in unknown.note
