"""Reminders of the office's own recurring and incident duties (docs/domain.md, "Reminders"): the
half-yearly 联席会议, the month-end report, and what an incident — above all a 非正常死亡 — requires.
Pure functions of dates, records' values and settings.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from inspector.domain.settings import RuleSettings
from inspector.rules.periods import add_months_clamped
from inspector.rules.text import cite, define

__all__ = [
    "AUTOPSY_BASIS",
    "CIRCUIT_INSPECTION_BASIS",
    "JOINT_MEETING_BASIS",
    "MONTHLY_REPORT_BASIS",
    "IncidentDuty",
    "Reminder",
    "incident_duties",
    "joint_meeting_reminder",
    "monthly_report_reminders",
]

_REFERENCE = define("agenda.by_reference", "{basis}（参照）", "{basis} (by reference)")
JOINT_MEETING_BASIS = _REFERENCE(basis=cite("人民检察院监狱检察办法", 38))
MONTHLY_REPORT_BASIS = define(
    "agenda.local_basis", "检察室工作要求（本地设置）", "Office requirement (local setting)"
)()
CIRCUIT_INSPECTION_BASIS = cite("人民检察院刑事诉讼规则", 662)
AUTOPSY_BASIS = define(
    "basis.incident",
    "人民检察院看守所检察办法（事故检察）",
    "Measures for Procuratorial Supervision of Detention Centres (incidents)",
)()
_MEETING_LAST = define(
    "reminder.meeting_last",
    "上次联席会议{last}，每{months}个月至少召开一次，应于{due}前召开",
    "Last joint meeting on {last}; one at least every {months} months: hold one by {due}",
)
_MEETING_NONE = define(
    "reminder.meeting_none",
    "尚未登记联席会议；每{months}个月至少召开一次，本半年应于{due}前召开",
    "No joint meeting recorded; one at least every {months} months: hold this half-year's by {due}",
)
_MEETING_SOURCE = define(
    "reminder.meeting_source",
    "{note}（地方工作要求，参照{basis}）",
    "{note} (local requirement, by reference to {basis})",
)
_MEETING_TITLE = define("reminder.meeting_title", "召开联席会议", "Hold the joint meeting")
_REPORT_NOTE = define(
    "reminder.report_note",
    "{year}年{month}月工作情况报告应于月末（{end}）编写并提交",
    "The work report for {month}/{year} is written and submitted at the month's end ({end})",
)
_REPORT_LATE = define(
    "reminder.report_late",
    "{year}年{month}月工作情况报告应于月末（{end}）编写并提交，尚未提交",
    "The work report for {month}/{year} was due at the month's end ({end}) and is not submitted",
)
_REPORT_TITLE = define(
    "reminder.report_title", "{year}年{month}月工作情况报告", "Work report for {month}/{year}"
)
_CHIEF_TITLE = define(
    "reminder.incident_report", "事故应及时报告检察长", "Report the incident to the chief procurator"
)
_CHIEF_NOTE = define(
    "reminder.incident_report_note",
    "事故发生于{day}，应立即赴现场了解情况并及时（二十四小时内）报告本院检察长",
    "The incident happened on {day}: go to the scene at once and report to the chief procurator promptly"
    " (within 24 hours)",
)
_AUTOPSY_TITLE = define("reminder.autopsy", "非正常死亡：尸体检验", "Abnormal death: examination of the body")
_AUTOPSY_NOTE = define(
    "reminder.autopsy_note",
    "非正常死亡的，原则上应当在二十四小时内对尸体进行检验；请登记检验时间",
    "After an abnormal death the body is, as a rule, examined within 24 hours; record when it was examined",
)
_CIRCUIT_TITLE = define(
    "reminder.circuit", "非正常死亡：应当进行巡回检察", "Abnormal death: a circuit inspection is required"
)
_CIRCUIT_NOTE = define(
    "reminder.circuit_note",
    "在押人员非正常死亡的，应当进行巡回检察（{basis}）；请登记已提请巡回检察",
    "The abnormal death of a detainee requires a circuit inspection ({basis}); record that one was requested",
)

Status = Literal["upcoming", "due", "overdue"]


@dataclass(frozen=True)
class Reminder:
    """A dated duty: ``due`` is its last day; ``status`` as seen on the day asked."""

    title: str
    due: date
    status: Status
    note: str
    basis: str
    key: str = ""  # what it is about (a month "2026-11"), for telling reminders apart


def _status(due: date, today: date, lead_days: int) -> Status:
    if today > due:
        return "overdue"
    return "due" if (due - today).days <= lead_days else "upcoming"


def joint_meeting_reminder(last_held: date | None, today: date, settings: RuleSettings) -> Reminder:
    """The next 联席会议 (with the detention centre, the 武警中队 and the 公安分局): ``interval`` months
    (setting ``joint_meeting_interval_months``, 6) after the last one recorded; none recorded — by the
    end of the current half-year."""
    months = settings.joint_meeting_interval_months
    if last_held is not None:
        due = add_months_clamped(last_held, months)
        note = _MEETING_LAST(last=last_held, months=months, due=due)
    else:
        due = date(today.year, 6, 30) if today.month <= 6 else date(today.year, 12, 31)
        note = _MEETING_NONE(months=months, due=due)
    note = _MEETING_SOURCE(note=note, basis=cite("人民检察院监狱检察办法", 38))
    return Reminder(_MEETING_TITLE(), due, _status(due, today, 14), note, JOINT_MEETING_BASIS)


def monthly_report_reminders(
    today: date, submitted_months: set[str], *, lead_days: int = 3
) -> list[Reminder]:
    """The month-end report: this month's from ``lead_days`` before its last day, last month's while it
    is not submitted (``submitted_months`` holds "YYYY-MM" of reports submitted or approved)."""
    out = []
    last_month_end = today.replace(day=1) - timedelta(days=1)
    this_month_end = today.replace(day=_cal.monthrange(today.year, today.month)[1])
    for end in (last_month_end, this_month_end):
        key = f"{end.year:04d}-{end.month:02d}"
        if key in submitted_months:
            continue
        status = _status(end, today, lead_days)
        if status == "upcoming":
            continue
        note = (_REPORT_LATE if status == "overdue" else _REPORT_NOTE)(
            year=end.year, month=end.month, end=end
        )
        title = _REPORT_TITLE(year=end.year, month=end.month)
        out.append(Reminder(title, end, status, note, MONTHLY_REPORT_BASIS, key))
    return out


@dataclass(frozen=True)
class IncidentDuty:
    title: str
    due: date | None  # None: at once, no period
    overdue: bool
    note: str
    basis: str


def incident_duties(
    kind: str,
    occurred_at: datetime,
    *,
    now: datetime,
    reported_to_chief_at: datetime | None,
    autopsy_at: datetime | None,
    circuit_inspection_requested: bool,
) -> list[IncidentDuty]:
    """What an incident still requires of the office. For a 非正常死亡: report to the chief procurator
    within 24 hours and the body examined "原则上" within 24 hours (看守所检察办法), and a 巡回检察 —
    mandatory (Rules 2019 art 662). For any other incident: report to the chief procurator."""
    out = []
    day_after = occurred_at + timedelta(hours=24)
    if reported_to_chief_at is None:
        out.append(
            IncidentDuty(
                _CHIEF_TITLE(),
                day_after.date(),
                now > day_after,
                _CHIEF_NOTE(day=occurred_at.date()),
                AUTOPSY_BASIS,
            )
        )
    if kind != "abnormal_death":
        return out
    if autopsy_at is None:
        out.append(
            IncidentDuty(
                _AUTOPSY_TITLE(),
                day_after.date(),
                now > day_after,
                _AUTOPSY_NOTE(),
                AUTOPSY_BASIS,
            )
        )
    if not circuit_inspection_requested:
        out.append(
            IncidentDuty(
                _CIRCUIT_TITLE(),
                None,
                True,
                _CIRCUIT_NOTE(basis=CIRCUIT_INSPECTION_BASIS),
                CIRCUIT_INSPECTION_BASIS,
            )
        )
    return out
