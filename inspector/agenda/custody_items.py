"""Custody deadlines of everyone still held (超期羁押 first), from the register and its events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, insert, select

import inspector
from inspector.agenda.context import AgendaContext
from inspector.agenda.items import AgendaItem, Level
from inspector.census import (
    Held,
    held_as_registered,
    held_as_registered_where,
    held_with_later_records,
    is_delivery,
    possible_overdue,
    retrial_deliveries,
)
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label
from inspector.rules.custody import custody_deadline
from inspector.rules.custody_stages import POSSIBLE_OVERDUE
from inspector.rules.text import Label, Text, citations, cite, define, stored, to_json
from inspector.store.models import CustodyStatus, Detainee
from inspector.store.types import utc_now

CACHE_VERSION = "5"  # bump when the custody rules change what they compute (5: texts kept with their codes)

_TITLES = {
    "overdue": define("agenda.custody.overdue", "超期羁押", "Detention beyond the time limit"),
    "warning": define("agenda.custody.warning", "羁押期限即将届满", "Custody time limit about to expire"),
    "upcoming": define("agenda.custody.upcoming", "羁押期限届满", "Custody time limit expires"),
}
_POSSIBLE_DELIVERY = define(
    "agenda.custody.possible_late_delivery",
    "可能逾期未交付执行",
    "Possibly not delivered for execution in time",
)
_POSSIBLE_OVERDUE = define(
    "agenda.custody.possible_overdue", "可能超期羁押", "Possible detention beyond the time limit"
)
_CHECK_RECORDS = define("agenda.custody.check_records", "羁押期限记录需核对", "Custody records to check")
_STAGE_LIMIT = define("agenda.custody.stage_limit", "{stage}期限", "Time limit of {stage}")
_LATE_DELIVERY = define(
    "agenda.custody.late_delivery", "逾期未交付执行", "Not delivered for execution in time"
)
_DELIVERY = define("agenda.custody.delivery", "交付执行期限", "Time limit for delivery for execution")
_NOT_RELEASED = define("agenda.custody.not_released", "刑满未释放", "Not released at the end of the sentence")
_RELEASE_DATE = define("agenda.custody.release_date", "刑满释放日期", "Release at the end of the sentence")
_RELEASE_RULE = define(
    "agenda.custody.release_rule",
    "留所服刑罪犯刑满释放日期",
    "Release date of a prisoner serving the sentence in the detention centre",
)
_NOTICE_MISSING = define(
    "agenda.expiry_notice.missing",
    "未登记看守所羁押期限即将届满通知书",
    "Detention centre's notice of expiring custody not recorded",
)
_NOTICE_CHECK = define(
    "agenda.expiry_notice.check",
    "核实看守所是否已发出羁押期限即将届满通知书",
    "Check that the detention centre sent its notice of expiring custody",
)
_NOTICE_RULE = define(
    "agenda.expiry_notice.rule",
    "看守所应在羁押期限届满前七日内向办案机关发出羁押期限即将届满通知书",
    "The detention centre sends the case authority a notice of expiring custody within 7 days before"
    " the custody time limit expires",
)
_NOTICE_EXPLANATION = define(
    "agenda.expiry_notice.explanation",
    "羁押期限{deadline}届满，看守所应自{window}起向办案机关发出羁押期限即将届满通知书（{basis}）。",
    "The custody time limit expires on {deadline}; from {window} the detention centre must send the case"
    " authority a notice of expiring custody ({basis}).",
)
_NOTICE_BOTH = define("agenda.expiry_notice.both", "{text}{ask}", "{text} {ask}")
_NOTICE_LATE = define(
    "agenda.expiry_notice.late",
    "期限已届满，仍未登记该通知书：请核实看守所是否发出，并登记发出日期。",
    "The time limit has expired and the notice is not recorded: check whether the detention centre sent it,"
    " and record the date it was sent.",
)
_NOTICE_RECORD = define(
    "agenda.expiry_notice.record",
    "请核实后在在押人员登记中录入发出日期。",
    "Once checked, enter the date it was sent in the detainee's record.",
)


# The cache's explanation column: the Chinese explanation, then this separator, then the texts with
# their codes as JSON — read only when a text is shown in another language.
_BLOB = "\n\x1e"


def _texts(row: CustodyStatus) -> tuple[str, str, list[str]]:
    """(explanation, basis, issues) of a cache row as the rules engine worded them: their Chinese words
    at once, their codes (for another language) parsed only when asked for."""
    raw = row.explanation or ""
    zh, sep, body = raw.partition(_BLOB)
    if not sep:
        return raw, citations(row.basis), list(row.issues)
    parsed: dict[str, Any] = {}

    def part(key: str, index: int | None = None) -> object:
        if not parsed:
            parsed.update(json.loads(body))
        value = parsed[key]
        return value[index] if index is not None else value

    def loader(key: str, index: int | None = None) -> Callable[[], object]:
        return lambda: part(key, index)

    issues = [stored(issue, loader("i", i)) for i, issue in enumerate(row.issues)]
    return stored(zh, loader("e")), stored(row.basis, loader("b")), issues


def _blob(explanation: str, basis: str, issues: Iterable[str]) -> str:
    """What the cache's ``explanation`` keeps: the Chinese explanation, then the texts with their codes."""
    body = {"e": to_json(explanation), "b": to_json(basis), "i": [to_json(i) for i in issues]}
    return str(explanation) + _BLOB + json.dumps(body, ensure_ascii=False, default=str)


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


