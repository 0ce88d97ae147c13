"""Weekly targets and other local-practice checks (docs/domain.md, "Weekly targets and local practice";
docs/ui.md, "工作台").

* Weekly targets — patrols ≥ 2, talks with ≥ 2 detainees, mailbox opened ≥ 1 (with 2 openers). A week
  runs from ``week_start`` (Monday) for 7 days. Severity of a shortfall follows the 工作台: nothing special
  up to the 3rd day of the week, amber from the 4th (after Wednesday), red from the 5th (Friday) and
  for a week that has ended short.
* New arrivals — every newly admitted detainee talked to within ``new_arrival_talk_days`` (local
  practice "新进人员必谈"; the number is a setting).
* Pre-holiday inspections — before 春节 and 国庆节 (setting), due in the ``preholiday_lead_days`` before
  the holiday break starts (from the calendar).
* Staff on duty — 2–3 on a working day, holiday duty on rest days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from inspector.domain.enums import HolidayName
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label
from inspector.rules.calendar import HolidayCalendar, HolidaySpan, unknown_year_reason
from inspector.rules.text import Label, define, join

__all__ = [
    "TARGET_LABELS",
    "DutyStatus",
    "MailboxOpeningRecord",
    "NewArrival",
    "NewArrivalTalkStatus",
    "PreholidayRecord",
    "PreholidayStatus",
    "Severity",
    "TalkRecord",
    "TargetStatus",
    "new_arrival_talks",
    "preholiday_inspection_status",
    "preholiday_inspections_due",
    "shortfall_severity",
    "staff_on_duty_status",
    "target_status",
    "week_bounds",
    "weekly_targets",
    "weekly_targets_from_counts",
]

Severity = Literal["ok", "pending", "amber", "red"]
"""``ok`` met / nothing to do; ``pending`` not met yet but not late; ``amber`` getting late; ``red`` late."""

TARGET_LABELS: dict[str, str] = {
    "patrols": Label("巡视"),
    "talks": Label("谈话"),
    "mailbox_openings": Label("信箱"),
}

_WEEK_COUNT = define(
    "target.week_count",
    "本周（{start}至{end}）{target}{count}次，要求不少于{minimum}次",
    "This week ({start} to {end}): {target} {count} times, at least {minimum} required",
)
_WEEK_TALKS = define(
    "target.week_talks",
    "本周（{start}至{end}）谈话{count}人，要求不少于{minimum}人",
    "This week ({start} to {end}): talks with {count} people, at least {minimum} required",
)
_SHORT_TIMES = define("target.short_times", "，尚差{n}次", ", {n} short")
_SHORT_PEOPLE = define("target.short_people", "，尚差{n}人", ", {n} people short")
_WEEK_OVER = define("target.week_over", "（本周已结束）", " (the week is over)")
_AND = define("target.and_note", "{text}；{note}", "{text}; {note}")
_MAILBOX_SHORT = define(
    "target.mailbox_short",
    "另有{n}次开箱不足{required}人，未计入",
    "{n} more openings had fewer than {required} people present and are not counted",
)
_ARRIVAL_HEAD = define(
    "target.arrival_head",
    "{admitted}入所，应于{due}前谈话（新收押人员{n}日内必谈）",
    "Admitted on {admitted}: talk by {due} (every new arrival within {n} days)",
)
_ARRIVAL_TALKED = define("target.arrival_talked", "{head}；已于{day}谈话", "{head}; talked on {day}")
_ARRIVAL_LATE = define(
    "target.arrival_talked_late",
    "{head}；已于{day}谈话，晚{late}日",
    "{head}; talked on {day}, {late} days late",
)
_ARRIVAL_LEFT = define(
    "target.arrival_left", "{head}；{day}已出所，未谈话", "{head}; left the centre on {day} without a talk"
)
_ARRIVAL_OVERDUE = define(
    "target.arrival_overdue", "{head}；已逾期{days}日未谈话", "{head}; no talk, {days} days overdue"
)
_ARRIVAL_PENDING = define("target.arrival_pending", "{head}；还有{days}日", "{head}; days left: {days}")
_ESTIMATED = define(
    "target.holiday_estimated",
    "{year}年节假日安排尚未录入，按{month}月{day}日估计假期开始",
    "Holiday schedule for {year} not entered yet: the break is taken to start on {month}/{day}",
)
_NO_SCHEDULE = define(
    "target.holiday_unknown",
    "{year}年{holiday}假期安排尚未录入节假日表，无法确定检查期限",
    "The {holiday} {year} break is not in the holiday table yet: the inspection's dates cannot be set",
)
_INSPECTED_ON = define("target.inspected_on", "已于{day}检查", "inspected on {day}")
_WINDOW = define(
    "target.preholiday_window",
    "{year}年{holiday}假期自{start}开始，节前安全大检查应在{from_}至{to}进行",
    "The {holiday} {year} break starts on {start}: the safety inspection is due from {from_} to {to}",
)
_TOO_EARLY = define("target.too_early", "早于节前检查期间", "before the inspection period")
_TOO_LATE = define("target.too_late", "在假期开始后才检查", "only after the break had started")
_NOT_YET = define("target.not_yet", "尚未检查，还有{days}日", "not inspected yet, days left: {days}")
_MISSED = define(
    "target.missed", "假期已开始，未录入节前检查", "the break has started and no inspection is recorded"
)
_REST_STAFF = define("target.rest_staff", "{day}为休息日，值班{count}人", "{day}, rest day: {count} on duty")
_REST_STAFF_NEEDED = define(
    "target.rest_staff_needed",
    "{day}为休息日，值班{count}人（应安排人员值班）",
    "{day}, rest day: {count} on duty (someone must be on duty)",
)
_WORK_STAFF = define(
    "target.work_staff",
    "{day}为工作日，在岗{count}人，要求{required}至{max}人",
    "{day}, working day: {count} on site, {required} to {max} required",
)

_AMBER_FROM_DAY = 3  # 0-based day of the week: Thursday when the week starts on Monday
_RED_FROM_DAY = 4  # Friday
# Holidays that always start on a fixed day: usable as an (uncertain) estimate for a year not yet entered.
_FIXED_START: dict[str, tuple[int, int]] = {
    HolidayName.NEW_YEAR.value: (1, 1),
    HolidayName.LABOUR_DAY.value: (5, 1),
    HolidayName.NATIONAL_DAY.value: (10, 1),
}
# Latest possible last day of a lunar-calendar holiday break (春节 falls between 1月21日 and 2月20日 …).
_LATEST_END: dict[str, tuple[int, int]] = {
    HolidayName.SPRING_FESTIVAL.value: (3, 1),
    HolidayName.QINGMING.value: (4, 10),
    HolidayName.DRAGON_BOAT.value: (7, 1),
    HolidayName.MID_AUTUMN.value: (10, 15),
}


# ---------------------------------------------------------------------- weekly targets


def week_bounds(d: date, settings: RuleSettings) -> tuple[date, date]:
    """First and last day of the week containing ``d`` (``week_start``, default Monday–Sunday)."""
    offset = (d.weekday() - settings.week_start_weekday) % 7
    start = d - timedelta(days=offset)
    return start, start + timedelta(days=6)


def shortfall_severity(week_start: date, today: date) -> Severity:
    """Severity of an unmet target in the week beginning ``week_start``, seen on ``today``."""
    day = (today - week_start).days
    if day < _AMBER_FROM_DAY:
        return "pending"
    if day < _RED_FROM_DAY:
        return "amber"
    return "red"


@dataclass(frozen=True)
class TargetStatus:
    """One weekly target: ``count`` of ``minimum`` in ``week_start``..``week_end``."""

    target: str
    label: str
    week_start: date
    week_end: date
    count: int
    minimum: int
    met: bool
    shortfall: int
    severity: Severity
    note: str

    @property
    def card_text(self) -> str:
        """Dashboard card text, e.g. ``巡视 1/2`` or ``谈话 3/2 ✓``."""
        return f"{self.label} {self.count}/{self.minimum}" + (" ✓" if self.met else "")


def target_status(
    target: str, count: int, minimum: int, week_start: date, today: date, note: str = ""
) -> TargetStatus:
    week_end = week_start + timedelta(days=6)
    met = count >= minimum
    shortfall = max(0, minimum - count)
    severity: Severity = "ok" if met else shortfall_severity(week_start, today)
    name = TARGET_LABELS.get(target, target)
    text: str = _WEEK_COUNT(start=week_start, end=week_end, target=name, count=count, minimum=minimum)
    if target == "talks":
        text = _WEEK_TALKS(start=week_start, end=week_end, count=count, minimum=minimum)
    if not met:
        text += (_SHORT_PEOPLE if target == "talks" else _SHORT_TIMES)(n=shortfall)
        if today > week_end:
            text += _WEEK_OVER()
    if note:
        text = _AND(text=text, note=note)
    return TargetStatus(target, name, week_start, week_end, count, minimum, met, shortfall, severity, text)


def weekly_targets_from_counts(
    week_of: date, counts: Mapping[str, int], settings: RuleSettings, today: date
) -> tuple[TargetStatus, ...]:
    """The three weekly targets from ready-made counts (keys ``patrols``, ``talks``,
    ``mailbox_openings``; missing keys count as 0)."""
    start, _ = week_bounds(week_of, settings)
    minimums = {
        "patrols": settings.patrols_per_week_min,
        "talks": settings.talks_per_week_min,
        "mailbox_openings": settings.mailbox_openings_per_week_min,
    }
    return tuple(target_status(t, counts.get(t, 0), m, start, today) for t, m in minimums.items())


@dataclass(frozen=True)
class TalkRecord:
    """A talk as the rules need it. ``detainee_id`` ``None`` counts as a separate person."""

    detainee_id: str | None
    talk_on: date
    talk_type: str


@dataclass(frozen=True)
class MailboxOpeningRecord:
    opened_on: date
    openers: int


def weekly_targets(
    today: date,
    settings: RuleSettings,
    *,
    patrol_dates: Iterable[date] = (),
    talks: Iterable[TalkRecord] = (),
    mailbox_openings: Iterable[MailboxOpeningRecord] = (),
    week_of: date | None = None,
) -> tuple[TargetStatus, ...]:
    """Weekly targets for the week containing ``week_of`` (default ``today``), counted from records
    (records outside the week are ignored). Talks count distinct detainees of the types in
    ``talk_types_counted``; a mailbox opening counts only with ``mailbox_openers_required`` openers."""
    start, end = week_bounds(week_of or today, settings)

    def in_week(d: date) -> bool:
        return start <= d <= end

    patrols = sum(1 for d in patrol_dates if in_week(d))
    people: set[object] = set()
    for i, t in enumerate(talks):
        if in_week(t.talk_on) and t.talk_type in settings.talk_types_counted:
            people.add(t.detainee_id if t.detainee_id is not None else ("anonymous", i))
    openings = [m for m in mailbox_openings if in_week(m.opened_on)]
    valid = [m for m in openings if m.openers >= settings.mailbox_openers_required]
    mailbox_note = ""
    if len(valid) < len(openings):
        short = len(openings) - len(valid)
        mailbox_note = _MAILBOX_SHORT(n=short, required=settings.mailbox_openers_required)
    return (
        target_status("patrols", patrols, settings.patrols_per_week_min, start, today),
        target_status("talks", len(people), settings.talks_per_week_min, start, today),
        target_status(
            "mailbox_openings", len(valid), settings.mailbox_openings_per_week_min, start, today, mailbox_note
        ),
    )


# ---------------------------------------------------------------------- new arrivals


@dataclass(frozen=True)
class NewArrival:
    detainee_id: str
    admitted_on: date
    discharged_on: date | None = None


@dataclass(frozen=True)
class NewArrivalTalkStatus:
    detainee_id: str
    admitted_on: date
    due: date
    talked_on: date | None
    status: Literal["done", "pending", "overdue", "not_applicable"]
    severity: Severity
    note: str


def new_arrival_talks(
    arrivals: Iterable[NewArrival], talks: Iterable[TalkRecord], settings: RuleSettings, today: date
) -> tuple[NewArrivalTalkStatus, ...]:
    """Whether each new arrival was talked to within ``new_arrival_talk_days`` of admission (any talk
    type on or after the admission day counts; calendar days, no holiday rollover)."""
    talk_dates: dict[str, list[date]] = {}
    for t in talks:
        if t.detainee_id is not None:
            talk_dates.setdefault(t.detainee_id, []).append(t.talk_on)
    out: list[NewArrivalTalkStatus] = []
    n = settings.new_arrival_talk_days
    for a in arrivals:
        due = a.admitted_on + timedelta(days=n)
        dates = sorted(talk_dates.get(a.detainee_id, []))
        talked = next((d for d in dates if d >= a.admitted_on), None)
        head = _ARRIVAL_HEAD(admitted=a.admitted_on, due=due, n=n)
        note: str
        if talked is not None:
            late = (talked - due).days
            note = (
                _ARRIVAL_LATE(head=head, day=talked, late=late)
                if late > 0
                else _ARRIVAL_TALKED(head=head, day=talked)
            )
            out.append(NewArrivalTalkStatus(a.detainee_id, a.admitted_on, due, talked, "done", "ok", note))
        elif a.discharged_on is not None and a.discharged_on <= due:
            note = _ARRIVAL_LEFT(head=head, day=a.discharged_on)
            out.append(
                NewArrivalTalkStatus(a.detainee_id, a.admitted_on, due, None, "not_applicable", "ok", note)
            )
        elif today > due:
            note = _ARRIVAL_OVERDUE(head=head, days=(today - due).days)
            out.append(NewArrivalTalkStatus(a.detainee_id, a.admitted_on, due, None, "overdue", "red", note))
        else:
            severity: Severity = "amber" if today == due else "pending"
            note = _ARRIVAL_PENDING(head=head, days=(due - today).days)
            out.append(
                NewArrivalTalkStatus(a.detainee_id, a.admitted_on, due, None, "pending", severity, note)
            )
    return tuple(out)


# ---------------------------------------------------------------------- pre-holiday inspections


@dataclass(frozen=True)
class PreholidayRecord:
    """A recorded 节前安全大检查 (``preholiday_inspection`` row)."""

    holiday: str
    holiday_year: int
    inspected_on: date


@dataclass(frozen=True)
class PreholidayStatus:
    """The inspection before ``holiday`` of ``year``: due ``window_start``..``window_end`` (the days just
    before the break starts). ``certain`` is false when the holiday's dates are estimated or unknown."""

    holiday: str
    label: str
    year: int
    span: HolidaySpan | None
    break_start: date | None
    window_start: date | None
    window_end: date | None
    inspected_on: date | None
    status: Literal["done", "upcoming", "due", "missed", "unknown"]
    severity: Severity
    certain: bool
    note: str


