"""Custody time limits by procedural stage (CPL 2018; docs/domain.md, "Custody periods"; examples W1–W12
and W17 in "Worked examples").

``custody_deadline(inp, settings, today)`` reads a detainee's stage and custody-event timeline and returns
the date the current custody limit expires, with the legal source and a Chinese explanation of every
step (start, rule, extensions, excluded days, the conventions in use).

Custody deadlines NEVER move for holidays: "犯罪嫌疑人、被告人或者罪犯在押期间，应当至期满之日为止，不得
因节假日而延长" (CPL art 105). The optional ``calendar`` argument is only used to *say* that a deadline
falls on a rest day and stays there; it never changes a date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import groupby
from typing import Literal

from inspector.domain.enums import CustodyEventKind as K
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label as _label
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody_stages import (
    ART,
    POSSIBLE_OVERDUE_TEXT,
    SPANS,
    CustodyEventInput,
    DetaineeCustodyInput,
    Plan,
    last_event,
    plan_arrest_review,
    plan_detention,
    plan_investigation,
    plan_own_case_detention,
    plan_prosecution_review,
    plan_retrial,
    plan_second_instance,
    plan_supervision_detention,
    plan_supplementary,
    plan_trial,
    sorted_events,
)
from inspector.rules.execution import (
    delivery_due,
    execution_notice_check,
    reference_date_for,
    serve_in_center_decision,
)
from inspector.rules.periods import (
    EXCLUDED_SPAN_TEXT,
    EXTENSION_TEXT,
    MONTH_CONVENTION_TEXT,
    add_months,
    add_period,
    span_days,
)
from inspector.rules.text import Label, Template, Text, cite, define, join

__all__ = [
    "CustodyDeadline",
    "CustodyEventInput",
    "CustodyStatus",
    "DetaineeCustodyInput",
    "custody_deadline",
    "delivery_during_retrial",
]

CustodyStatus = Literal["ok", "warning", "overdue", "suspended", "not_applicable"]

_WEEKDAY = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")  # core labels
_RULES = "人民检察院刑事诉讼规则"


def _t(code: str, zh: str, en: str) -> Template:
    return define("custody." + code, zh, en)


_SPAN_RESTARTED = _t(
    "span_restarted",
    "{span}在{start}开始后未录入结束又再次开始（{again}）",
    "{span} began on {start} and began again ({again}) with no end entered in between",
)
_SPAN_END_ONLY = _t(
    "span_end_only",
    "{day}录入了{span}结束，但没有对应的开始",
    "{day}: an end of {span} entered without its start",
)
_SPAN_CAPPED = _t(
    "span_capped",
    "{span}超过{cap}个月，超过部分（{day}以后）计入期限",
    "{span} lasted more than {cap} months: the time beyond (after {day}) counts towards the limit",
)
_SPAN = _t(
    "span",
    "{span}{start}至{end}，不计入{days}日（{source}）",
    "{span} {start} to {end}: {days} days not counted ({source})",
)
_SPAN_OPEN = _t(
    "span_open",
    "{span}自{start}开始，尚未结束：期限中止计算（{source}）",
    "{span} since {start}, not ended: the time limit is suspended ({source})",
)
_STAGE = _t("stage", "诉讼环节：{stage}", "Procedural stage: {stage}")
_DISCHARGED = _t("discharged", "已出所，不再计算羁押期限", "Left the centre: no custody time limit")
_DISCHARGED_ON = _t(
    "discharged_on", "已出所（{day}），不再计算羁押期限", "Left the centre ({day}): no custody time limit"
)
_NO_START = _t(
    "no_start",
    "未录入本环节的起算日期或起算事件，无法计算羁押期限",
    "No starting date or event of this stage entered: the custody time limit cannot be computed",
)
RETRIAL_KEEPS_EXECUTION = "再审期间不停止原判决、裁定的执行"
_RETRIAL_LEAD = _t(
    "retrial_lead",
    "诉讼环节：再审{since}。再审期间不停止原判决、裁定的执行，原判决已于{effective}生效，交付执行期限照常计算"
    "（人民法院决定中止原判决执行的除外，请核实）",
    "Procedural stage: retrial{since}. A retrial does not stop the execution of the original judgment, which"
    " took effect on {effective}: the time limit for delivery for execution runs as usual (unless the court"
    " has suspended the execution; check)",
)
_SINCE = _t("since", "（{day}起）", " (since {day})")
_TRIAL_END = _t("trial_end", "审理期限届满日：{rest}", "Trial period ends: {rest}")
_PRONOUNCED_LATE = _t(
    "pronounced_late",
    "一审已于{day}宣判，晚于审理期限届满日{late}日",
    "First-instance judgment pronounced on {day}, {late} days after the trial period ended",
)
_PRONOUNCED_LATE_ISSUE = _t(
    "pronounced_late_issue",
    "一审宣判（{day}）晚于审理期限届满日（{deadline}）{late}日：审理期间曾超期羁押，"
    "请核实有无延长审理期限未录入",
    "First-instance judgment ({day}) {late} days after the trial period ended ({deadline}): the custody"
    " during the trial went beyond the time limit; check for an extension of the trial period not entered",
)
_PRONOUNCED = _t(
    "pronounced",
    "一审已于{day}宣判，在审理期限内（审理期限计算至宣判之日）",
    "First-instance judgment pronounced on {day}, within the trial period (counted to the day of judgment)",
)
_APPEAL_PERIOD = _t(
    "appeal_period",
    "宣判后判决尚未生效：上诉期{days}日，自收到判决书的第二日起算（{basis}），上诉期内不计算审理期限；"
    "判决生效或二审受理后按新的诉讼环节计算",
    "The judgment has not taken effect yet: the appeal period is {days} days from the day after the judgment"
    " is received ({basis}), during which no trial period runs; once the judgment takes effect or the second"
    " instance accepts the case, the new stage is counted",
)
_WAITED = _t(
    "judgment_waited",
    "一审宣判已{days}日，未录入判决生效或二审受理：请核实判决是否已生效或已上诉，并录入",
    "The first-instance judgment was pronounced {days} days ago and neither its taking effect nor a second"
    " instance is entered: check whether it took effect or was appealed, and enter it",
)
_START = _t("start", "起算：{start}，起算日不计入", "Start: {start} (that day not counted)")
_BASE = _t("base", "法定期限：{base}（{basis}）", "Statutory period: {base} ({basis})")
_EXTENDED = _t("extended", "延长：{text}", "Extension: {text}")
_RAW = _t("raw_deadline", "未扣除不计入期间的届满日：{day}", "Expiry before excluded periods: {day}")
_REMAINING = _t(
    "remaining",
    "中止前剩余{days}日，恢复计算后按实际中止天数顺延",
    "{days} days were left when suspended; once resumed, the limit moves by the days actually suspended",
)
_DEADLINE = _t(
    "deadline", "羁押期限届满日：{day}（{weekday}）", "Custody time limit expires: {day} ({weekday})"
)
_DEADLINE_REST = _t("deadline_rest", "{day}（{weekday}）", "{day} ({weekday})")
_REST_DAY = _t(
    "rest_day",
    "该日为{what}，羁押期限依法不因节假日延长（{basis}）",
    "That day is a {what}; by law a custody time limit is not extended for holidays ({basis})",
)
_NO_HOLIDAY = _t(
    "no_holiday_extension",
    "羁押期限不因节假日延长（{basis}）",
    "A custody time limit is not extended for holidays ({basis})",
)
_NOTICE_FROM = _t(
    "notice_from",
    "届满前{days}日（{day}）起应发出羁押期限即将届满通知书",
    "From {days} days before expiry ({day}) the notice of expiring custody is due",
)
_TRIAL_WARNING = _t(
    "trial_warning",
    "满{months}个月（{day}）起提示审限将满",
    "From {months} months ({day}): trial period nearly over",
)
_OVERDUE = _t(
    "overdue",
    "截至{today}已超期羁押{days}日，应依法提出纠正意见（{basis}）",
    "As of {today}: {days} days of detention beyond the time limit; raise a correction as the law requires"
    " ({basis})",
)
_NOT_RELEASED = _t(
    "not_released",
    "截至{today}刑满已{days}日未释放，应依法提出纠正意见（{basis}）",
    "As of {today}: not released {days} days after the sentence ended; raise a correction as the law requires"
    " ({basis})",
)
_LEFT = _t("days_left", "距届满还有{days}日", "Days until expiry: {days}")
_SERVING = _t("serving", "诉讼环节：留所服刑", "Procedural stage: serving the sentence in the centre")
_NO_TERM_END = _t(
    "no_term_end",
    "未录入刑期止日，无法计算释放日期",
    "No end of term entered: the release date cannot be computed",
)
_RELEASE_ON = _t(
    "release_on",
    "刑满释放日期：{day}（判决确定的刑期止日），刑满应当按期释放",
    "Release date: {day} (the end of the term set by the judgment); release is due on time",
)
_AWAITING = _t(
    "awaiting",
    "诉讼环节：判决生效待交付执行",
    "Procedural stage: judgment in force, awaiting delivery for execution",
)
_COURT_LATE = _t(
    "court_late",
    "{note}。如人民法院确未送达，应督促其送达执行通知书（{basis}）；如已送达而未录入，"
    "交付执行期限（收到后三十日，{rules}）已在计算，可能已逾期未交付执行，请补录收到执行通知书的日期",
    "{note}. If the court really has not served it, urge the court to serve the execution notice ({basis});"
    " if it was served but not entered, the time limit for delivery (30 days from receipt, {rules}) is"
    " running and may have passed: enter the date the notice was received",
)
_RELEASE_NOW = _t(
    "release_now",
    "判决生效后仍在押的，应立即释放",
    "Still held after the judgment took effect: release at once",
)
_NOT_STARTED = _t(
    "delivery_not_started",
    "尚未收到执行通知书，交付执行期限未开始计算",
    "No execution notice received yet: the time limit for delivery has not started",
)
_ENTER_SENTENCE = _t(
    "enter_sentence",
    "如剩余刑期在三个月以下可留所服刑，请录入刑种和刑期止日以便判断",
    "With three months or less remaining the sentence may be served in the centre: enter the kind of sentence"
    " and the end of term to decide",
)
_EXACTLY_THREE = _t(
    "exactly_three_months",
    "剩余刑期恰为三个月，是否留所服刑须人工审查",
    "Exactly three months remain: whether to serve in the centre needs a person's review",
)


@dataclass(frozen=True)
class CustodyDeadline:
    """The current custody limit. ``deadline`` is ``None`` when suspended or not applicable.

    ``warning_from`` is the first day of the warning window (T−7, when the centre's 即将届满 notice is
    due; for 一审 the 2-month mark if earlier); ``alert_dates`` adds T−3, T−1 (settings) and T+1;
    ``issues`` lists irregularities found in the timeline (a third 退补, an over-long extension …).
    """

    deadline: date | None
    stage: str
    basis: str
    explanation: str
    warning_from: date | None
    status: CustodyStatus
    started_on: date | None = None
    excluded_days: int = 0
    days_left: int | None = None
    alert_dates: tuple[date, ...] = ()
    issues: tuple[str, ...] = ()


# ---------------------------------------------------------------------- computation


def _deadline_before_spans(plan: Plan, settings: RuleSettings) -> date:
    conv = settings.month_convention
    if settings.extension_convention == "cumulative":
        months = plan.base_months + sum(e.months for e in plan.extensions)
        days = plan.base_days + sum(e.days for e in plan.extensions)
        return add_period(plan.start, months, days, conv)
    end = add_period(plan.start, plan.base_months, plan.base_days, conv)
    for e in plan.extensions:
        end = add_period(end, e.months, e.days, conv)
    return end


def _span_order(events: list[CustodyEventInput], start: K, end: K, is_open: bool) -> list[CustodyEventInput]:
    """Same-day starts and ends: close the open span first, else open one first (a 0-day span)."""
    starts = [e for e in events if e.kind == start.value]
    ends = [e for e in events if e.kind == end.value]
    return ends + starts if is_open else starts + ends


def _excluded(
    plan: Plan, evs: list[CustodyEventInput], settings: RuleSettings
) -> tuple[int, list[str], date | None, list[str]]:
    """(days excluded, explanation lines, start of an open span or None, issues)."""
    total = 0
    lines: list[str] = []
    issues: list[str] = []
    open_start: date | None = None
    conv = settings.excluded_span_convention
    for key in plan.spans:
        start_kind, end_kind, label, source, cap = SPANS[key]
        kinds = (start_kind.value, end_kind.value)
        relevant = [e for e in evs if e.occurred_on >= plan.start and e.kind in kinds]
        current: date | None = None
        for _, same_day in groupby(relevant, key=lambda e: e.occurred_on):
            for e in _span_order(list(same_day), start_kind, end_kind, current is not None):
                if e.kind == start_kind.value:
                    if current is not None:
                        issues.append(_SPAN_RESTARTED(span=label, start=current, again=e.occurred_on))
                        continue
                    current = e.occurred_on
                    continue
                if current is None:
                    issues.append(_SPAN_END_ONLY(day=e.occurred_on, span=label))
                    continue
                end = e.occurred_on
                if cap is not None and end > add_months(current, cap):
                    capped = add_months(current, cap)
                    issues.append(_SPAN_CAPPED(span=label, cap=cap, day=capped))
                    end = capped
                n = span_days(current, end, conv)
                total += n
                lines.append(_SPAN(span=label, start=current, end=end, days=n, source=source))
                current = None
        if current is not None:
            open_start = current if open_start is None else min(open_start, current)
            lines.append(_SPAN_OPEN(span=label, start=current, source=source))
    if lines:
        lines.append(EXCLUDED_SPAN_TEXT[conv])
    return total, lines, open_start, issues


def custody_deadline(
    inp: DetaineeCustodyInput,
    settings: RuleSettings,
    today: date,
    *,
    calendar: HolidayCalendar | None = None,
) -> CustodyDeadline:
    """The custody limit of ``inp``'s current stage as seen on ``today``.

    Status: ``overdue`` when today is after the deadline while the person is still held; ``warning`` from
    ``warning_from``; ``suspended`` during an open excluded span (精神病鉴定, 中止审理, 阅卷) — the
    deadline is then ``None``; ``not_applicable`` after discharge or when no limit runs.
    """
    stage = inp.stage
    label = Label(_label(Stage, stage))
    evs = sorted_events(inp.events)
    held = inp.discharged_on is None or inp.discharged_on > today
    if stage == Stage.DISCHARGED.value or not held:
        left = _DISCHARGED_ON(day=inp.discharged_on) if inp.discharged_on else _DISCHARGED()
        return _na(stage, "", join("\n", (_STAGE(stage=label), left)))
    if stage == Stage.SERVING_IN_CENTER.value:
        return _serving(inp, settings, today)
    if stage == Stage.AWAITING_EXECUTION.value:
        return _awaiting(inp, evs, settings, today)

    plan: Plan | None
    if stage == Stage.DETENTION.value:
        plan = plan_detention(inp, evs)
    elif stage == Stage.OWN_CASE_DETENTION.value:
        plan = plan_own_case_detention(inp, evs)
    elif stage == Stage.SUPERVISION_DETENTION.value:
        plan = plan_supervision_detention(inp, evs)
    elif stage == Stage.ARREST_REVIEW.value:
        plan = plan_arrest_review(inp, evs)
    elif stage == Stage.INVESTIGATION.value:
        plan = plan_investigation(inp, evs)
    elif stage == Stage.PROSECUTION_REVIEW.value:
        plan = plan_prosecution_review(inp, evs)
    elif stage == Stage.SUPPLEMENTARY_INVESTIGATION.value:
        plan = plan_supplementary(inp, evs)
    elif stage in (Stage.FIRST_INSTANCE.value, Stage.SUMMARY_TRIAL.value, Stage.FAST_TRACK_TRIAL.value):
        plan = plan_trial(inp, evs, settings)
        pronounced = _pronounced(evs, plan.start) if plan is not None else None
        if plan is not None and pronounced is not None:
            return _after_pronouncement(inp, plan, evs, settings, pronounced, today, calendar)
    elif stage == Stage.SECOND_INSTANCE.value:
        plan = plan_second_instance(inp, evs)
    else:
        plan = plan_retrial(inp, evs)
    if plan is None:
        return _na(stage, "", join("\n", (_STAGE(stage=label), _NO_START())))
    return _finish(inp, plan, evs, settings, today, calendar)


def delivery_during_retrial(
    inp: DetaineeCustodyInput,
    settings: RuleSettings,
    today: date,
    *,
    calendar: HolidayCalendar | None = None,
) -> CustodyDeadline | None:
    """The delivery for execution of a person in 再审 whose judgment had taken effect: a retrial does not
    stop the execution of the judgment under review, so the 30 days from the 执行通知书 (Rules 2019 art
    625) run on beside the retrial's own limit. ``None`` for anyone else. The result reads as the
    判决生效待交付执行 stage's (``stage`` is that stage), its explanation opening with the retrial."""
    if inp.stage != Stage.RETRIAL.value:
        return None
    started = inp.stage_started_on
    effective = [
        e
        for e in inp.events
        if e.kind == K.JUDGMENT_EFFECTIVE.value and (started is None or e.occurred_on <= started)
    ]
    if not effective:
        return None
    result = custody_deadline(
        replace(inp, stage=Stage.AWAITING_EXECUTION.value), settings, today, calendar=calendar
    )
    since = _SINCE(day=started) if started else ""
    lead = _RETRIAL_LEAD(since=since, effective=max(e.occurred_on for e in effective))
    return replace(result, explanation=join("\n", (lead, result.explanation)))