def _compute(ctx: AgendaContext, key: str, people: Iterable[Held]) -> list[tuple[Held, dict[str, Any]]]:
    """(person, cache row) for ``people``, computed by the rules for ``ctx.today``. Writes nothing."""
    rows = []
    for person in people:
        result = custody_deadline(person.inp, ctx.settings, ctx.today, calendar=ctx.calendar)
        rows.append(
            (
                person,
                {
                    "detainee_id": person.id,
                    "deadline": result.deadline,
                    "warning_from": result.warning_from,
                    "status": result.status,
                    "stage": result.stage,
                    "basis": result.basis[:100],
                    "has_issues": bool(result.issues),
                    "explanation": _blob(result.explanation, result.basis, result.issues),
                    "issues": [str(i) for i in result.issues],
                    "settings_key": key,
                    "computed_on": ctx.today,
                    "computed_at": utc_now(),
                },
            )
        )
    return rows


def _stale_people(ctx: AgendaContext, key: str) -> Iterator[Held]:
    """The people held on ``ctx.today`` as registered whose cached row is stale (:func:`_stale`)."""
    return held_as_registered(ctx.session, ctx.station_id, ctx.today, _stale(ctx, key))


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
    rows = [row for _, row in _compute(ctx, key, _stale_people(ctx, key))]
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
    """Items for the people held on ``ctx.today`` whose limit is near, passed, not running, or irregular
    — read as :func:`inspector.census.held_on` reads them, the monthly report's reading.

    Only reads (a read-only session will do): the people whose register entry stands as it did that
    day come from the cache, which is normally up to date (:func:`refresh_custody_status` ran just
    before); any row the cache lacks in this snapshot — a detainee changed since the refresh — is
    computed in memory, so nobody is left out. The people with records dated after the day (an agenda
    for a past day) are computed in memory from the records as they stood, never cached.
    """
    key = settings_key(ctx.settings)
    cached = ctx.session.execute(
        select(CustodyStatus, Detainee.name, Detainee.warning_notice_sent_on, Detainee.stage_started_on)
        .join(Detainee, Detainee.id == CustodyStatus.detainee_id)
        .where(
            _shown(ctx),
            CustodyStatus.settings_key == key,
            CustodyStatus.computed_on == ctx.today,
            *_held(ctx),
        )
    )
    for status, name, sent_on, started_on in cached:
        yield from _items_for(ctx, status, name)
        yield from _expiry_notice_items(ctx, status, name, sent_on, started_on)
    later = list(held_with_later_records(ctx.session, ctx.station_id, ctx.today))
    for people in (_stale_people(ctx, key), later):
        for person, values in _compute(ctx, key, people):
            computed = CustodyStatus(**values)  # transient: never added to the session
            if _shown_now(ctx, computed):
                yield from _items_for(ctx, computed, person.name)
                yield from _expiry_notice_items(
                    ctx, computed, person.name, person.warning_notice_sent_on, person.inp.stage_started_on
                )
    # A 再审 does not stop the execution of the judgment under review: the delivery for execution of the
    # people in 再审 is computed beside the retrial's limit (a few people: in memory, never cached).
    retried = held_as_registered(
        ctx.session, ctx.station_id, ctx.today, Detainee.stage == Stage.RETRIAL.value
    )
    in_retrial = [*retried, *(p for p in later if p.inp.stage == Stage.RETRIAL.value)]
    for found in retrial_deliveries(in_retrial, ctx.settings, ctx.today, ctx.calendar):
        r = found.result
        delivery = CustodyStatus(
            detainee_id=found.person.id,
            deadline=r.deadline,
            warning_from=r.warning_from,
            status=r.status,
            stage=r.stage,
            basis=r.basis[:100],
            has_issues=bool(r.issues),
            explanation=_blob(r.explanation, r.basis, r.issues),
            issues=[str(i) for i in r.issues],
        )  # transient
        if _shown_now(ctx, delivery):
            yield from _items_for(ctx, delivery, found.person.name)


