"""Custody deadlines of everyone still held (超期羁押 first), from the register and its events."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, insert, select

import inspector
from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem, Level
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import local_date
from inspector.rules._labels import label
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.store.models import CustodyEvent, CustodyStatus, Detainee
from inspector.store.types import utc_now

CACHE_VERSION = "3"  # bump when the custody rules change what they compute

_TITLES = {
    "overdue": "超期羁押",
    "warning": "羁押期限即将届满",
    "upcoming": "羁押期限届满",
}


def held_custody_inputs(
    ctx: AgendaContext, *only: ColumnElement[bool]
) -> Iterator[tuple[uuid.UUID, str, DetaineeCustodyInput]]:
    """(id, name, rules input) for every detainee still held (narrowed by ``only``).

    "Held" is written exactly as the partial index ``ix_detainee_held_name`` is defined, so SQLite
    walks that index instead of the whole register; events are then read by detainee id.
    """
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
        ).where(
            Detainee.discharged_on.is_(None),
            Detainee.deleted_at.is_(None),
            of_station(Detainee, ctx.station_id),
            Detainee.stage != Stage.DISCHARGED.value,
            *only,
        )
    ).all()
    events: dict[uuid.UUID, list[CustodyEventInput]] = defaultdict(list)
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):
        event_rows = ctx.session.execute(
            select(
                CustodyEvent.detainee_id,
                CustodyEvent.kind,
                CustodyEvent.occurred_on,
                CustodyEvent.extension_months,
                CustodyEvent.extension_days,
                CustodyEvent.legal_basis,
            ).where(CustodyEvent.detainee_id.in_(ids[start : start + 500]), CustodyEvent.deleted_at.is_(None))
        )
        for detainee_id, kind, occurred_on, months, days, basis in event_rows:
            events[detainee_id].append(CustodyEventInput(kind, occurred_on, months, days, basis))
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


def _shown(ctx: AgendaContext) -> ColumnElement[bool]:
    """Cached rows the agenda lists: near, passed, not running, or irregular."""
    return (
        CustodyStatus.deadline.is_(None)
        | (CustodyStatus.deadline <= ctx.horizon)
        | (CustodyStatus.warning_from <= ctx.today)
        | CustodyStatus.has_issues
    )


def _stale(ctx: AgendaContext, key: str) -> ColumnElement[bool]:
    """Held detainees whose cached row cannot be used on ``ctx.today``: none under the current rules
    (new, changed since, or cached under other settings), or one the agenda shows that was computed on
    an earlier day (its text counts days)."""
    missing = ~exists().where(CustodyStatus.detainee_id == Detainee.id, CustodyStatus.settings_key == key)
    dated = Detainee.id.in_(
        select(CustodyStatus.detainee_id).where(CustodyStatus.computed_on != ctx.today, _shown(ctx))
    )
    return missing | dated


def _compute(ctx: AgendaContext, key: str) -> list[tuple[str, dict[str, Any]]]:
    """(name, cache row) for every held detainee whose cached row is stale (:func:`_stale`), computed
    by the rules from what ``ctx.session`` reads. Writes nothing."""
    rows = []
    for detainee_id, name, inp in held_custody_inputs(ctx, _stale(ctx, key)):
        result = custody_deadline(inp, ctx.settings, ctx.today, calendar=ctx.calendar)
        rows.append(
            (
                name,
                {
                    "detainee_id": detainee_id,
                    "deadline": result.deadline,
                    "warning_from": result.warning_from,
                    "status": result.status,
                    "stage": result.stage,
                    "basis": result.basis[:100],
                    "has_issues": bool(result.issues),
                    "explanation": result.explanation,
                    "issues": list(result.issues),
                    "settings_key": key,
                    "computed_on": ctx.today,
                    "computed_at": utc_now(),
                },
            )
        )
    return rows


def custody_cache_stale(ctx: AgendaContext) -> bool:
    """Whether :func:`refresh_custody_status` has anything to do: a row cached under other rules, or a
    held detainee whose row is missing or dated. Only reads, so it runs in a read-only session and the
    write lock is taken only when there is something to write."""
    key = settings_key(ctx.settings)
    s = ctx.session
    if s.scalar(select(CustodyStatus.detainee_id).where(CustodyStatus.settings_key != key).limit(1)):
        return True
    stale = select(Detainee.id).where(*_held(ctx), _stale(ctx, key)).limit(1)
    return s.scalar(stale) is not None


def refresh_custody_status(ctx: AgendaContext) -> int:
    """Bring the cache up to date for ``ctx.today``; returns how many detainees were computed.

    Computed: every held detainee without a row (new, changed since, or cached under other settings),
    and the rows the agenda will show that were computed on an earlier day (their text counts days).
    Needs a writing session.
    """
    key = settings_key(ctx.settings)
    s = ctx.session
    s.execute(delete(CustodyStatus).where(CustodyStatus.settings_key != key))
    rows = [row for _, row in _compute(ctx, key)]
    ids = [r["detainee_id"] for r in rows]
    for start in range(0, len(ids), 500):
        s.execute(delete(CustodyStatus).where(CustodyStatus.detainee_id.in_(ids[start : start + 500])))
    for start in range(0, len(rows), 2000):
        s.execute(insert(CustodyStatus), rows[start : start + 2000])
    return len(rows)


def _shown_now(ctx: AgendaContext, row: CustodyStatus) -> bool:
    """:func:`_shown` for a row computed in memory."""
    return (
        row.deadline is None
        or row.deadline <= ctx.horizon
        or (row.warning_from is not None and row.warning_from <= ctx.today)
        or row.has_issues
    )


def custody_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """Items for the held detainees whose deadline is near, passed, not running, or irregular.

    Only reads (a read-only session will do): usable rows come from the cache, which is normally up
    to date (:func:`refresh_custody_status` ran just before); any row the cache lacks in this snapshot
    — a detainee changed since the refresh — is computed in memory, so nobody is left out.
    """
    key = settings_key(ctx.settings)
    cached = ctx.session.execute(
        select(CustodyStatus, Detainee.name)
        .join(Detainee, Detainee.id == CustodyStatus.detainee_id)
        .where(
            _shown(ctx),
            CustodyStatus.settings_key == key,
            CustodyStatus.computed_on == ctx.today,
            Detainee.discharged_on.is_(None),
            Detainee.deleted_at.is_(None),
            of_station(Detainee, ctx.station_id),
        )
    )
    for status, name in cached:
        yield from _items_for(ctx, status, name)
    for name, values in _compute(ctx, key):
        computed = CustodyStatus(**values)  # transient: never added to the session
        if _shown_now(ctx, computed):
            yield from _items_for(ctx, computed, name)


def _held(ctx: AgendaContext) -> tuple[ColumnElement[bool], ...]:
    """Still held, written as :func:`held_custody_inputs` writes it (the partial index's terms)."""
    return (
        Detainee.discharged_on.is_(None),
        Detainee.deleted_at.is_(None),
        of_station(Detainee, ctx.station_id),
        Detainee.stage != Stage.DISCHARGED.value,
    )


def _items_for(ctx: AgendaContext, cached: CustodyStatus, name: str) -> Iterator[AgendaItem]:
    stage_label = label(Stage, cached.stage)
    for issue in cached.issues:
        yield AgendaItem(
            level="info",
            kind="custody_issue",
            title="羁押期限记录需核对",
            subject=name,
            due=None,
            days_left=None,
            rule=f"{stage_label}期限",
            basis=cached.basis,
            explanation=issue,
            record_table="detainee",
            record_id=cached.detainee_id,
        )
    deadline = cached.deadline
    if deadline is None:
        return
    level: Level
    if cached.status == "overdue":
        level = "overdue"
    elif cached.status == "warning":
        level = "warning"
    elif deadline <= ctx.horizon:
        level = "upcoming"
    else:
        return
    kind = "delivery" if cached.stage == Stage.AWAITING_EXECUTION.value else "custody"
    if kind == "delivery":
        title = "逾期未交付执行" if level == "overdue" else "交付执行期限"
    else:
        title = _TITLES[level]
    yield AgendaItem(
        level=level,
        kind=kind,
        title=title,
        subject=name,
        due=deadline,
        days_left=(deadline - ctx.today).days,
        rule=f"{stage_label}期限" if kind == "custody" else "交付执行期限",
        basis=cached.basis,
        explanation=cached.explanation,
        record_table="detainee",
        record_id=cached.detainee_id,
    )
