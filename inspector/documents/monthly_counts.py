"""Counted items of the 月度工作情况报告 (docs/domain.md, "Monthly report"), read with aggregate queries.

``compute_monthly_counts(session, station_id, year, month)`` returns a JSON-ready dict — the snapshot a
submitted ``monthly_report`` freezes in ``counted_items``. Everything is counted up to ``as_of``: the
month's last day, or today while the month runs (a month still to come is refused). The people held and
their custody limits are read as the agenda of ``as_of`` reads them (:func:`inspector.census.custody_on`,
the records as they stood that day), so the report's 超期羁押, 即将届满 and 逾期未交付执行 are the
agenda's items of that day, counted; the few rows of a month's work (patrols, talks, letters, documents
…) are counted here.
"""

from __future__ import annotations

import calendar as _cal
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.census import (
    CustodyOnDay,
    Held,
    custody_on,
    is_delivery,
    limits_reached,
    possible_overdue,
    retrial_deliveries,
)
from inspector.documents.common import label
from inspector.documents.daily_log import day_bounds
from inspector.documents.duty_roster import compile_duty_roster
from inspector.documents.queries import count_events, raw_id
from inspector.documents.queries import live as _live
from inspector.documents.rules_bridge import (
    holiday_calendar,
    notice_reply_due_of,
    rule_settings,
    suggestion_reply_due_of,
)
from inspector.domain import enums as e
from inspector.domain.errors import InspectorError
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import local_date
from inspector.rules.calendar import HolidayCalendar
from inspector.store.models import (
    DailyLog,
    Detainee,
    ExecutionDeliveryCheck,
    Finding,
    Incident,
    LawyerMeetingCheck,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    Patrol,
    PreholidayInspection,
    ProcuratorialSuggestion,
    RectificationNotice,
    SupervisionLead,
    Talk,
)
from inspector.store.repository import today_local

__all__ = ["KEY_PLACES", "compute_monthly_counts", "month_range"]

KEY_PLACES = ("禁闭室", "会见室", "医务室", "伙房")
NO_CUSTODY_LIMIT = frozenset({"discharged", "serving_in_center"})  # no custody deadline runs
MONTH_EVENT_KINDS = ("custody_handover", "serve_in_center_decided")
NOT_SENT = ("draft", "approved", "withdrawn")  # states before issue, or taken back


