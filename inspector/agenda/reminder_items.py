"""The office's own duties (docs/domain.md, "Reminders"): the half-yearly 联席会议, the month-end
report, and what an incident still requires (非正常死亡: report and examination within 24 hours, a
巡回检察)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem, Level
from inspector.domain.enums import IncidentKind
from inspector.domain.validation import SHANGHAI
from inspector.rules._labels import label
from inspector.rules.reminders import incident_duties, joint_meeting_reminder, monthly_report_reminders
from inspector.rules.text import Label, define
from inspector.store.models import Incident, MonthlyReport, PreholidayInspection

_MEETING_SUBJECT = define(
    "agenda.meeting.subject",
    "看守所、武警中队、公安分局",
    "Detention centre, armed police squadron, public security sub-bureau",
)
_MEETING_RULE = define(
    "agenda.meeting.rule",
    "每{months}个月召开一次联席会议（本地工作要求）",
    "A joint meeting every {months} months (local requirement)",
)
_REPORT_SUBJECT = define("agenda.report.subject", "月度工作情况报告", "Monthly work report")
_REPORT_RULE = define(
    "agenda.report.rule",
    "每月月末编写月度工作情况报告（本地工作要求）",
    "A monthly work report written at each month's end (local requirement)",
)
_INCIDENT_SUBJECT = define("agenda.incident.subject", "{month}月{day}日{kind}", "{kind}, {month}/{day}")
_INCIDENT_RULE = define("agenda.incident.rule", "事故检察", "Supervision of incidents")

__all__ = ["reminder_items"]

_LEVEL: dict[str, Level] = {"overdue": "overdue", "due": "warning", "upcoming": "upcoming"}
JOINT_MEETING = "联席会议"


def _day_end(ctx: AgendaContext) -> datetime:
    return datetime.combine(ctx.today + timedelta(days=1), time.min, tzinfo=SHANGHAI).astimezone(UTC)


def reminder_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    yield from _joint_meeting(ctx)
    yield from _monthly_report(ctx)
    yield from _incidents(ctx)


def _joint_meeting(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """Held: a pre-holiday inspection with 联席会议 notes, or a monthly report whose 参加会议活动 names a
    联席会议 (the month's last day counts)."""
    s, sid = ctx.session, ctx.station_id
    held = [
        d
        for d, notes in s.execute(
            select(PreholidayInspection.inspected_on, PreholidayInspection.joint_meeting_notes).where(
                of_station(PreholidayInspection, sid),
                PreholidayInspection.deleted_at.is_(None),
                PreholidayInspection.inspected_on <= ctx.today,
            )
        )
        if notes and notes.strip()
    ]
    for month, manual in s.execute(
        select(MonthlyReport.month, MonthlyReport.manual_items).where(
            of_station(MonthlyReport, sid), MonthlyReport.deleted_at.is_(None)
        )
    ):
        if JOINT_MEETING in str((manual or {}).get("meetings") or ""):
            year, mon = (int(x) for x in month.split("-"))
            first_of_next = datetime(year + mon // 12, mon % 12 + 1, 1).date()
            last = first_of_next - timedelta(days=1)
            if last <= ctx.today:
                held.append(last)
    r = joint_meeting_reminder(max(held) if held else None, ctx.today, ctx.settings)
    if r.status == "upcoming" and r.due > ctx.horizon:
        return
    yield AgendaItem(
        level=_LEVEL[r.status],
        kind="joint_meeting",
        title=r.title,
        subject=_MEETING_SUBJECT(),
        due=r.due,
        days_left=(r.due - ctx.today).days,
        rule=_MEETING_RULE(months=ctx.settings.joint_meeting_interval_months),
        basis=r.basis,
        explanation=r.note,
    )


def _monthly_report(ctx: AgendaContext) -> Iterator[AgendaItem]:
    submitted = set(
        ctx.session.scalars(
            select(MonthlyReport.month).where(
                of_station(MonthlyReport, ctx.station_id),
                MonthlyReport.deleted_at.is_(None),
                MonthlyReport.status.in_(("submitted", "approved")),
            )
        )
    )
    for r in monthly_report_reminders(ctx.today, submitted):
        yield AgendaItem(
            level=_LEVEL[r.status],
            kind="monthly_report",
            title=r.title,
            subject=_REPORT_SUBJECT(),
            due=r.due,
            days_left=(r.due - ctx.today).days,
            rule=_REPORT_RULE(),
            basis=r.basis,
            explanation=r.note,
        )


def _incidents(ctx: AgendaContext) -> Iterator[AgendaItem]:
    rows = ctx.session.scalars(
        select(Incident).where(
            of_station(Incident, ctx.station_id),
            Incident.deleted_at.is_(None),
            Incident.occurred_at < _day_end(ctx),
        )
    )
    now = _day_end(ctx)
    for incident in rows:

        def by_then(value: datetime | None) -> datetime | None:
            return value if value is not None and value < now else None

        duties = incident_duties(
            incident.kind,
            incident.occurred_at,
            now=now,
            reported_to_chief_at=by_then(incident.reported_to_chief_at),
            autopsy_at=by_then(incident.autopsy_at),
            circuit_inspection_requested=incident.circuit_inspection_requested,
        )
        when = incident.occurred_at.astimezone(SHANGHAI).date()
        for duty in duties:
            yield AgendaItem(
                level="overdue" if duty.overdue else "warning",
                kind="incident_duty",
                title=duty.title,
                subject=_INCIDENT_SUBJECT(
                    month=when.month, day=when.day, kind=Label(label(IncidentKind, incident.kind))
                ),
                due=duty.due,
                days_left=(duty.due - ctx.today).days if duty.due else None,
                rule=_INCIDENT_RULE(),
                basis=duty.basis,
                explanation=duty.note,
                record_table="incident",
                record_id=incident.id,
            )
