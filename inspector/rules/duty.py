"""The duty roster's rules (docs/domain.md, "Duty roster"): staff on site on working days, someone on
duty on statutory holidays, days on site per person and month.

Pure functions of the roster (who is planned how on which day), the sign-ins, the holiday calendar and
the settings:

* a **working day** (a weekday that is not a holiday, or a 调休 Saturday or Sunday) needs at least
  ``staff_on_duty_min`` people counted towards it planned 在岗 or 值班; fewer is a warning from
  ``duty_staff_warning_days`` (3) days ahead;
* a **statutory holiday** — a rest day carrying a holiday's name, from ``chinese_calendar`` and the
  office's holiday table (:class:`~inspector.rules.calendar.HolidayCalendar`), so a weekend inside a
  holiday break counts — needs one of them planned 值班 or 在岗 (``holiday_duty_required``); none is a
  warning from ``holiday_duty_warning_days`` (7) days ahead. An ordinary weekend needs nobody;
* **days on site**: the days a person signed in, per month, against ``days_on_site_target``; beside
  them the days planned on site, the planned days without a sign-in and the sign-ins without a plan.

For a year neither calendar source knows, weekends are rest days, and the statutory days that fall on
fixed dates (元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October; 《全国年节及纪念日放假办法》) are
holidays; every such day is marked uncertain.
"""

from __future__ import annotations

import calendar as _cal
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from inspector.domain.enums import DutyState, HolidayName
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label
from inspector.rules.calendar import HolidayCalendar, unknown_year_reason, weekday_label
from inspector.rules.text import Label, Text, define, join

__all__ = [
    "ON_SITE_STATES",
    "DayCheck",
    "DayKind",
    "DutyWarning",
    "PersonDays",
    "Planned",
    "RosterDay",
    "SignedIn",
    "StaffInput",
    "check_day",
    "check_month",
    "days_on_site",
    "duty_warnings",
    "month_days",
    "roster_day",
]

ON_SITE_STATES = frozenset({DutyState.ON_SITE.value, DutyState.ON_DUTY.value})
"""Planned states that put a person on site: 在岗 and 值班 (请假 and 外出 do not)."""

DayKind = Literal["workday", "rest", "holiday"]

_HOLIDAY_DAY = define("duty.holiday_day", "法定节假日（{holiday}）", "Statutory holiday ({holiday})")
_REST_DAY = define("duty.rest_day", "休息日", "Rest day")
_ADJUSTED_DAY = define("duty.adjusted_day", "调休工作日（{holiday}）", "Make-up working day ({holiday})")
_WORKING_DAY = define("duty.working_day", "工作日", "Working day")
_WHEN = define("duty.when", "{day}（{weekday}）", "{day} ({weekday})")
_WORKDAY_NOTE = define(
    "duty.workday_note",
    "{when}为{kind}，计划在岗{n}人，要求{required}至{max}人",
    "{when}, {kind}: {n} planned on site, {required} to {max} required",
)
_SHORT_BY = define("duty.short_by", "，尚差{missing}人", ", {missing} short")
_HOLIDAY_NOTE = define(
    "duty.holiday_note", "{when}为{kind}，值班{n}人（{names}）", "{when}, {kind}: {n} on duty ({names})"
)
_HOLIDAY_NOBODY = define(
    "duty.holiday_nobody", "{when}为{kind}，未安排人员值班", "{when}, {kind}: nobody on duty"
)
_HOLIDAY_NEEDS = define(
    "duty.holiday_needs", "，法定节假日应安排人员值班", "; someone must be on duty on a statutory holiday"
)
_REST_NOTE = define("duty.rest_note", "{when}为休息日", "{when}, rest day")
_REST_DUTY_NOTE = define("duty.rest_duty_note", "{when}为休息日，值班{n}人", "{when}, rest day: {n} on duty")
_UNKNOWN_NOTE = define("duty.unknown_note", "{note}；{reason}", "{note}; {reason}")
# Statutory days on fixed dates, for a year neither calendar source knows.
_FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): HolidayName.NEW_YEAR.value,
    (5, 1): HolidayName.LABOUR_DAY.value,
    (5, 2): HolidayName.LABOUR_DAY.value,
    (10, 1): HolidayName.NATIONAL_DAY.value,
    (10, 2): HolidayName.NATIONAL_DAY.value,
    (10, 3): HolidayName.NATIONAL_DAY.value,
}


