"""Custody deadlines of everyone still held (超期羁押 first), from the register and its events."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import ColumnElement, delete, exists, insert, select

import inspector
from inspector.agenda.context import AgendaContext
from inspector.agenda.items import AgendaItem, Level
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import local_date
from inspector.rules._labels import label
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.store.models import CustodyEvent, CustodyStatus, Detainee
from inspector.store.types import utc_now

CACHE_VERSION = "1"  # bump when the custody rules change what they compute

_TITLES = {
    "overdue": "超期羁押",
    "warning": "羁押期限即将届满",
    "upcoming": "羁押期限届满",
}


def held_custody_inputs(
    ctx: AgendaContext, *only: ColumnElement[bool]
) -> Iterator[tuple[uuid.UUID, str, DetaineeCustodyInput]]:
    """(id, name, rules input) for every detainee held on ``ctx.today`` (narrowed by ``only``)."""
    held = (
        Detainee.station_id == ctx.station_id,
        Detainee.deleted_at.is_(None),
        (Detainee.discharged_on.is_(None)) | (Detainee.discharged_on > ctx.today),
        Detainee.stage != Stage.DISCHARGED.value,
        *only,
    )
    events: dict[uuid.UUID, list[CustodyEventInput]] = defaultdict(list)
    event_rows = ctx.session.execute(
        select(
            CustodyEvent.detainee_id,
            CustodyEvent.kind,
            CustodyEvent.occurred_on,
            CustodyEvent.extension_months,
            CustodyEvent.extension_days,
            CustodyEvent.legal_basis,
        )
        .join(Detainee, Detainee.id == CustodyEvent.detainee_id)
        .where(*held, CustodyEvent.deleted_at.is_(None))
    )
    for detainee_id, kind, occurred_on, months, days, basis in event_rows:
        events[detainee_id].append(CustodyEventInput(kind, occurred_on, months, days, basis))
    rows = ctx.session.execute(
        select(
            Detainee.id,
            Detainee.name,
            Detainee.stage,
            Detainee.stage_started_on,
            Detainee.admitted_at,
            Detainee.multiple_or_gang,
            Detainee.discharged_on,
            Detainee.sentence_kind,
            Detainee.term_end,
        ).where(*held)
    )
    for row in rows:
        yield (
            row.id,
            row.name,
            DetaineeCustodyInput(
                stage=row.stage,
                stage_started_on=row.stage_started_on,
                admitted_on=local_date(row.admitted_at),
                multiple_or_gang=row.multiple_or_gang,
                events=tuple(events.get(row.id, ())),
                discharged_on=row.discharged_on,
                sentence_kind=row.sentence_kind,
                term_end=row.term_end,
            ),
        )


def settings_key(settings: RuleSettings) -> str:
    """Identifies the rules that computed a cached deadline: the settings and the program version."""
    body = {"cache": CACHE_VERSION, "app": inspector.__version__, "settings": settings.to_mapping()}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def refresh_custody_status(ctx: AgendaContext) -> int:
    """Compute the deadline of every held detainee whose cached row is missing (new, changed, or made
    under other settings); returns how many were computed."""
    key = settings_key(ctx.settings)
    ctx.session.execute(delete(CustodyStatus).where(CustodyStatus.settings_key != key))
    missing = ~exists().where(CustodyStatus.detainee_id == Detainee.id)
    rows = []
    for detainee_id, _, inp in held_custody_inputs(ctx, missing):
        result = custody_deadline(inp, ctx.settings, ctx.today)
        rows.append(
            {
                "detainee_id": detainee_id,
                "deadline": result.deadline,
                "warning_from": result.warning_from,
                "status": result.status,
                "stage": result.stage,
                "basis": result.basis[:100],
                "has_issues": bool(result.issues),
                "settings_key": key,
                "computed_on": ctx.today,
                "computed_at": utc_now(),
            }
        )
    for start in range(0, len(rows), 2000):
        ctx.session.execute(insert(CustodyStatus), rows[start : start + 2000])
    return len(rows)


def custody_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """Items for the held detainees whose deadline is near, passed, not running, or irregular; the
    cached deadlines pick them out, and the rules engine recomputes each one in full for its text."""
    refresh_custody_status(ctx)
    candidates = Detainee.id.in_(
        select(CustodyStatus.detainee_id).where(
            CustodyStatus.deadline.is_(None)
            | (CustodyStatus.deadline <= ctx.horizon)
            | (CustodyStatus.warning_from <= ctx.today)
            | CustodyStatus.has_issues
        )
    )
    for detainee_id, name, inp in held_custody_inputs(ctx, candidates):
        result = custody_deadline(inp, ctx.settings, ctx.today, calendar=ctx.calendar)
        stage_label = label(Stage, result.stage)
        for issue in result.issues:
            yield AgendaItem(
                level="info",
                kind="custody_issue",
                title="羁押期限记录需核对",
                subject=name,
                due=None,
                days_left=None,
                rule=f"{stage_label}期限",
                basis=result.basis,
                explanation=issue,
                record_table="detainee",
                record_id=detainee_id,
            )
        if result.deadline is None:
            continue
        level: Level
        if result.status == "overdue":
            level = "overdue"
        elif result.status == "warning":
            level = "warning"
        elif result.deadline <= ctx.horizon:
            level = "upcoming"
        else:
            continue
        kind = "delivery" if result.stage == Stage.AWAITING_EXECUTION.value else "custody"
        title = "逾期未交付执行" if kind == "delivery" and level == "overdue" else _TITLES[level]
        if kind == "delivery" and level != "overdue":
            title = "交付执行期限"
        yield AgendaItem(
            level=level,
            kind=kind,
            title=title,
            subject=name,
            due=result.deadline,
            days_left=(result.deadline - ctx.today).days,
            rule=f"{stage_label}期限" if kind == "custody" else "交付执行期限",
            basis=result.basis,
            explanation=result.explanation,
            record_table="detainee",
            record_id=detainee_id,
        )
