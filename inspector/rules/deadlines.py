"""Non-custody deadlines: the escalation chain, complaints, lawyers (docs/domain.md, "Escalation and reply
periods", "Complaints, lawyers and other periods").

Every period is counted without its starting day (CPL art 105). Whether a last day that falls on a rest
day moves to the next working day is a per-rule setting (``RuleSettings.holiday_rollover``, default on:
art 105's general rule; its application to these supervision periods is unverified: docs/domain.md,
"Holidays and rollover"). The :class:`~inspector.rules.calendar.HolidayCalendar` decides what a rest
day is; a 调休 working Saturday is a working day. Custody periods are in :mod:`inspector.rules.custody`
and never move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.periods import add_days, add_hours, add_months
from inspector.rules.text import cite, define, join

__all__ = [
    "BASIS",
    "Deadline",
    "EscalationStatus",
    "TimedDeadline",
    "application_forward_due",
    "lawyer_complaint_due",
    "lawyer_meeting_due",
    "letter_review_due",
    "notice_reply_due",
    "oral_follow_up_due",
    "release_suggestion_reply_due",
    "reply_escalation",
    "review_decision_due",
    "suggestion_reply_due",
    "suggestion_service_due",
]

_RULES = "人民检察院刑事诉讼规则"
BASIS: dict[str, str] = {
    "oral_follow_up": cite(_RULES, 624),
    "notice_reply": cite(_RULES, 553),
    "notice_escalation": cite(_RULES, 553),
    "review_decision": cite(_RULES, 554),
    "suggestion_reply": define(
        "basis.suggestion_rules",
        "人民检察院检察建议工作规定",
        "Provisions on the Procuratorial Suggestion Work",
    )(),
    "suggestion_service": define(
        "basis.jiangsu_suggestion",
        "江苏省检察建议工作实施办法（试行，2017，已失效）",
        "Jiangsu Implementing Measures for Procuratorial Suggestions (trial, 2017, no longer in force)",
    )(),
    "letter_review": cite(_RULES, 556),
    "lawyer_complaint": cite(_RULES, 58),
    "lawyer_meeting": cite("刑事诉讼法", 39),
    "application_forward": cite(_RULES, 576),
    "release_suggestion_reply": cite(_RULES, 581),
}
_ART_105 = cite("刑事诉讼法", 105)

_NOTE = define(
    "deadline.note",
    "{label}：自{start}起{period}（起算日不计入），届满日{raw}",
    "{label}: {period} from {start} (the first day not counted), ending {raw}",
)
_ROLLED = define("deadline.rolled", "{reason}（{basis}）", "{reason} ({basis})")
_NOT_ROLLED = define(
    "deadline.not_rolled",
    "届满日为{what}，按本站设置不顺延",
    "The last day is a {what}; not extended, as this station is set",
)
_DAYS = define("period.days", "{n}日", "{n} days")
_MONTHS = define("period.months", "{n}个月", "{n} months")
_ORAL = define("deadline.oral_follow_up", "口头纠正意见跟踪", "Follow-up of an oral correction")
_SERVED = define("deadline.from_served", "送达", "service")
_ISSUED = define("deadline.from_issued", "发出", "issue")
_NOTICE_REPLY = define(
    "deadline.notice_reply",
    "纠正违法通知书回复（自{what}之日起算）",
    "Reply to a rectification notice (counted from its {what})",
)
_REPLIED = define("escalation.replied", "已于{day}回复", "Replied on {day}")
_REPORTED = define(
    "escalation.reported",
    "已于{day}报请上一级人民检察院",
    "Reported to the procuratorate at the next level up on {day}",
)
_NOT_SERVED = define(
    "escalation.not_served",
    "尚未送达，回复期限未开始计算",
    "Not served yet: the time for the reply has not started",
)
_AWAITING = define(
    "escalation.awaiting", "回复期限至{due}，还有{left}日", "Reply due by {due}: {left} days left"
)
_FOLLOW_UP = define(
    "escalation.follow_up",
    "回复期限{due}已过{overdue}日，自{since}起应督促回复",
    "Reply was due on {due}, {overdue} days ago: urge a reply from {since}",
)
_REPORT_UP = define(
    "escalation.report_up",
    "已于{day}督促，仍未回复：可报请上一级人民检察院（规则未规定督促后的等待期限）",
    "Urged on {day}, still no reply: may be reported to the procuratorate at the next level up (the rules set"
    " no waiting time after urging)",
)
_REVIEW = define("deadline.review_decision", "复查决定", "Decision on a review")
_SUGGESTION_REPLY = define(
    "deadline.suggestion_reply", "检察建议书回复", "Reply to a procuratorial suggestion"
)
_SUGGESTION_SERVICE = define(
    "deadline.suggestion_service", "检察建议书送达", "Service of a procuratorial suggestion"
)
_COMPLAINT = define(
    "deadline.complaint_review", "控告申诉审查意见", "Review opinion on an accusation or petition"
)
_MEETING_REQUEST = define("deadline.meeting_request", "约见申请办理", "Handling a request for a meeting")
_LETTER = define("deadline.letter", "来信办理答复", "Handling and answering a letter")
_LAWYER_COMPLAINT = define(
    "deadline.lawyer_complaint", "律师控告书面答复", "Written answer to a lawyer's complaint"
)
_FORWARD = define(
    "deadline.application_forward", "误收申请移送", "Forwarding an application received in error"
)
_RELEASE_REPLY = define(
    "deadline.release_suggestion_reply",
    "释放/变更强制措施建议回复",
    "Reply to a suggestion to release or change the coercive measure",
)
_LAWYER_NOTE = define(
    "deadline.lawyer_meeting_note",
    "律师会见：自{presented}提交手续起{hours}小时内安排，至迟{due}；按小时计算，不因节假日顺延",
    "Lawyer's meeting: to be arranged within {hours} hours of the papers presented at {presented}, by {due}"
    " at the latest; counted in hours, not extended for holidays",
)
_LAWYER_MEETING = define("deadline.lawyer_meeting", "律师会见安排", "Arranging a lawyer's meeting")

_DEFAULT_SETTINGS = RuleSettings()


@dataclass(frozen=True)
class Deadline:
    """A computed due date that explains itself.

    ``raw_due`` is start + period; ``due`` is where it ends up after holiday rollover (``moved``).
    ``certain`` is false when the calendar does not know the year (the due date might still move);
    ``note`` says how the date was reached, in Chinese; ``basis`` names the legal source; ``rule`` is the
    :data:`~inspector.domain.settings.ROLLOVER_RULES` key (or ``"delivery"`` etc.).
    """

    due: date
    raw_due: date
    moved: bool
    certain: bool
    note: str
    basis: str
    rule: str
    start: date | None = None
    label: str = ""

    def days_left(self, today: date) -> int:
        """Negative once overdue."""
        return (self.due - today).days


@dataclass(frozen=True)
class TimedDeadline:
    """An hour-based period (lawyer meeting): never moved for holidays."""

    due: datetime
    start: datetime
    note: str
    basis: str
    rule: str
    label: str = ""


EscalationStep = Literal[
    "not_started", "awaiting_reply", "replied", "follow_up_due", "report_upward_due", "reported_upward"
]


@dataclass(frozen=True)
class EscalationStatus:
    """Where a notice or suggestion stands after its reply period (Rules 2019 art 553; 建议规定).

    ``since`` is the first day of the current step (``follow_up_due`` starts the day after the reply
    was due); ``days_overdue`` counts from the reply due date.
    """

    step: EscalationStep
    since: date | None
    days_overdue: int
    note: str
    basis: str


def _calendar(calendar: HolidayCalendar | None) -> HolidayCalendar:
    return calendar if calendar is not None else HolidayCalendar()


def _finish(
    *,
    rule: str,
    label: str,
    start: date,
    raw: date,
    period_text: str,
    settings: RuleSettings,
    calendar: HolidayCalendar | None,
    basis: str | None = None,
) -> Deadline:
    basis = basis or BASIS[rule]
    parts: list[str] = [_NOTE(label=label, start=start, period=period_text, raw=raw)]
    if settings.rolls_over(rule):
        rolled = _calendar(calendar).next_working_day(raw)
        if rolled.reason:
            parts.append(_ROLLED(reason=rolled.reason, basis=_ART_105) if rolled.moved else rolled.reason)
        return Deadline(
            due=rolled.day,
            raw_due=raw,
            moved=rolled.moved,
            certain=rolled.certain,
            note=join("；", parts),
            basis=basis,
            rule=rule,
            start=start,
            label=label,
        )
    cal = _calendar(calendar)
    if cal.is_rest_day(raw):
        parts.append(_NOT_ROLLED(what=cal.describe(raw)))
    return Deadline(
        due=raw,
        raw_due=raw,
        moved=False,
        certain=True,
        note="；".join(parts),
        basis=basis,
        rule=rule,
        start=start,
        label=label,
    )


def _days(
    rule: str,
    label: str,
    start: date,
    days: int,
    settings: RuleSettings,
    calendar: HolidayCalendar | None,
) -> Deadline:
    return _finish(
        rule=rule,
        label=label,
        start=start,
        raw=add_days(start, days),
        period_text=_DAYS(n=days),
        settings=settings,
        calendar=calendar,
    )


# ------------------------------------------ escalation chain (docs/domain.md, "Escalation and reply periods")


def oral_follow_up_due(
    issued_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline:
    """Day on which an uncorrected oral correction should become a 纠正违法通知书 (issued + 7)."""
    return _days("oral_follow_up", _ORAL(), issued_on, settings.oral_follow_up_days, settings, calendar)


def notice_reply_due(
    *,
    issued_on: date | None,
    served_on: date | None,
    settings: RuleSettings = _DEFAULT_SETTINGS,
    calendar: HolidayCalendar | None = None,
    reply_period_days: int | None = None,
) -> Deadline | None:
    """Reply due for a 纠正违法通知书: the period printed in the notice (``reply_period_days``, default the
    setting, 15) from service or issue per ``notice_reply_from``. ``None`` while that date is unknown
    (e.g. not yet served)."""
    start = served_on if settings.notice_reply_from == "served" else issued_on
    if start is None:
        return None
    days = reply_period_days if reply_period_days is not None else settings.notice_reply_days
    if days < 1:
        raise ValueError("reply_period_days must be positive")
    what = _SERVED() if settings.notice_reply_from == "served" else _ISSUED()
    return _finish(
        rule="notice_reply",
        label=_NOTICE_REPLY(what=what),
        start=start,
        raw=add_days(start, days),
        period_text=_DAYS(n=days),
        settings=settings,
        calendar=calendar,
    )


def reply_escalation(
    reply_due: Deadline | None,
    *,
    today: date,
    replied_on: date | None = None,
    followed_up_on: date | None = None,
    reported_upward_on: date | None = None,
) -> EscalationStatus:
    """After the reply period of a notice (or suggestion): 督促 from the day after it was due; if still no
    reply after the 督促, report to the next-higher procuratorate. The rules set no waiting period after
    the 督促, so ``report_upward_due`` starts on the day after it was recorded."""
    basis = BASIS["notice_escalation"]
    if replied_on is not None:
        return EscalationStatus("replied", replied_on, 0, _REPLIED(day=replied_on), basis)
    if reported_upward_on is not None:
        return EscalationStatus(
            "reported_upward",
            reported_upward_on,
            0,
            _REPORTED(day=reported_upward_on),
            basis,
        )
    if reply_due is None:
        return EscalationStatus("not_started", None, 0, _NOT_SERVED(), basis)
    due = reply_due.due
    if today <= due:
        left = (due - today).days
        return EscalationStatus("awaiting_reply", reply_due.start, 0, _AWAITING(due=due, left=left), basis)
    overdue = (today - due).days
    follow_from = add_days(due, 1)
    if followed_up_on is None:
        return EscalationStatus(
            "follow_up_due",
            follow_from,
            overdue,
            _FOLLOW_UP(due=due, overdue=overdue, since=follow_from),
            basis,
        )
    since = add_days(followed_up_on, 1)
    return EscalationStatus(
        "report_upward_due",
        since,
        overdue,
        _REPORT_UP(day=followed_up_on),
        basis,
    )


def review_decision_due(
    requested_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline:
    """复查 decision due: request received + 7 days (Rules 2019 art 554)."""
    return _days(
        "review_decision", _REVIEW(), requested_on, settings.review_decision_days, settings, calendar
    )


def suggestion_reply_due(
    served_on: date,
    settings: RuleSettings = _DEFAULT_SETTINGS,
    calendar: HolidayCalendar | None = None,
    *,
    reply_months: int | None = None,
    reply_days: int | None = None,
) -> Deadline:
    """检察建议书 reply due: 2 months from receipt (clamped to month end), or the shorter period the
    suggestion itself sets (``reply_days`` for urgent cases, or ``reply_months``)."""
    if reply_days is not None:
        if reply_days < 1:
            raise ValueError("reply_days must be positive")
        raw, text = add_days(served_on, reply_days), _DAYS(n=reply_days)
    else:
        months = reply_months if reply_months is not None else settings.suggestion_reply_months
        if months < 1:
            raise ValueError("reply_months must be positive")
        raw, text = add_months(served_on, months, settings.month_convention), _MONTHS(n=months)
    return _finish(
        rule="suggestion_reply",
        label=_SUGGESTION_REPLY(),
        start=served_on,
        raw=raw,
        period_text=text,
        settings=settings,
        calendar=calendar,
    )


def suggestion_service_due(
    issued_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline | None:
    """检察建议书 to be served within 7 days of issue — only when ``suggestion_service_check`` is on (the
    source is an expired provincial rule; off by default)."""
    if not settings.suggestion_service_check:
        return None
    return _days(
        "suggestion_service",
        _SUGGESTION_SERVICE(),
        issued_on,
        settings.suggestion_service_days,
        settings,
        calendar,
    )


# ------------------------- rights and complaints (docs/domain.md, "Complaints, lawyers and other periods")


COMPLAINT_CATEGORIES = frozenset({"accusation", "petition"})
"""Letter categories whose review opinion Rules 2019 art 556 governs: 控告 and 申诉."""
MEETING_REQUEST_BASIS = define(
    "basis.meeting_request",
    "{basis}（参照：及时与要求约见的在押人员谈话）",
    "{basis} (by reference: talk promptly with a detainee who asks for a meeting)",
)(basis=cite("人民检察院监狱检察办法", 39))
LOCAL_LETTER_BASIS = define(
    "agenda.local_basis", "检察室工作要求（本地设置）", "Office requirement (local setting)"
)()


def letter_review_due(
    accepted_on: date,
    settings: RuleSettings = _DEFAULT_SETTINGS,
    calendar: HolidayCalendar | None = None,
    category: str | None = None,
) -> Deadline:
    """A letter's answer: accepted + ``letter_review_days`` (15). Only a 控告 or 申诉 (or a letter of
    unknown category) cites Rules 2019 art 556; a 约见申请 is answered by a talk (the prisons' rule by
    analogy), a 举报, 咨询 or other letter by the station's own rule, with the same period."""
    if category is None or category in COMPLAINT_CATEGORIES:
        label, basis = _COMPLAINT(), None
    elif category == "meeting_request":
        label, basis = _MEETING_REQUEST(), MEETING_REQUEST_BASIS
    else:
        label, basis = _LETTER(), LOCAL_LETTER_BASIS
    return _finish(
        rule="letter_review",
        label=label,
        start=accepted_on,
        raw=add_days(accepted_on, settings.letter_review_days),
        period_text=_DAYS(n=settings.letter_review_days),
        settings=settings,
        calendar=calendar,
        basis=basis,
    )