APPEAL_PERIOD_DAYS = 10  # from the day after the judgment is received (CPL art 230)
SERVICE_DAYS = 5  # a judgment pronounced in court is served within five days [DERIVED: allowance]
APPEAL_ART = cite("刑事诉讼法", 230)


def _pronounced(evs: list[CustodyEventInput], start: date) -> date | None:
    """The day the first-instance judgment of the current trial was pronounced (宣判), if recorded."""
    found = last_event(evs, [K.FIRST_JUDGMENT], after=start)
    return found.occurred_on if found is not None and found.occurred_on >= start else None


def _after_pronouncement(
    inp: DetaineeCustodyInput,
    plan: Plan,
    evs: list[CustodyEventInput],
    settings: RuleSettings,
    pronounced: date,
    today: date,
    calendar: HolidayCalendar | None,
) -> CustodyDeadline:
    """A trial whose judgment has been pronounced: CPL art 208 (and arts 220, 225) set the time to
    宣判, and it was met or not on that day; the appeal period that follows, until the judgment takes
    effect or an appeal reaches the 二审, runs under no trial limit. So the person is not 超期 while
    waiting for the judgment to take effect; a late 宣判, or a judgment that has not been recorded as in
    force or appealed long after the appeal period, is an issue to check."""
    limit = _finish(inp, plan, evs, settings, min(pronounced, today), calendar)
    lines: list[str] = []
    for line in _lines(limit.explanation):
        if isinstance(line, Text) and line.code == _DEADLINE.code:
            lines.append(_TRIAL_END(rest=_DEADLINE_REST(**line.params)))
            break
        if line.startswith("羁押期限届满日："):
            lines.append(line.replace("羁押期限届满日：", "审理期限届满日：", 1))
            break
        lines.append(line)
    issues = list(limit.issues)
    deadline = limit.deadline
    if deadline is not None and pronounced > deadline:
        late = (pronounced - deadline).days
        lines.append(_PRONOUNCED_LATE(day=pronounced, late=late))
        issues.append(_PRONOUNCED_LATE_ISSUE(day=pronounced, deadline=deadline, late=late))
    else:
        lines.append(_PRONOUNCED(day=pronounced))
    lines.append(_APPEAL_PERIOD(days=APPEAL_PERIOD_DAYS, basis=APPEAL_ART))
    waited = (today - pronounced).days
    if waited > SERVICE_DAYS + APPEAL_PERIOD_DAYS:
        issues.append(_WAITED(days=waited))
    basis = join("、", plan.bases)
    return CustodyDeadline(
        None,
        inp.stage,
        basis,
        join("\n", lines),
        None,
        "not_applicable",
        plan.start,
        limit.excluded_days,
        None,
        (),
        tuple(issues),
    )