@dataclass(frozen=True)
class StaffInput:
    """A person on the roster. ``counted``: counts towards the staff on site (计入在岗人数)."""

    id: str
    name: str
    counted: bool = True


@dataclass(frozen=True)
class Planned:
    """A plan entry: ``staff_id`` is planned ``state`` (a :class:`DutyState` value) on ``day``."""

    staff_id: str
    day: date
    state: str


@dataclass(frozen=True)
class SignedIn:
    """A sign-in: ``staff_id`` was on site on ``day``."""

    staff_id: str
    day: date


@dataclass(frozen=True)
class RosterDay:
    """What kind of day ``day`` is for the roster. ``holiday`` is a :class:`HolidayName` value for a
    statutory holiday and for a 调休 working day (``adjusted``); ``certain`` is false in a year neither
    calendar source knows."""

    day: date
    kind: DayKind
    holiday: str | None
    adjusted: bool
    certain: bool

    @property
    def weekday(self) -> str:
        """``周一`` … ``周日`` (a core label)."""
        return weekday_label(self.day)

    @property
    def holiday_label(self) -> str:
        return Label(label(HolidayName, self.holiday)) if self.holiday else ""

    @property
    def describe(self) -> Text:
        """``工作日``, ``调休工作日（国庆节）``, ``休息日``, ``法定节假日（国庆节）``."""
        if self.kind == "holiday":
            return _HOLIDAY_DAY(holiday=self.holiday_label)
        if self.kind == "rest":
            return _REST_DAY()
        return _ADJUSTED_DAY(holiday=self.holiday_label) if self.adjusted else _WORKING_DAY()


def roster_day(d: date, calendar: HolidayCalendar) -> RosterDay:
    rest = calendar.is_rest_day(d)
    if rest is None:  # a year neither source knows: weekends, and the fixed-date holidays
        fixed = _FIXED_HOLIDAYS.get((d.month, d.day))
        if fixed is not None:
            return RosterDay(d, "holiday", fixed, False, False)
        return RosterDay(d, "rest" if d.weekday() >= 5 else "workday", None, False, False)
    name = calendar.holiday_name(d)
    if rest:
        return RosterDay(d, "holiday" if name else "rest", name, False, True)
    adjusted = d.weekday() >= 5
    return RosterDay(d, "workday", name if adjusted else None, adjusted, True)


def month_days(year: int, month: int, calendar: HolidayCalendar) -> tuple[RosterDay, ...]:
    last = _cal.monthrange(year, month)[1]
    return tuple(roster_day(date(year, month, k), calendar) for k in range(1, last + 1))


# ---------------------------------------------------------------------- staff on site and holiday duty


@dataclass(frozen=True)
class DayCheck:
    """One day of the roster: ``on_site`` people counted towards the minimum planned 在岗 or 值班 (their
    names in ``names``), ``required`` of them; ``problem`` is ``short`` (a working day below the
    minimum), ``no_duty`` (a statutory holiday without anyone on duty) or ``None``."""

    day: RosterDay
    on_site: int
    names: tuple[str, ...]
    required: int
    problem: Literal["short", "no_duty"] | None
    note: str  # a Text (inspector.rules.text)


def _by_day(plan: Iterable[Planned]) -> dict[date, dict[str, str]]:
    out: dict[date, dict[str, str]] = defaultdict(dict)
    for p in plan:
        out[p.day][p.staff_id] = p.state
    return out


def check_day(
    rd: RosterDay,
    staff: Iterable[StaffInput],
    states: Mapping[str, str],
    settings: RuleSettings,
) -> DayCheck:
    """``states``: staff id → planned state on ``rd.day`` (missing: nothing planned)."""
    names = tuple(s.name for s in staff if s.counted and states.get(s.id) in ON_SITE_STATES)
    n = len(names)
    when = _WHEN(day=rd.day, weekday=rd.weekday)
    problem: Literal["short", "no_duty"] | None = None
    note: str
    if rd.kind == "workday":
        required = settings.staff_on_duty_min
        note = _WORKDAY_NOTE(
            when=when, kind=rd.describe, n=n, required=required, max=settings.staff_on_duty_max
        )
        if n < required:
            problem = "short"
            note += _SHORT_BY(missing=required - n)
    elif rd.kind == "holiday":
        required = 1 if settings.holiday_duty_required else 0
        if n:
            note = _HOLIDAY_NOTE(when=when, kind=rd.describe, n=n, names=join("、", names))
        else:
            note = _HOLIDAY_NOBODY(when=when, kind=rd.describe)
        if n < required:
            problem = "no_duty"
            note += _HOLIDAY_NEEDS()
    else:
        required = 0
        note = _REST_DUTY_NOTE(when=when, n=n) if n else _REST_NOTE(when=when)
    if not rd.certain:
        note = _UNKNOWN_NOTE(note=note, reason=unknown_year_reason(rd.day.year))
    return DayCheck(rd, n, names, required, problem, note)


