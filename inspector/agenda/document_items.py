"""Oral corrections awaiting follow-up, notices and suggestions awaiting a reply, 复查 to decide."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, select

from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem, level_for
from inspector.domain.lifecycle import urgings
from inspector.rules.deadlines import (
    Deadline,
    notice_reply_due,
    oral_follow_up_due,
    reply_escalation,
    review_decision_due,
    suggestion_reply_due,
)
from inspector.rules.text import define, join
from inspector.store.models import OralCorrection, ProcuratorialSuggestion, RectificationNotice

_ORAL_LATE = define(
    "agenda.oral.late",
    "口头纠正逾期未整改：应制发纠正违法通知书",
    "Oral correction not acted on in time: issue a rectification notice",
)
_ORAL_DUE = define("agenda.oral.due", "口头纠正跟踪期限", "Follow-up of an oral correction")
_ORAL_SUBJECT = define("agenda.oral.subject", "{unit}：{facts}", "{unit}: {facts}")
_REVIEW = define("agenda.review.title", "复查决定期限", "Time limit to decide on a review")
_NOTICE = define("agenda.doc.notice", "纠正违法通知书", "Rectification notice")
_SUGGESTION = define("agenda.doc.suggestion", "检察建议书", "Procuratorial suggestion")
_UNNUMBERED = define("agenda.doc.unnumbered", "（未编号）", "(no number)")
_DOC_SUBJECT = define("agenda.doc.subject", "{number} {addressee}", "{number} {addressee}")
_REPLY_DUE = define("agenda.doc.reply_due", "{doc}回复期限", "{doc}: time limit for the reply")
_FOLLOW_UP = define("agenda.doc.follow_up", "应督促回复", "urge a reply")
_REPORT_UP = define(
    "agenda.doc.report_up",
    "督促后仍未回复：报请上一级人民检察院",
    "still no reply after urging: report to the procuratorate at the next level up",
)
_NO_REPLY = define("agenda.doc.no_reply", "{doc}逾期未回复：{action}", "{doc}: no reply in time — {action}")
_ESCALATION_RULE = define(
    "agenda.doc.escalation_rule",
    "{doc}回复期限届满后的督促与上报",
    "{doc}: urging and reporting up after the time limit for the reply",
)

# States in which a written document is out with the addressee and may still owe a reply.
AWAITING_REPLY = ("issued", "served", "overdue", "followed_up", "review_requested")


def _deadline_item(
    ctx: AgendaContext, deadline: Deadline, *, kind: str, title: str, subject: str, table: str, record: Any
) -> AgendaItem | None:
    if deadline.due > ctx.horizon:
        return None
    return AgendaItem(
        level=level_for(deadline.due, ctx.today, ctx.warning_days),
        kind=kind,
        title=title,
        subject=subject,
        due=deadline.due,
        days_left=deadline.days_left(ctx.today),
        rule=deadline.label or kind,
        basis=deadline.basis,
        explanation=deadline.note,
        record_table=table,
        record_id=record.id,
        certain=deadline.certain,
    )


def oral_correction_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """Not corrected and not yet escalated: on day +7 prompt to issue a 纠正违法通知书 (art 624)."""
    escalated = exists().where(
        RectificationNotice.oral_correction_id == OralCorrection.id, RectificationNotice.deleted_at.is_(None)
    )
    latest_start = ctx.horizon - timedelta(days=ctx.settings.oral_follow_up_days)
    rows = ctx.session.scalars(
        select(OralCorrection).where(
            of_station(OralCorrection, ctx.station_id),
            OralCorrection.deleted_at.is_(None),
            OralCorrection.corrected.is_(False) | (OralCorrection.corrected_on > ctx.today),
            OralCorrection.issued_on <= latest_start,
            ~escalated,
        )
    )
    for oral in rows:
        deadline = oral_follow_up_due(oral.issued_on, ctx.settings, ctx.calendar)
        item = _deadline_item(
            ctx,
            deadline,
            kind="oral_follow_up",
            title=_ORAL_LATE() if deadline.due < ctx.today else _ORAL_DUE(),
            subject=_ORAL_SUBJECT(unit=oral.addressee_unit, facts=_short(oral.facts)),
            table="oral_correction",
            record=oral,
        )
        if item:
            yield item


def _last_follow_up(follow_ups: list[Any], today: date) -> date | None:
    dates = [date.fromisoformat(str(f["on"])) for f in urgings(follow_ups) if f.get("on")]
    dates = [d for d in dates if d <= today]
    return max(dates) if dates else None


def _by(day: date | None, today: date) -> date | None:
    """A step's date if it had happened by ``today`` (an agenda for a past day), else None."""
    return day if day is not None and day <= today else None