def preholiday_inspection_status(
    holiday: str,
    year: int,
    calendar: HolidayCalendar,
    settings: RuleSettings,
    inspections: Iterable[PreholidayRecord],
    today: date,
) -> PreholidayStatus:
    name = Label(label(HolidayName, holiday))
    span = calendar.holidays_named(year, holiday)
    certain = span is not None
    break_start: date | None = span.break_start if span is not None else None
    notes: list[str] = []
    if break_start is None and holiday in _FIXED_START:
        month, day = _FIXED_START[holiday]
        break_start = date(year, month, day)
        notes.append(_ESTIMATED(year=year, month=month, day=day))
    recorded = sorted(r.inspected_on for r in inspections if r.holiday == holiday and r.holiday_year == year)
    if break_start is None:
        note: str = _NO_SCHEDULE(year=year, holiday=name)
        if recorded:
            note = join("；", (note, _INSPECTED_ON(day=recorded[-1])))
        status: Literal["done", "unknown"] = "done" if recorded else "unknown"
        return PreholidayStatus(
            holiday, name, year, None, None, None, None, recorded[-1] if recorded else None, status,
            "ok" if recorded else "pending", False, note,
        )  # fmt: skip
    window_end = break_start - timedelta(days=1)
    window_start = break_start - timedelta(days=settings.preholiday_lead_days)
    head = _WINDOW(year=year, holiday=name, start=break_start, from_=window_start, to=window_end)
    notes.insert(0, head)

    def result(
        status: Literal["done", "upcoming", "due", "missed"], severity: Severity, inspected: date | None
    ) -> PreholidayStatus:
        return PreholidayStatus(
            holiday, name, year, span, break_start, window_start, window_end, inspected, status, severity,
            certain, join("；", notes),
        )  # fmt: skip

    if recorded:
        inspected = recorded[-1]
        notes.append(_INSPECTED_ON(day=inspected))
        if inspected < window_start:
            notes.append(_TOO_EARLY())
        elif inspected >= break_start:
            notes.append(_TOO_LATE())
        return result("done", "ok", inspected)
    if today < window_start:
        return result("upcoming", "ok", None)
    if today <= window_end:
        notes.append(_NOT_YET(days=(window_end - today).days))
        return result("due", "red" if today == window_end else "amber", None)
    notes.append(_MISSED())
    return result("missed", "red", None)