def _finish(
    inp: DetaineeCustodyInput,
    plan: Plan,
    evs: list[CustodyEventInput],
    settings: RuleSettings,
    today: date,
    calendar: HolidayCalendar | None,
) -> CustodyDeadline:
    label = Label(_label(Stage, inp.stage))
    basis = join("、", plan.bases)
    lines: list[str] = [
        _STAGE(stage=label),
        _START(start=plan.start_text),
        _BASE(base=plan.base_text, basis=plan.bases[0]),
    ]
    lines += [_EXTENDED(text=e.text) for e in plan.extensions]
    months_used = plan.base_months or any(e.months for e in plan.extensions)
    if months_used:
        lines.append(MONTH_CONVENTION_TEXT[settings.month_convention])
    if plan.extensions:
        lines.append(EXTENSION_TEXT[settings.extension_convention])
    raw = _deadline_before_spans(plan, settings)
    excluded, span_lines, open_start, span_issues = _excluded(plan, evs, settings)
    for days, line in plan.exclusions:
        excluded += days
        span_lines.append(line)
    issues = plan.issues + span_issues
    if span_lines:
        lines.append(_RAW(day=raw))
        lines += span_lines
    lines += plan.notes
    if open_start is not None:
        remaining = (raw + timedelta(days=excluded) - open_start).days
        lines.append(_REMAINING(days=remaining))
        return CustodyDeadline(
            None,
            inp.stage,
            basis,
            join("\n", lines),
            None,
            "suspended",
            plan.start,
            excluded,
            None,
            (),
            tuple(issues),
        )
    deadline = raw + timedelta(days=excluded)
    lines.append(_DEADLINE(day=deadline, weekday=Label(_WEEKDAY[deadline.weekday()])))
    rest = calendar.is_rest_day(deadline) if calendar is not None else None
    if rest:
        assert calendar is not None
        lines.append(_REST_DAY(what=calendar.describe(deadline), basis=ART[105]))
    else:
        lines.append(_NO_HOLIDAY(basis=ART[105]))
    warning_from = max(plan.start, deadline - timedelta(days=settings.custody_warning_days))
    lines.append(_NOTICE_FROM(days=settings.custody_warning_days, day=warning_from))
    if plan.warning_months is not None and not plan.extensions:
        mark = add_months(plan.start, plan.warning_months, settings.month_convention) + timedelta(
            days=excluded
        )
        if mark < warning_from:
            warning_from = mark
            lines.append(_TRIAL_WARNING(months=plan.warning_months, day=mark))
    return _with_status(
        inp.stage, deadline, basis, lines, warning_from, plan.start, excluded, issues, settings, today
    )