def lawyer_complaint_due(
    received_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline:
    """Written answer to a defence lawyer's obstruction complaint: received + 10 days (Rules 2019 art 58)."""
    return _days(
        "lawyer_complaint",
        _LAWYER_COMPLAINT(),
        received_on,
        settings.lawyer_complaint_days,
        settings,
        calendar,
    )


def application_forward_due(
    received_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline:
    """An application received by the wrong procuratorate is forwarded within 2 days (Rules 2019 art 576)."""
    return _days(
        "application_forward",
        _FORWARD(),
        received_on,
        settings.application_forward_days,
        settings,
        calendar,
    )


def release_suggestion_reply_due(
    sent_on: date, settings: RuleSettings = _DEFAULT_SETTINGS, calendar: HolidayCalendar | None = None
) -> Deadline:
    """The case authority's reply to a 释放/变更强制措施 suggestion: 10 days (Rules 2019 art 581)."""
    return _days(
        "release_suggestion_reply",
        _RELEASE_REPLY(),
        sent_on,
        settings.release_suggestion_reply_days,
        settings,
        calendar,
    )


def lawyer_meeting_due(presented_at: datetime, settings: RuleSettings = _DEFAULT_SETTINGS) -> TimedDeadline:
    """Lawyer meeting arranged within 48 hours of presenting the papers (CPL art 39). Hour-based: holidays
    are irrelevant; the app uses presentation time + 48 h (docs/domain.md, "Complaints, lawyers and other
    periods")."""
    hours = settings.lawyer_meeting_hours
    due = add_hours(presented_at, hours)
    note = _LAWYER_NOTE(presented=_minute(presented_at), hours=hours, due=_minute(due))
    return TimedDeadline(
        due, presented_at, note, BASIS["lawyer_meeting"], "lawyer_meeting", _LAWYER_MEETING()
    )


def _minute(at: datetime) -> datetime:
    """``at`` as written in the note: its own wall-clock time, to the minute (``2026年5月2日15:20``)."""
    return at.replace(second=0, microsecond=0, tzinfo=None)