@dataclass
class _Month:
    session: Session
    station_id: uuid.UUID
    first: date
    last: date
    start: datetime  # UTC instant of the first day's start
    end: datetime  # UTC instant of the day after the last
    as_of: date  # the last day counted (today while the month runs)
    settings: RuleSettings
    cal: HolidayCalendar
    weeks: list[tuple[date, date]]  # weeks starting in the month that have ended by as_of
    custody: list[CustodyOnDay] | None = None  # read once, by _custody

    def live(self, model: Any) -> list[Any]:
        return _live(model, self.station_id)

    def in_month(self, column: Any) -> list[Any]:
        return [column >= self.first, column <= self.last]

    def below_target(self, per_day: Counter[date], target: int) -> int:
        return sum(1 for a, b in self.weeks if sum(n for d, n in per_day.items() if a <= d <= b) < target)


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _labelled(enum: Any, counts: Iterable[tuple[Any, Any]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in counts:
        name = label(enum, key) or "其他"
        out[name] = out.get(name, 0) + int(n or 0)
    return out


def _weeks(first: date, last: date, start_weekday: int, as_of: date) -> list[tuple[date, date]]:
    """Weeks starting within [first, last] that have ended by ``as_of``."""
    d = first + timedelta(days=(start_weekday - first.weekday()) % 7)
    out = []
    while d <= last:
        end = d + timedelta(days=6)
        if end <= as_of:
            out.append((d, end))
        d += timedelta(days=7)
    return out


def compute_monthly_counts(
    session: Session, station_id: uuid.UUID, year: int, month: int, *, today: date | None = None
) -> dict[str, Any]:
    """Every counted item of the monthly report (docs/domain.md, "Monthly report") for ``year``-``month``."""
    first, last = month_range(year, month)
    start, end = day_bounds(first, last)
    today = today or today_local()
    if first > today:
        key = f"{year}年{month}月"
        raise InspectorError(f"{key}尚未到来，不能统计月报", f"{year:04d}-{month:02d} is in the future")
    as_of = min(today, last)
    settings = rule_settings(session, station_id)
    m = _Month(
        session,
        station_id,
        first,
        last,
        start,
        end,
        as_of,
        settings,
        holiday_calendar(session),
        _weeks(first, last, settings.week_start_weekday, as_of),
    )
    out: dict[str, Any] = {
        "month": f"{year:04d}-{month:02d}",
        "computed_on": today.isoformat(),
        "as_of": as_of.isoformat(),
    }
    out["population"], custody, month_events = _register(m)
    out["patrols"] = _patrols(m)
    out["talks"] = _talks(m)
    out["mailbox"] = _mailbox(m)
    out["findings"] = _findings(m)
    out["oral_corrections"] = _oral_corrections(m)
    out["notices"], overdue_custody = _notice_counts(m)
    out["suggestions"] = _suggestion_counts(m)
    out["custody"] = {**custody, **overdue_custody}
    out["delivery"] = {
        **_delivery(m, month_events.get("serve_in_center_decided", 0)),
        "overdue_now": out["custody"].pop("delivery_overdue_now"),
        "possible_now": out["custody"].pop("delivery_possible_now"),
    }
    out["incidents"] = _incidents(m)
    out["preholiday_inspections"] = _count(
        m, PreholidayInspection, *m.in_month(PreholidayInspection.inspected_on)
    )
    out["lawyer_meetings"] = _lawyer_meetings(m)
    out["duty"] = {**_duty(m), "on_site": _days_on_site(m)}
    out["leads"] = _leads(m)
    return out


def _count(m: _Month, model: Any, *where: Any) -> int:
    return int(m.session.scalar(select(func.count()).select_from(model).where(*m.live(model), *where)) or 0)


def _register(m: _Month) -> tuple[dict[str, Any], dict[str, int], Counter[str]]:
    """Population figures as at ``m.as_of``, the custody limits as the agenda of that day reads them
    (:func:`inspector.census.custody_on`), and this month's 换押 / 留所服刑 decisions."""
    people = m.session.execute(
        select(
            raw_id(Detainee.id).label("id"),
            Detainee.legal_status,
            Detainee.birth_date,
            Detainee.stage,
            Detainee.admitted_at,
            Detainee.discharged_on,
            Detainee.discharge_kind,
            Detainee.warning_notice_sent_on,
        ).where(
            *m.live(Detainee),
            Detainee.admitted_at < m.end,
            or_(Detainee.discharged_on.is_(None), Detainee.discharged_on >= m.first),
        )
    ).all()
    held_ids = {p.id.hex for p in custody_on_day(m)}
    held = [p for p in people if p.id in held_ids]
    left = [p for p in people if p.discharged_on is not None and p.discharged_on <= m.as_of]
    adult_from = _years_before(m.as_of, 18)
    status = Counter(p.legal_status for p in held)
    discharged = _labelled(e.DischargeKind, Counter(p.discharge_kind for p in left).items())
    ids = [p.id for p in people]
    month_events = Counter(count_events(m.session, ids, m.first, m.as_of, MONTH_EVENT_KINDS))
    on_day = {c.person.id.hex: c for c in _custody(m)}
    population = {
        "held_end": len(held),
        "by_status": {
            "犯罪嫌疑人": status.get("suspect", 0),
            "被告人": status.get("defendant", 0),
            "罪犯": status.get("convict", 0),
        },
        "juveniles": sum(1 for p in held if p.birth_date is not None and p.birth_date > adult_from),
        "serving_in_center": sum(1 for c in on_day.values() if c.person.inp.stage == "serving_in_center"),
        "admitted": sum(1 for p in people if m.start <= p.admitted_at < m.end),
        "discharged": len(left),
        "discharged_by_kind": discharged,
        "handovers": month_events.get("custody_handover", 0),
    }
    warnings = sum(
        1
        for p in people
        if p.warning_notice_sent_on is not None and m.first <= p.warning_notice_sent_on <= m.as_of
    )
    return population, _custody_counts(m, warnings, len(held)), month_events


def custody_on_day(m: _Month) -> list[Held]:
    return [c.person for c in _custody(m)]


def _custody(m: _Month) -> list[CustodyOnDay]:
    """Everyone held on ``m.as_of`` with their custody limit that day: the agenda's reading."""
    if m.custody is None:
        m.custody = custody_on(m.session, m.station_id, m.as_of, m.settings, m.cal)
    return m.custody


def custody_tally(found: list[CustodyOnDay]) -> dict[str, int]:
    """What the agenda of the day lists about custody, counted: 超期羁押 (a custody limit passed), 可能
    超期羁押 (an irregularity that may be one), 刑满未释放 (留所服刑), 即将届满 (inside the warning
    window), and for the delivery for execution 逾期未交付执行 and 可能逾期."""
    out = Counter[str]()
    for c in found:
        r = c.result
        delivery = is_delivery(r.stage)
        serving = r.stage == "serving_in_center"
        possible = len(possible_overdue(r.issues))
        if delivery:
            out["delivery_overdue_now"] += r.status == "overdue"
            out["delivery_possible_now"] += possible
        elif serving:
            out["release_overdue_now"] += r.status == "overdue"
        else:
            out["overdue_now"] += r.status == "overdue"
            out["possible_overdue_now"] += possible
            out["warning_now"] += r.status == "warning"
    keys = (
        "overdue_now",
        "possible_overdue_now",
        "release_overdue_now",
        "warning_now",
        "delivery_overdue_now",
        "delivery_possible_now",
    )
    return {k: out[k] for k in keys}


def _custody_counts(m: _Month, warnings: int, held: int) -> dict[str, int]:
    """Limits that came to their last day within the month (up to ``as_of``), the centre's 即将届满
    notices, and what the agenda of ``as_of`` lists."""
    lead = timedelta(days=m.settings.custody_warning_days)
    reached = limits_reached(m.session, m.station_id, m.first, m.as_of, m.settings, m.cal)
    warned_in_time = sum(
        1
        for c in reached
        if c.result.deadline is not None
        and c.person.warning_notice_sent_on is not None
        and c.person.warning_notice_sent_on <= c.result.deadline - lead
    )
    found = _custody(m)
    # a person in 再审 is still to be delivered for execution: counted as the agenda lists them
    deliveries = retrial_deliveries((c.person for c in found), m.settings, m.as_of, m.cal)
    return {
        "deadlines_reached": len(reached),
        "warnings_sent": warnings,
        "warnings_in_time": warned_in_time,
        "people_checked": sum(1 for c in found if c.person.inp.stage not in NO_CUSTODY_LIMIT),
        "held_end": held,
        **custody_tally([*found, *deliveries]),
    }


def _week_span(m: _Month) -> tuple[date, date]:
    """The days the month's weeks cover (a week belongs to the month it starts in)."""
    return min([m.first] + [w[0] for w in m.weeks]), max([m.last] + [w[1] for w in m.weeks])


def _patrols(m: _Month) -> dict[str, Any]:
    span_first, span_last = _week_span(m)
    rows = m.session.execute(
        select(Patrol.patrol_date, Patrol.areas, Patrol.methods, Patrol.video_segments).where(
            *m.live(Patrol), Patrol.patrol_date >= span_first, Patrol.patrol_date <= span_last
        )
    ).all()
    in_month = [r for r in rows if m.first <= r.patrol_date <= m.last]
    places = Counter(a for r in in_month for a in set(r.areas or []))
    return {
        "count": len(in_month),
        "weeks": len(m.weeks),
        "weeks_below": m.below_target(Counter(r.patrol_date for r in rows), m.settings.patrols_per_week_min),
        "target_per_week": m.settings.patrols_per_week_min,
        "places": {p: places.get(p, 0) for p in KEY_PLACES},
        "places_all": len(places),
        "video_reviews": sum(1 for r in in_month if "video" in (r.methods or []) or r.video_segments),
        "video_segments": sum(len(r.video_segments or []) for r in in_month),
        "video_findings": _count(m, Finding, *m.in_month(Finding.found_on), Finding.source == "video"),
    }


def _talks(m: _Month) -> dict[str, Any]:
    t_start, t_end = day_bounds(*_week_span(m))
    rows = m.session.execute(
        select(Talk.talk_at, Talk.talk_type).where(
            *m.live(Talk), Talk.talk_at >= t_start, Talk.talk_at < t_end
        )
    ).all()
    days = [(local_date(r.talk_at), r.talk_type) for r in rows]
    month = [(d, t) for d, t in days if m.first <= d <= m.last]
    counted = Counter(d for d, t in days if t in m.settings.talk_types_counted)
    return {
        "count": len(month),
        "by_type": _labelled(e.TalkType, Counter(t for _, t in month).items()),
        "weeks": len(m.weeks),
        "weeks_below": m.below_target(counted, m.settings.talks_per_week_min),
        "target_per_week": m.settings.talks_per_week_min,
    }


def _mailbox(m: _Month) -> dict[str, Any]:
    opened = [MailboxOpening.opened_at >= m.start, MailboxOpening.opened_at < m.end]
    letters = m.session.execute(
        select(
            MailboxLetter.category,
            MailboxLetter.accepted_on,
            MailboxLetter.review_due,
            MailboxLetter.replied_on,
        )
        .join(MailboxOpening, MailboxLetter.opening_id == MailboxOpening.id)
        .where(*m.live(MailboxLetter), *opened)
    ).all()
    days = m.settings.letter_review_days
    return {
        "openings": _count(m, MailboxOpening, *opened),
        "letters": len(letters),
        "by_category": _labelled(e.LetterCategory, Counter(r.category for r in letters).items()),
        "answered": sum(1 for r in letters if r.replied_on is not None),
        "answered_in_time": sum(
            1
            for r in letters
            if r.replied_on is not None
            and r.replied_on <= (r.review_due or r.accepted_on + timedelta(days=days))
        ),
        "review_days": days,
    }


def _findings(m: _Month) -> dict[str, Any]:
    by_severity = _labelled(
        e.Severity,
        m.session.execute(
            select(Finding.severity, func.count())
            .where(*m.live(Finding), *m.in_month(Finding.found_on))
            .group_by(Finding.severity)
        ),
    )
    return {"by_severity": by_severity, "count": sum(by_severity.values())}


def _oral_corrections(m: _Month) -> dict[str, int]:
    escalated_ids = select(RectificationNotice.oral_correction_id).where(
        *m.live(RectificationNotice), RectificationNotice.oral_correction_id.is_not(None)
    )
    rows = m.session.execute(
        select(
            OralCorrection.issued_on,
            OralCorrection.follow_up_due,
            OralCorrection.corrected,
            OralCorrection.corrected_on,
            OralCorrection.id.in_(escalated_ids).label("escalated"),
        ).where(*m.live(OralCorrection), *m.in_month(OralCorrection.issued_on))
    ).all()
    days = m.settings.oral_follow_up_days
    # 已整改 counts those corrected on the oral correction itself: one escalated to a notice is counted
    # under 转为制发纠正违法通知书, even once the notice's 核实整改 records it as corrected.
    return {
        "count": len(rows),
        "corrected": sum(1 for r in rows if r.corrected and not r.escalated),
        "corrected_in_time": sum(
            1
            for r in rows
            if r.corrected
            and not r.escalated
            and r.corrected_on is not None
            and r.corrected_on <= (r.follow_up_due or r.issued_on + timedelta(days=days))
        ),
        "escalated": sum(1 for r in rows if r.escalated),
    }


def _notice_counts(m: _Month) -> tuple[dict[str, int], dict[str, int]]:
    n = RectificationNotice
    rows = m.session.execute(
        select(
            n.state,
            n.trigger,
            n.issued_on,
            n.served_on,
            n.reply_due,
            n.reply_period_days,
            n.replied_on,
            n.adopted,
            n.correction_status,
            n.reported_upward_on,
        ).where(
            *m.live(n),
            n.issued_on <= m.last,
            or_(n.replied_on.is_(None), n.replied_on >= m.first, n.issued_on >= m.first),
        )
    ).all()
    counts = Counter[str]()
    custody = Counter[str]()
    for r in rows:
        issued = r.issued_on is not None and m.first <= r.issued_on <= m.last
        replied = r.replied_on is not None and m.first <= r.replied_on <= m.last
        counts["issued"] += issued
        counts["replied"] += replied
        counts["adopted"] += replied and bool(r.adopted)
        counts["reported_upward"] += (
            r.reported_upward_on is not None and m.first <= r.reported_upward_on <= m.last
        )
        if r.state not in NOT_SENT:
            due = notice_reply_due_of(
                r.reply_due, r.issued_on, r.served_on, r.reply_period_days, m.settings, m.cal
            )
            counts["overdue"] += _overdue(due, r.replied_on, m.as_of)
        if issued and r.trigger == "overdue_custody":
            custody["overdue_found"] += 1
            custody["overdue_corrected"] += r.correction_status == "corrected"
    keys = ("issued", "replied", "adopted", "overdue", "reported_upward")
    return {k: counts[k] for k in keys}, {k: custody[k] for k in ("overdue_found", "overdue_corrected")}


def _suggestion_counts(m: _Month) -> dict[str, int]:
    s = ProcuratorialSuggestion
    rows = m.session.execute(
        select(
            s.state,
            s.issued_on,
            s.served_on,
            s.reply_due,
            s.reply_period_months,
            s.replied_on,
            s.adopted,
            s.escalated_on,
        ).where(
            *m.live(s),
            s.issued_on <= m.last,
            or_(s.replied_on.is_(None), s.replied_on >= m.first, s.issued_on >= m.first),
        )
    ).all()
    counts = Counter[str]()
    for r in rows:
        replied = r.replied_on is not None and m.first <= r.replied_on <= m.last
        counts["issued"] += r.issued_on is not None and m.first <= r.issued_on <= m.last
        counts["replied"] += replied
        counts["adopted"] += replied and bool(r.adopted)
        counts["reported_upward"] += r.escalated_on is not None and m.first <= r.escalated_on <= m.last
        if r.state not in NOT_SENT:
            due = suggestion_reply_due_of(r.reply_due, r.served_on, r.reply_period_months, m.settings, m.cal)
            counts["overdue"] += _overdue(due, r.replied_on, m.as_of)
    return {k: counts[k] for k in ("issued", "replied", "adopted", "overdue", "reported_upward")}


def _overdue(due: date | None, replied_on: date | None, last: date) -> bool:
    """逾期未回复 on ``last`` (the month's end, or today): due before then and not answered by then."""
    if due is None or due >= last:
        return False
    return replied_on is None or replied_on > last


def _delivery(m: _Month, serve_in_center_decisions: int) -> dict[str, int]:
    c = ExecutionDeliveryCheck
    checks = m.session.execute(
        select(c.delivery_due, c.delivered_on, c.documents_received_on, c.property_check).where(
            *m.live(c),
            or_(
                and_(*m.in_month(c.delivery_due)),
                and_(*m.in_month(c.delivered_on)),
                and_(*m.in_month(c.documents_received_on)),
            ),
        )
    ).all()
    due = [r for r in checks if r.delivery_due is not None and m.first <= r.delivery_due <= m.last]
    items = [
        item
        for r in checks
        if r.property_check and (r.delivered_on or r.documents_received_on or m.first) >= m.first
        for item in r.property_check
        if isinstance(item, Mapping)
    ]
    return {
        "due": len(due),
        "delivered_on_time": sum(
            1 for r in due if r.delivered_on is not None and r.delivered_on <= r.delivery_due
        ),
        "delivered_late": sum(
            1
            for r in checks
            if r.delivered_on is not None
            and m.first <= r.delivered_on <= m.as_of
            and r.delivery_due is not None
            and r.delivered_on > r.delivery_due
        ),
        "serve_in_center_decisions": serve_in_center_decisions,
        "property_checks": sum(1 for r in checks if r.property_check),
        "property_problems": sum(
            1 for item in items if str(item.get("outcome", "")) not in ("handed_over", "returned", "ok", "")
        ),
    }


def _incidents(m: _Month) -> dict[str, Any]:
    by_kind = _labelled(
        e.IncidentKind,
        m.session.execute(
            select(Incident.kind, func.count())
            .where(*m.live(Incident), Incident.occurred_at >= m.start, Incident.occurred_at < m.end)
            .group_by(Incident.kind)
        ),
    )
    return {"by_kind": by_kind, "count": sum(by_kind.values())}


def _lawyer_meetings(m: _Month) -> dict[str, int]:
    c = LawyerMeetingCheck
    rows = m.session.execute(
        select(c.requested_at, c.arranged_at, c.monitored, c.police_present, c.refusal_reason).where(
            *m.live(c), c.requested_at >= m.start, c.requested_at < m.end
        )
    ).all()
    limit = timedelta(hours=m.settings.lawyer_meeting_hours)
    return {
        "checks": len(rows),
        "problems": sum(
            1
            for r in rows
            if r.monitored
            or r.police_present
            or r.refusal_reason
            or (r.arranged_at is not None and r.arranged_at - r.requested_at > limit)
        ),
    }


def _duty(m: _Month) -> dict[str, int]:
    logs = {
        r.log_date: r.staff_on_duty or []
        for r in m.session.execute(
            select(DailyLog.log_date, DailyLog.staff_on_duty).where(
                *m.live(DailyLog), *m.in_month(DailyLog.log_date)
            )
        )
    }
    workdays = below = missing = holiday_duty = 0
    d = m.first
    while d <= m.as_of:
        working = m.cal.is_working_day(d)
        if working is None:
            working = d.weekday() < 5
        staff = logs.get(d)
        if working:
            workdays += 1
            if staff is None:
                missing += 1
            elif len(staff) < m.settings.staff_on_duty_min:
                below += 1
        elif staff:
            holiday_duty += 1
        d += timedelta(days=1)
    return {
        "workdays": workdays,
        "workdays_below": below,
        "workdays_without_log": missing,
        "holiday_duty_days": holiday_duty,
        "target": m.settings.staff_on_duty_min,
    }


def _days_on_site(m: _Month) -> dict[str, Any]:
    """Days on site per person from the sign-ins, beside the days planned (docs/domain.md, "Duty
    roster"): the month's roster as the 值班与在岗 page and the printed table read it."""
    roster = compile_duty_roster(m.session, m.station_id, m.first.year, m.first.month, today=m.as_of)
    people = [
        {
            "name": p.name,
            "planned": p.planned,
            "actual": p.actual,
            "missed": p.missed,
            "unplanned": p.unplanned,
        }
        for p in roster.people
        if p.planned or p.actual
    ]
    return {
        "target": roster.settings.days_on_site_target,
        "people": people,
        "below_target": sum(1 for p in roster.people if p.met is False and (p.planned or p.actual)),
        "days": sum(p["actual"] for p in people),
    }


def _leads(m: _Month) -> dict[str, Any]:
    """监督线索 found in the month, by rule and by outcome (待核实, 核实中, 已核实, 已排除 as they stand now),
    and how many of them became a finding, an oral correction or a notice."""
    by_rule: dict[str, int] = {}
    by_outcome: dict[str, int] = {}
    by_rule_outcome: dict[str, dict[str, int]] = {}
    raised = {"finding": 0, "oral_correction": 0, "rectification_notice": 0}
    for rule, status, finding, oral, notice in m.session.execute(
        select(
            SupervisionLead.rule_code,
            SupervisionLead.status,
            SupervisionLead.finding_id,
            SupervisionLead.oral_correction_id,
            SupervisionLead.rectification_notice_id,
        ).where(*m.live(SupervisionLead), *m.in_month(SupervisionLead.found_on))
    ):
        rule_name = label(e.LeadRule, rule) or "其他"
        outcome = label(e.LeadStatus, status) or "其他"
        by_rule[rule_name] = by_rule.get(rule_name, 0) + 1
        by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
        cell = by_rule_outcome.setdefault(rule_name, {})
        cell[outcome] = cell.get(outcome, 0) + 1
        raised["finding"] += finding is not None
        raised["oral_correction"] += oral is not None
        raised["rectification_notice"] += notice is not None
    return {
        "count": sum(by_rule.values()),
        "by_rule": by_rule,
        "by_outcome": by_outcome,
        "by_rule_outcome": by_rule_outcome,
        "raised": raised,
    }