def preholiday_inspections_due(
    today: date, calendar: HolidayCalendar, settings: RuleSettings, inspections: Iterable[PreholidayRecord]
) -> tuple[PreholidayStatus, ...]:
    """For each holiday in ``preholiday_inspection_holidays``: the status for its next occurrence whose
    break has not ended yet (this year's, else next year's)."""
    records = list(inspections)
    out: list[PreholidayStatus] = []
    for holiday in settings.preholiday_inspection_holidays:
        this_year = preholiday_inspection_status(holiday, today.year, calendar, settings, records, today)
        if this_year.span is not None:
            over = this_year.span.break_end < today
        elif this_year.break_start is not None:  # estimated fixed-date start; assume a week-long break
            over = this_year.break_start + timedelta(days=7) < today
        else:  # lunar holiday in a year not entered: over once past its latest possible end
            latest = _LATEST_END.get(holiday)
            over = latest is not None and today > date(today.year, *latest)
        if over:
            out.append(
                preholiday_inspection_status(holiday, today.year + 1, calendar, settings, records, today)
            )
        else:
            out.append(this_year)
    return tuple(out)


# ---------------------------------------------------------------------- staff on duty


@dataclass(frozen=True)
class DutyStatus:
    day: date
    is_workday: bool
    certain: bool
    count: int
    required: int
    met: bool
    note: str


def staff_on_duty_status(
    day: date, count: int, calendar: HolidayCalendar, settings: RuleSettings
) -> DutyStatus:
    """Working day: at least ``staff_on_duty_min`` on duty; rest day: one on holiday duty (if required)."""
    rest = calendar.is_rest_day(day)
    certain = rest is not None
    if rest is None:
        rest = day.weekday() >= 5
    if rest:
        required = 1 if settings.holiday_duty_required else 0
        note: str = (_REST_STAFF_NEEDED if count < required else _REST_STAFF)(day=day, count=count)
    else:
        required = settings.staff_on_duty_min
        note = _WORK_STAFF(day=day, count=count, required=required, max=settings.staff_on_duty_max)
    if not certain:
        note = join("；", (note, unknown_year_reason(day.year)))
    return DutyStatus(day, not rest, certain, count, required, count >= required, note)