EXPIRY_NOTICE_BASIS = cite("人民检察院刑事诉讼规则", 615)


def _expiry_notice_items(
    ctx: AgendaContext, row: CustodyStatus, name: str, sent_on: date | None, started_on: date | None
) -> Iterator[AgendaItem]:
    """From T−7 until it is recorded: was the centre's 羁押期限即将届满通知书 sent (Rules 2019 art
    615(二))? A notice recorded before the current stage began was for an earlier limit."""
    if row.deadline is None or row.status not in ("warning", "overdue"):
        return
    if is_delivery(row.stage) or row.stage == Stage.SERVING_IN_CENTER.value:
        return
    if sent_on is not None and (started_on is None or sent_on >= started_on):
        return
    window = row.deadline - timedelta(days=ctx.settings.custody_warning_days)
    if ctx.today < window:  # the 一审 2-month mark warns earlier; the notice is due from T−7
        return
    late = ctx.today > row.deadline
    yield AgendaItem(
        level="overdue" if late else "warning",
        kind="expiry_notice",
        title=_NOTICE_MISSING() if late else _NOTICE_CHECK(),
        subject=name,
        due=row.deadline,
        days_left=(row.deadline - ctx.today).days,
        rule=_NOTICE_RULE(),
        basis=EXPIRY_NOTICE_BASIS,
        explanation=_NOTICE_BOTH(
            text=_NOTICE_EXPLANATION(
                deadline=row.deadline, window=window, basis=cite("人民检察院刑事诉讼规则", 615, item=2)
            ),
            ask=_NOTICE_LATE() if late else _NOTICE_RECORD(),
        ),
        record_table="detainee",
        record_id=row.detainee_id,
    )


def _held(ctx: AgendaContext) -> tuple[ColumnElement[bool], ...]:
    """Held on ``ctx.today`` with nothing recorded after it (:func:`inspector.census.held_as_registered`)."""
    return held_as_registered_where(ctx.station_id, ctx.today)


def _without_prefix(issue: str) -> str:
    """A possible 超期羁押 issue without its prefix (its detail, where the text keeps it)."""
    detail = issue.params.get("detail") if isinstance(issue, Text) else None
    return detail if isinstance(detail, str) else issue.removeprefix(POSSIBLE_OVERDUE)


def _items_for(ctx: AgendaContext, cached: CustodyStatus, name: str) -> Iterator[AgendaItem]:
    stage_label = Label(label(Stage, cached.stage))
    explanation, basis, issues = _texts(cached)
    delivery = is_delivery(cached.stage)
    possible = possible_overdue(cached.issues)
    for issue in issues:  # may be real 超期羁押: overdue, naming both readings
        if issue not in possible:
            continue
        yield AgendaItem(
            level="overdue",
            kind="delivery" if delivery else "custody",
            title=_POSSIBLE_DELIVERY() if delivery else _POSSIBLE_OVERDUE(),
            subject=name,
            due=None,
            days_left=None,
            rule=_STAGE_LIMIT(stage=stage_label),
            basis=basis,
            explanation=_without_prefix(issue),
            record_table="detainee",
            record_id=cached.detainee_id,
        )
    for issue in issues:
        if issue in possible:
            continue
        yield AgendaItem(
            level="info",
            kind="custody_issue",
            title=_CHECK_RECORDS(),
            subject=name,
            due=None,
            days_left=None,
            rule=_STAGE_LIMIT(stage=stage_label),
            basis=basis,
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
    kind = "delivery" if delivery else "custody"
    rule = _STAGE_LIMIT(stage=stage_label)
    if kind == "delivery":
        title = _LATE_DELIVERY() if level == "overdue" else _DELIVERY()
        rule = _DELIVERY()
    elif cached.stage == Stage.SERVING_IN_CENTER.value:  # a sentence's end, not a custody limit
        title = _NOT_RELEASED() if level == "overdue" else _RELEASE_DATE()
        rule = _RELEASE_RULE()
    else:
        title = _TITLES[level]()
    yield AgendaItem(
        level=level,
        kind=kind,
        title=title,
        subject=name,
        due=deadline,
        days_left=(deadline - ctx.today).days,
        rule=rule,
        basis=basis,
        explanation=explanation,
        record_table="detainee",
        record_id=cached.detainee_id,
    )