def _with_status(
    stage: str,
    deadline: date,
    basis: str,
    lines: list[str],
    warning_from: date,
    started_on: date | None,
    excluded: int,
    issues: list[str],
    settings: RuleSettings,
    today: date,
    *,
    overdue_text: Callable[..., Text] = _OVERDUE,
    overdue_basis: str = cite(_RULES, 618),
) -> CustodyDeadline:
    days_left = (deadline - today).days
    status: CustodyStatus
    if today > deadline:
        status = "overdue"
        lines.append(overdue_text(today=today, days=-days_left, basis=overdue_basis))
    elif today >= warning_from:
        status = "warning"
        lines.append(_LEFT(days=days_left))
    else:
        status = "ok"
    alerts = {
        deadline - timedelta(days=n) for n in (settings.custody_warning_days, *settings.custody_extra_alerts)
    }
    alerts.add(deadline + timedelta(days=1))
    return CustodyDeadline(
        deadline,
        stage,
        basis,
        join("\n", lines),
        warning_from,
        status,
        started_on,
        excluded,
        days_left,
        tuple(sorted(alerts)),
        tuple(issues),
    )


def _lines(text: str) -> list[str]:
    """The lines of an explanation, each a Text where the rules made one."""
    return text.lines() if isinstance(text, Text) else text.split("\n")


