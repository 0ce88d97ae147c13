"""Letters to review, lawyer meetings, weekly targets, new-arrival talks, pre-holiday inspections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem, Level, level_for
from inspector.domain.enums import LetterCategory
from inspector.domain.validation import SHANGHAI, local_date
from inspector.rules._labels import label
from inspector.rules.calendar import unknown_year_reason
from inspector.rules.deadlines import COMPLAINT_CATEGORIES, lawyer_meeting_due, letter_review_due
from inspector.rules.targets import (
    MailboxOpeningRecord,
    NewArrival,
    PreholidayRecord,
    TalkRecord,
    TargetStatus,
    new_arrival_talks,
    preholiday_inspections_due,
    week_bounds,
    weekly_targets,
)
from inspector.rules.text import Label, cite, define
from inspector.store.models import (
    Detainee,
    LawyerMeetingCheck,
    MailboxLetter,
    MailboxOpening,
    Patrol,
    PreholidayInspection,
    Talk,
)

_LETTER_REVIEW = define(
    "agenda.letter.review", "{category}信件审查答复期限", "{category} letter: time limit to review and reply"
)
_LETTER_HANDLE = define(
    "agenda.letter.handle", "{category}信件办理答复期限", "{category} letter: time limit to handle and reply"
)
_LETTER_SUBJECT = define(
    "agenda.letter.subject", "第{serial}号来信：{subject}", "Letter no. {serial}: {subject}"
)
_LETTER_SUBJECT_CONFIDENTIAL = define(
    "agenda.letter.subject_confidential",
    "第{serial}号来信（保密）：{subject}",
    "Letter no. {serial} (confidential): {subject}",
)
_LETTER_RULE = define("agenda.letter.rule", "来信审查期限", "Time limit to review a letter")
_LAWYER_TITLE = define(
    "agenda.lawyer.title", "律师会见应在48小时内安排", "A lawyer's meeting is to be arranged within 48 hours"
)
_LAWYER_SUBJECT = define("agenda.lawyer.subject", "{name}律师", "Lawyer {name}")
_LAWYER_RULE = define("agenda.lawyer.rule", "律师会见安排期限", "Time limit to arrange a lawyer's meeting")
_TARGET_TITLE = define(
    "agenda.target.title",
    "本周{target}未达标（{count}/{minimum}）",
    "{target} this week below target ({count}/{minimum})",
)
_TARGET_RULE = define(
    "agenda.target.rule",
    "每周{target}不少于{minimum}次（本院工作要求）",
    "{target} at least {minimum} times a week (this procuratorate's requirement)",
)
_WEEK = define("agenda.week", "{start}—{end}", "{start} – {end}")
LOCAL_BASIS = define("agenda.local_basis", "检察室工作要求（本地设置）", "Office requirement (local setting)")
_NEW_ARRIVAL_TITLE = define("agenda.new_arrival.title", "新收押人员谈话", "Talk with a new arrival")
_NEW_ARRIVAL_RULE = define(
    "agenda.new_arrival.rule",
    "新收押人员{days}日内必谈（本地工作要求）",
    "Talk with every new arrival within {days} days (local requirement)",
)
_PREHOLIDAY_TITLE = define(
    "agenda.preholiday.title", "{holiday}前安全大检查", "Safety inspection before {holiday}"
)
_PREHOLIDAY_SUBJECT = define("agenda.preholiday.subject", "{year}年{holiday}", "{holiday} {year}")
_PREHOLIDAY_RULE = define(
    "agenda.preholiday.rule",
    "节前联合武警中队、公安分局对看守所进行全面安全大检查（本地工作要求）",
    "Before a holiday, a full safety inspection of the detention centre together with the armed police"
    " squadron and the public security sub-bureau (local requirement)",
)
_REFERENCE = define("agenda.by_reference", "{basis}（参照）", "{basis} (by reference)")
_CALENDAR_TITLE = define(
    "agenda.calendar.title", "{year}年节假日安排尚未录入", "Holiday schedule for {year} not entered yet"
)
_CALENDAR_SUBJECT = define("agenda.calendar.subject", "节假日表", "Holiday table")
_CALENDAR_RULE = define(
    "agenda.calendar.rule",
    "非羁押期限遇节假日顺延（{basis}）",
    "Periods other than custody limits are extended past holidays ({basis})",
)
_CALENDAR_ASK = define(
    "agenda.calendar.ask",
    "{note}。国务院公布安排后，请办公室录入节假日表并同步。",
    "{note}. Once the State Council publishes the schedule, the office enters it in the holiday table and"
    " syncs.",
)

_SEVERITY_LEVEL: dict[str, Level] = {"red": "overdue", "amber": "warning", "pending": "upcoming"}
OPEN_LETTER_STATES = ("registered", "in_review", "transferred")


def _utc_start(day: date) -> datetime:
    """The UTC instant at which a Shanghai calendar day begins (timestamps are stored in UTC)."""
    return datetime.combine(day, time.min, tzinfo=SHANGHAI).astimezone(UTC)


def letter_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    latest = ctx.horizon - timedelta(days=ctx.settings.letter_review_days)
    rows = ctx.session.scalars(
        select(MailboxLetter).where(
            of_station(MailboxLetter, ctx.station_id),
            MailboxLetter.deleted_at.is_(None),
            (MailboxLetter.status.in_(OPEN_LETTER_STATES) & MailboxLetter.replied_on.is_(None))
            | (MailboxLetter.replied_on > ctx.today),  # a past day: answered only later
            MailboxLetter.accepted_on <= latest,
            MailboxLetter.accepted_on <= ctx.today,
        )
    )
    for letter in rows:
        deadline = letter_review_due(letter.accepted_on, ctx.settings, ctx.calendar, letter.category)
        if deadline.due > ctx.horizon:
            continue
        category = Label(label(LetterCategory, letter.category))
        title = _LETTER_REVIEW if letter.category in COMPLAINT_CATEGORIES else _LETTER_HANDLE
        subject = _LETTER_SUBJECT_CONFIDENTIAL if letter.confidential else _LETTER_SUBJECT
        yield AgendaItem(
            level=level_for(deadline.due, ctx.today, ctx.warning_days),
            kind="letter_review",
            title=title(category=category),
            subject=subject(serial=letter.serial_no, subject=letter.subject),
            due=deadline.due,
            days_left=deadline.days_left(ctx.today),
            rule=deadline.label or _LETTER_RULE(),
            basis=deadline.basis,
            explanation=deadline.note,
            record_table="mailbox_letter",
            record_id=letter.id,
            certain=deadline.certain,
        )


def lawyer_meeting_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    rows = ctx.session.scalars(
        select(LawyerMeetingCheck).where(
            of_station(LawyerMeetingCheck, ctx.station_id),
            LawyerMeetingCheck.deleted_at.is_(None),
            LawyerMeetingCheck.arranged_at.is_(None),
            LawyerMeetingCheck.refusal_reason.is_(None),
        )
    )
    now = datetime.combine(ctx.today, time.max, tzinfo=SHANGHAI)
    for check in rows:
        deadline = lawyer_meeting_due(check.requested_at, ctx.settings)
        due_day = local_date(deadline.due)
        yield AgendaItem(
            level="overdue" if deadline.due < now else "warning",
            kind="lawyer_meeting",
            title=_LAWYER_TITLE(),
            subject=_LAWYER_SUBJECT(name=check.lawyer_name),
            due=due_day,
            days_left=(due_day - ctx.today).days,
            rule=deadline.label or _LAWYER_RULE(),
            basis=deadline.basis,
            explanation=deadline.note,
            record_table="lawyer_meeting_check",
            record_id=check.id,
        )


def weekly_target_statuses(ctx: AgendaContext) -> tuple[TargetStatus, ...]:
    """The week's targets (patrols, talks, mailbox openings), met or not: the dashboard's cards show
    all of them, the agenda lists those not met."""
    start, end = week_bounds(ctx.today, ctx.settings)
    lo, hi = _utc_start(start), _utc_start(end + timedelta(days=1))
    s, sid = ctx.session, ctx.station_id
    patrol_dates = s.scalars(
        select(Patrol.patrol_date).where(
            of_station(Patrol, sid), Patrol.deleted_at.is_(None), Patrol.patrol_date.between(start, end)
        )
    )
    talks = [
        TalkRecord(str(detainee_id), local_date(at), kind)
        for detainee_id, at, kind in s.execute(
            select(Talk.detainee_id, Talk.talk_at, Talk.talk_type).where(
                of_station(Talk, sid), Talk.deleted_at.is_(None), Talk.talk_at >= lo, Talk.talk_at < hi
            )
        )
    ]
    openings = [
        MailboxOpeningRecord(local_date(at), len(openers or ()))
        for at, openers in s.execute(
            select(MailboxOpening.opened_at, MailboxOpening.opener_ids).where(
                of_station(MailboxOpening, sid),
                MailboxOpening.deleted_at.is_(None),
                MailboxOpening.opened_at >= lo,
                MailboxOpening.opened_at < hi,
            )
        )
    ]
    return weekly_targets(
        ctx.today, ctx.settings, patrol_dates=list(patrol_dates), talks=talks, mailbox_openings=openings
    )


def weekly_target_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    for status in weekly_target_statuses(ctx):
        if status.met:
            continue
        yield AgendaItem(
            level=_SEVERITY_LEVEL.get(status.severity, "upcoming"),
            kind="weekly_target",
            title=_TARGET_TITLE(target=Label(status.label), count=status.count, minimum=status.minimum),
            subject=_WEEK(start=status.week_start, end=status.week_end),
            due=status.week_end,
            days_left=(status.week_end - ctx.today).days,
            rule=_TARGET_RULE(target=Label(status.label), minimum=status.minimum),
            basis=LOCAL_BASIS(),
            explanation=status.note,
        )


def new_arrival_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    days = ctx.settings.new_arrival_talk_days
    since = ctx.today - timedelta(days=days + 30)
    s, sid = ctx.session, ctx.station_id
    arrivals = {
        str(row.id): row
        for row in s.execute(
            select(Detainee.id, Detainee.name, Detainee.admitted_at, Detainee.discharged_on).where(
                of_station(Detainee, sid),
                Detainee.deleted_at.is_(None),
                Detainee.admitted_at >= _utc_start(since),
            )
        )
    }
    if not arrivals:
        return
    talks = [
        TalkRecord(str(detainee_id), local_date(at), kind)
        for detainee_id, at, kind in s.execute(
            select(Talk.detainee_id, Talk.talk_at, Talk.talk_type).where(
                of_station(Talk, sid), Talk.deleted_at.is_(None), Talk.talk_at >= _utc_start(since)
            )
        )
    ]
    inputs = [NewArrival(key, local_date(r.admitted_at), r.discharged_on) for key, r in arrivals.items()]
    for status in new_arrival_talks(inputs, talks, ctx.settings, ctx.today):
        if status.status not in ("pending", "overdue") or status.due > ctx.horizon:
            continue
        row = arrivals[status.detainee_id]
        yield AgendaItem(
            level="overdue"
            if status.status == "overdue"
            else _SEVERITY_LEVEL.get(status.severity, "upcoming"),
            kind="new_arrival_talk",
            title=_NEW_ARRIVAL_TITLE(),
            subject=row.name,
            due=status.due,
            days_left=(status.due - ctx.today).days,
            rule=_NEW_ARRIVAL_RULE(days=days),
            basis=LOCAL_BASIS(),
            explanation=status.note,
            record_table="detainee",
            record_id=row.id,
        )


def preholiday_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    records = [
        PreholidayRecord(h, y, d)
        for h, y, d in ctx.session.execute(
            select(
                PreholidayInspection.holiday,
                PreholidayInspection.holiday_year,
                PreholidayInspection.inspected_on,
            ).where(
                of_station(PreholidayInspection, ctx.station_id), PreholidayInspection.deleted_at.is_(None)
            )
        )
    ]
    for status in preholiday_inspections_due(ctx.today, ctx.calendar, ctx.settings, records):
        if status.status in ("done",) or status.window_start is None or status.window_end is None:
            if status.status == "unknown":
                yield _calendar_gap_item(ctx, status.year, status.note)
            continue
        if status.status == "upcoming" and status.window_start > ctx.horizon:
            continue
        level: Level = {"missed": "overdue", "due": "warning"}.get(status.status, "upcoming")  # type: ignore[assignment]
        yield AgendaItem(
            level=level,
            kind="preholiday_inspection",
            title=_PREHOLIDAY_TITLE(holiday=Label(status.label)),
            subject=_PREHOLIDAY_SUBJECT(year=status.year, holiday=Label(status.label)),
            due=status.window_end,
            days_left=(status.window_end - ctx.today).days,
            rule=_PREHOLIDAY_RULE(),
            basis=_REFERENCE(basis=cite("人民检察院监狱检察办法", 35)),
            explanation=status.note,
            record_table=None,
            record_id=None,
            certain=status.certain,
        )


def calendar_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """In the last quarter, say so if next year's holiday schedule is not known yet."""
    next_year = ctx.today.year + 1
    if ctx.today.month >= 10 and not ctx.calendar.knows_year(next_year):
        yield _calendar_gap_item(ctx, next_year, unknown_year_reason(next_year))


def _calendar_gap_item(ctx: AgendaContext, year: int, note: str) -> AgendaItem:
    return AgendaItem(
        level="info",
        kind="calendar",
        title=_CALENDAR_TITLE(year=year),
        subject=_CALENDAR_SUBJECT(),
        due=None,
        days_left=None,
        rule=_CALENDAR_RULE(basis=cite("刑事诉讼法", 105)),
        basis=cite("刑事诉讼法", 105),
        explanation=_CALENDAR_ASK(note=note),
    )


__all__ = [
    "calendar_items",
    "lawyer_meeting_items",
    "letter_items",
    "new_arrival_items",
    "preholiday_items",
    "weekly_target_items",
    "weekly_target_statuses",
]