def check_month(
    year: int,
    month: int,
    staff: Iterable[StaffInput],
    plan: Iterable[Planned],
    calendar: HolidayCalendar,
    settings: RuleSettings,
) -> tuple[DayCheck, ...]:
    """Every day of the month checked against the minimum staff and holiday duty."""
    people = list(staff)
    by_day = _by_day(plan)
    return tuple(
        check_day(rd, people, by_day.get(rd.day, {}), settings) for rd in month_days(year, month, calendar)
    )


@dataclass(frozen=True)
class DutyWarning:
    """A coming day the roster leaves short: ``kind`` is ``duty_staff`` (a working day below the
    minimum) or ``holiday_duty`` (a statutory holiday without anyone on duty)."""

    kind: Literal["duty_staff", "holiday_duty"]
    check: DayCheck
    days_left: int

    @property
    def day(self) -> date:
        return self.check.day.day

    @property
    def certain(self) -> bool:
        return self.check.day.certain


def duty_warnings(
    today: date,
    staff: Iterable[StaffInput],
    plan: Iterable[Planned],
    calendar: HolidayCalendar,
    settings: RuleSettings,
) -> tuple[DutyWarning, ...]:
    """Working days from ``today`` to ``duty_staff_warning_days`` ahead planned below the minimum, and
    statutory holidays up to ``holiday_duty_warning_days`` ahead without anyone on duty, by date."""
    people = list(staff)
    by_day = _by_day(plan)
    out: list[DutyWarning] = []
    for offset in range(max(settings.duty_staff_warning_days, settings.holiday_duty_warning_days) + 1):
        d = today + timedelta(days=offset)
        check = check_day(roster_day(d, calendar), people, by_day.get(d, {}), settings)
        if check.problem == "short" and offset <= settings.duty_staff_warning_days:
            out.append(DutyWarning("duty_staff", check, offset))
        elif check.problem == "no_duty" and offset <= settings.holiday_duty_warning_days:
            out.append(DutyWarning("holiday_duty", check, offset))
    return tuple(out)


# ---------------------------------------------------------------------- days on site


@dataclass(frozen=True)
class PersonDays:
    """One person's month: ``planned`` days planned 在岗 or 值班 (the whole month), ``actual`` days signed
    in (up to ``as_of``), ``missed`` planned days up to ``as_of`` without a sign-in, ``unplanned``
    sign-ins on days not planned on site. ``met`` is ``None`` while the month runs (``as_of`` before its
    last day) or when there is no target."""

    staff_id: str
    name: str
    planned: int
    actual: int
    missed: int
    unplanned: int
    target: int
    met: bool | None

    @property
    def shortfall(self) -> int:
        return max(0, self.target - self.actual)


def days_on_site(
    year: int,
    month: int,
    staff: Iterable[StaffInput],
    plan: Iterable[Planned],
    sign_ins: Iterable[SignedIn],
    settings: RuleSettings,
    as_of: date,
) -> tuple[PersonDays, ...]:
    """Planned and actual days on site per person for the month (docs/domain.md, "Duty roster")."""
    first = date(year, month, 1)
    last = date(year, month, _cal.monthrange(year, month)[1])
    planned: dict[str, set[date]] = defaultdict(set)
    for p in plan:
        if first <= p.day <= last and p.state in ON_SITE_STATES:
            planned[p.staff_id].add(p.day)
    signed: dict[str, set[date]] = defaultdict(set)
    for s in sign_ins:
        if first <= s.day <= min(last, as_of):
            signed[s.staff_id].add(s.day)
    target = settings.days_on_site_target
    over = as_of >= last
    out: list[PersonDays] = []
    for person in staff:
        mine, done = planned.get(person.id, set()), signed.get(person.id, set())
        actual = len(done)
        out.append(
            PersonDays(
                person.id,
                person.name,
                len(mine),
                actual,
                sum(1 for d in mine if d <= as_of and d not in done),
                len(done - mine),
                target,
                (actual >= target) if over and target > 0 else None,
            )
        )
    return tuple(out)