def _na(stage: str, basis: str, explanation: str, issues: Iterable[str] = ()) -> CustodyDeadline:
    return CustodyDeadline(None, stage, basis, explanation, None, "not_applicable", issues=tuple(issues))


def _serving(inp: DetaineeCustodyInput, settings: RuleSettings, today: date) -> CustodyDeadline:
    basis = cite(_RULES, 628)
    if inp.term_end is None:
        return _na(inp.stage, basis, join("\n", (_SERVING(), _NO_TERM_END())))
    lines: list[str] = [_SERVING(), _RELEASE_ON(day=inp.term_end)]
    warning_from = inp.term_end - timedelta(days=settings.custody_warning_days)
    return _with_status(
        inp.stage,
        inp.term_end,
        basis,
        lines,
        warning_from,
        None,
        0,
        [],
        settings,
        today,
        overdue_text=_NOT_RELEASED,
        overdue_basis=cite(_RULES, 628),
    )


def _awaiting(
    inp: DetaineeCustodyInput, evs: list[CustodyEventInput], settings: RuleSettings, today: date
) -> CustodyDeadline:
    effective = last_event(evs, [K.JUDGMENT_EFFECTIVE])
    notice = last_event(evs, [K.EXECUTION_NOTICE_RECEIVED])
    lines: list[str] = [_AWAITING()]
    issues: list[str] = []
    if effective is not None:
        check = execution_notice_check(effective.occurred_on, notice.occurred_on if notice else None, today)
        lines.append(check.note)
        if check.ask_court and notice is None:
            detail = _COURT_LATE(note=check.note, basis=ART[264], rules=cite(_RULES, 625))
            issues.append(POSSIBLE_OVERDUE_TEXT(detail=detail))
    received = notice.occurred_on if notice else None
    reference = reference_date_for(settings, execution_notice_received_on=received, decision_date=today)
    decision = serve_in_center_decision(
        inp.sentence_kind, inp.term_end, reference, settings, notice_received_on=received
    )
    if inp.sentence_kind is not None:
        lines.append(decision.explanation)
    if decision.outcome == "release":
        released_by = effective.occurred_on if effective else today
        lines.append(_RELEASE_NOW())
        return _with_status(
            inp.stage, released_by, decision.basis, lines, released_by, None, 0, issues, settings, today
        )
    if decision.outcome in ("may_stay", "detention_sentence_in_center"):
        return _na(inp.stage, decision.basis, join("\n", lines), issues)
    if received is None:
        lines.append(_NOT_STARTED())
        return _na(inp.stage, cite(_RULES, 625), join("\n", lines), issues)
    delivery = decision.delivery
    if delivery is None:  # sentence kind unknown: the delivery period still runs
        delivery = delivery_due(received, settings)
        lines.append(delivery.note)
        lines.append(_ENTER_SENTENCE())
    if decision.outcome == "human_review":
        issues.append(_EXACTLY_THREE())
    warning_from = max(received, delivery.due - timedelta(days=settings.custody_warning_days))
    return _with_status(
        inp.stage, delivery.due, delivery.basis, lines, warning_from, received, 0, issues, settings, today
    )