def _awaiting(model: Any, today: date) -> Any:
    """Out with the addressee on ``today`` and not answered by then: as the state says, or — for a past
    day — answered or closed only later."""
    now = model.state.in_(AWAITING_REPLY) & model.replied_on.is_(None)
    return (now | (model.replied_on > today)) & (model.issued_on <= today)


def notice_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    rows = ctx.session.scalars(
        select(RectificationNotice).where(
            of_station(RectificationNotice, ctx.station_id),
            RectificationNotice.deleted_at.is_(None),
            _awaiting(RectificationNotice, ctx.today),
        )
    )
    for notice in rows:
        subject = _DOC_SUBJECT(number=notice.doc_number or _UNNUMBERED(), addressee=notice.addressee)
        requested = _by(notice.review_requested_on, ctx.today)
        if requested is not None and not _by(notice.review_decided_on, ctx.today):
            review = review_decision_due(requested, ctx.settings, ctx.calendar)
            item = _deadline_item(
                ctx, review, kind="review_decision", title=_REVIEW(), subject=subject,
                table="rectification_notice", record=notice,
            )  # fmt: skip
            if item:
                yield item
            continue
        due = notice_reply_due(
            issued_on=notice.issued_on,
            served_on=_by(notice.served_on, ctx.today),
            settings=ctx.settings,
            calendar=ctx.calendar,
            reply_period_days=notice.reply_period_days,
        )
        yield from _reply_items(ctx, due, notice, subject, "rectification_notice", _NOTICE())


def suggestion_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    rows = ctx.session.scalars(
        select(ProcuratorialSuggestion).where(
            of_station(ProcuratorialSuggestion, ctx.station_id),
            ProcuratorialSuggestion.deleted_at.is_(None),
            _awaiting(ProcuratorialSuggestion, ctx.today),
            ProcuratorialSuggestion.served_on <= ctx.today,
        )
    )
    for suggestion in rows:
        assert suggestion.served_on is not None
        due = suggestion_reply_due(
            suggestion.served_on, ctx.settings, ctx.calendar, reply_months=suggestion.reply_period_months
        )
        subject = _DOC_SUBJECT(number=suggestion.doc_number or _UNNUMBERED(), addressee=suggestion.addressee)
        yield from _reply_items(ctx, due, suggestion, subject, "procuratorial_suggestion", _SUGGESTION())


def _reply_items(
    ctx: AgendaContext, due: Deadline | None, record: Any, subject: str, table: str, doc_label: str
) -> Iterator[AgendaItem]:
    if due is None:
        return
    status = reply_escalation(
        due,
        today=ctx.today,
        replied_on=_by(record.replied_on, ctx.today),
        followed_up_on=_last_follow_up(record.follow_ups, ctx.today),
        reported_upward_on=_by(
            getattr(record, "reported_upward_on", None) or getattr(record, "escalated_on", None), ctx.today
        ),
    )
    if status.step == "awaiting_reply":
        item = _deadline_item(
            ctx,
            due,
            kind=f"{table}_reply",
            title=_REPLY_DUE(doc=doc_label),
            subject=subject,
            table=table,
            record=record,
        )
        if item:
            yield item
    elif status.step in ("follow_up_due", "report_upward_due"):
        action = _FOLLOW_UP() if status.step == "follow_up_due" else _REPORT_UP()
        yield AgendaItem(
            level="overdue",
            kind=f"{table}_escalation",
            title=_NO_REPLY(doc=doc_label, action=action),
            subject=subject,
            due=due.due,
            days_left=due.days_left(ctx.today),
            rule=_ESCALATION_RULE(doc=doc_label),
            basis=status.basis if table == "rectification_notice" else due.basis,
            explanation=join("\n", (due.note, status.note)),
            record_table=table,
            record_id=record.id,
            certain=due.certain,
        )


def _short(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
