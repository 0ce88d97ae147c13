"""A detainee's page, read in one go: who the person is, the custody stages they went through with the
deadline of each, the custody deadline running now, and every record about them, newest first.

:func:`detainee_overview` reads everything in one read-only session (it never waits for a writer) and
returns plain frozen values, safe to use on any thread.

**Stages.** Each custody event is one row, in the order the events happened. The stage a row is in
follows from its event (拘留 → 刑事拘留, 提请批准逮捕 → 审查逮捕, 逮捕 → 侦查羁押, 移送审查起诉 → 审查起诉 …;
an extension, an excluded span or a 换押 keeps the stage). Its deadline is the rules engine's
(:func:`inspector.rules.custody.custody_deadline`) for that stage with the events up to and including
that row, so a row shows the limit as it stood once the event was recorded. A row is *overdue* when
the limit passed before the next change (a later row with another stage or deadline, the discharge,
or — for the row running now — today); the row running now is *due soon* within the warning window
(届满前七日, setting ``custody_warning_days``). When the register's stage is not the one the events
lead to (the stage was changed without an event), a last row shows the register's stage.

**Current deadline.** The engine's result for the register's stage and every event: deadline, basis,
explanation, issues — exactly what the agenda and the list compute.

**Timeline.** Talks, letters (a confidential writer's letters are listed, marked 保密), findings naming
the person (``finding.detainee_ids`` holds ids as ``str(uuid)`` or 32 hex digits; both match),
rectification notices about the person, the oral corrections, notices and suggestions that handle
those findings, custody events, delivery-for-execution checks, incidents and lawyer-meeting checks.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from inspector.documents.rules_bridge import holiday_calendar, rule_settings
from inspector.domain.catalogue import kind_label
from inspector.domain.enums import (
    CustodyEventKind,
    DeliveryDecision,
    DischargeKind,
    DocumentState,
    Gender,
    IncidentKind,
    LabelledEnum,
    LegalStatus,
    LetterCategory,
    LetterStatus,
    NoticeTrigger,
    Severity,
    Stage,
    TalkType,
)
from inspector.domain.lifecycle import oral_status
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import local_date
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import (
    CustodyDeadline,
    CustodyEventInput,
    DetaineeCustodyInput,
    custody_deadline,
)
from inspector.rules.custody_stages import opens_stage, stage_after
from inspector.rules.text import Label, citations, define, join
from inspector.store.models import (
    CustodyEvent,
    Detainee,
    ExecutionDeliveryCheck,
    Finding,
    Incident,
    LawyerMeetingCheck,
    MailboxLetter,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import RecordNotFoundError, today_local
from inspector.store.store import Store

__all__ = [
    "DetaineeOverview",
    "Particulars",
    "StageRow",
    "TimelineEntry",
    "detainee_overview",
    "mask_id_number",
    "stage_after",
]

K = CustodyEventKind

_EXTENSIONS = frozenset(
    {K.INVESTIGATION_EXTENDED.value, K.PROSECUTION_EXTENDED.value, K.TRIAL_EXTENDED.value}
)
_SPAN_ENDS = frozenset({K.PSYCH_ASSESSMENT_END.value, K.TRIAL_SUSPENDED_END.value, K.FILE_REVIEW_END.value})

_WEEKDAYS = "一二三四五六日"
REGISTERED_STAGE = define("detainee.registered_stage", "登记的诉讼环节", "Stage as registered")()
"""The event label of the row that shows the register's stage when no event leads to it."""


# ---------------------------------------------------------------------- values


@dataclass(frozen=True)
class Particulars:
    """Who the person is, from the register. Labels are Chinese; codes are kept where a screen needs
    them (``stage``)."""

    detainee_id: uuid.UUID
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    id_number_masked: str
    ethnicity: str | None
    block: str | None
    cell: str | None
    admitted_at: datetime
    admitted_on: date
    case_authority: str | None
    charges: str | None
    case_no: str | None
    legal_status: str
    stage: str
    stage_label: str
    stage_started_on: date | None
    multiple_or_gang: bool
    sentence_text: str | None
    term_end: date | None
    discharged_on: date | None
    discharge_kind: str
    held: bool


@dataclass(frozen=True)
class StageRow:
    """One custody event and the custody limit as it stood once the event was recorded.

    ``rule`` is what the engine applied for this row (the statutory period, the extension granted, the
    excluded span …); ``basis`` the article(s) the engine cites; ``explanation`` its full text.
    ``overdue_days`` counts how long the limit was (or is) passed while the row applied.
    """

    event_id: uuid.UUID | None
    event_kind: str | None
    event_label: str
    occurred_on: date | None
    stage: str
    stage_label: str
    deadline: date | None
    status: str  # the engine's: ok / warning / overdue / suspended / not_applicable
    rule: str
    basis: str
    explanation: str
    entered_basis: str  # the legal basis written on the event, if any
    authority: str
    document_no: str
    overdue: bool
    overdue_days: int | None
    due_soon: bool
    current: bool
    days_left: int | None  # for the row running now

    @property
    def weekday(self) -> str:
        return "" if self.deadline is None else f"周{_WEEKDAYS[self.deadline.weekday()]}"


@dataclass(frozen=True)
class TimelineEntry:
    """A record about the person: ``kind`` is its table (``talk``, ``mailbox_letter`` …) and
    ``record_id`` its id, to open it; ``parent_kind``/``parent_id`` the record it is kept under (a
    letter's opening, a finding's patrol or talk, a custody event's detainee), if any."""

    on: date
    at: datetime | None
    kind: str
    kind_label: str
    summary: str
    record_id: uuid.UUID
    confidential: bool = False
    parent_kind: str | None = None
    parent_id: uuid.UUID | None = None


@dataclass(frozen=True)
class DetaineeOverview:
    particulars: Particulars
    stages: tuple[StageRow, ...]
    current: CustodyDeadline
    timeline: tuple[TimelineEntry, ...]
    today: date
    warning_days: int

    @property
    def current_row(self) -> StageRow | None:
        return next((row for row in self.stages if row.current), None)


# ---------------------------------------------------------------------- helpers


def mask_id_number(value: str | None) -> str:
    """Every character but the last four as ``*`` (how lists show an ID number by default)."""
    if not value:
        return ""
    return value if len(value) <= 4 else "*" * (len(value) - 4) + value[-4:]


def _label(enum: type[LabelledEnum], value: str | None) -> str:
    """The label of ``value`` (a core label, shown in the UI's language); an unknown value as it is."""
    if value is None:
        return ""
    return next((Label(m.label) for m in enum if m.value == value), value)


def _line(text: str | None, limit: int = 60) -> str:
    """The first non-empty line of ``text``, cut to ``limit`` characters."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def _join(*parts: str | None, sep: str = " · ") -> str:
    """A record's summary: its parts (record data, core labels and the sentences below, each in the UI's
    language where it is one) joined."""
    return join(sep, [p for p in parts if p])


# The words of the 相关记录 summaries (inspector.rules.text sentences: rendered in the UI's language).
_TALK_OF = define("detainee.talk_of", "{kind}谈话", "{kind} talk")
_TALK = define("detainee.talk", "谈话", "Talk")
_RAISED = define("detainee.raised", "反映问题：{summary}", "raised: {summary}")
_RAISED_NOTHING = define("detainee.raised_nothing", "未反映问题", "raised no problem")
_RAISED_SOMETHING = define("detainee.raised_something", "反映了问题", "raised a problem")
_RESOLVED_ON = define("detainee.resolved_on", "已于{on}解决", "resolved on {on}")
_UNRESOLVED = define("detainee.unresolved", "未解决", "unresolved")
_NO_NUMBER = define("detainee.no_number", "未编号", "no number")
_CORRECTED = define("detainee.corrected", "已纠正", "corrected")
_NOT_CORRECTED = define("detainee.not_corrected", "未纠正", "not corrected")
_EXTENDED_MONTHS = define("detainee.extended_months", "延长{months}个月", "extended by {months} month(s)")
_EXTENDED_DAYS = define("detainee.extended_days", "延长{days}日", "extended by {days} day(s)")
_EXTENDED_BOTH = define(
    "detainee.extended_both", "延长{months}个月{days}日", "extended by {months} month(s) {days} day(s)"
)
_UNDECIDED = define("detainee.undecided", "待决定", "decision pending")
_DELIVERED_TO = define("detainee.delivered_to", "{on}交付{to}", "delivered on {on} to {to}")
_DELIVERED = define("detainee.delivered", "{on}交付", "delivered on {on}")
_DUE_BY = define("detainee.delivery_due", "应于{on}前交付", "to be delivered by {on}")
_PRISON_REFUSED = define("detainee.prison_refused", "监狱拒收", "refused by the prison")
_LAWYER = define("detainee.lawyer", "律师{name}", "lawyer {name}")
_LAWYER_OF = define("detainee.lawyer_of", "律师{name}（{firm}）", "lawyer {name} ({firm})")
_ARRANGED = define("detainee.arranged", "已安排会见", "meeting arranged")
_NOT_ARRANGED_FOR = define("detainee.not_arranged_for", "未安排：{reason}", "not arranged: {reason}")
_NOT_ARRANGED = define("detainee.not_arranged", "未安排", "not arranged")
_MONITORED = define("detainee.monitored", "被监听", "monitored")
_POLICE_PRESENT = define("detainee.police_present", "民警在场", "police present")


def _same_id(value: object, wanted: uuid.UUID) -> bool:
    """Whether a stored id (a UUID, ``str(uuid)`` or 32 hex digits, any case) is ``wanted``."""
    if isinstance(value, uuid.UUID):
        return value == wanted
    if isinstance(value, str):
        try:
            return uuid.UUID(value.strip()) == wanted
        except ValueError:
            return False
    return False


def _rule_of(result: CustodyDeadline, kind: str | None, entered: str | None) -> str:
    """What applied for a row's event, as the engine explains it (without the basis typed on the
    event, which the engine appends to an extension's line: the row shows that separately)."""
    line = _engine_line(result, kind)
    if entered and line.endswith(entered) and line[: -len(entered)].endswith("）"):
        return line[: -len(entered)]
    return line


def _engine_line(result: CustodyDeadline, kind: str | None) -> str:
    """The line of the engine's explanation that says what applied for a row's event."""
    lines = [line.strip() for line in result.explanation.splitlines() if line.strip()]

    def last(prefix: str) -> str | None:
        found = [line for line in lines if line.startswith(prefix)]
        return found[-1].removeprefix(prefix) if found else None

    if result.status == "suspended":
        suspended = [line for line in lines if "尚未结束" in line]
        if suspended:
            return suspended[-1]
    if kind in _EXTENSIONS:
        extension = last("延长：")
        if extension:
            return f"延长：{extension}"
    if kind in _SPAN_ENDS:
        excluded = [line for line in lines if "不计入" in line and "至" in line]
        if excluded:
            return excluded[-1]
    base = last("法定期限：")
    if base:
        return base
    return lines[1] if len(lines) > 1 else (lines[0] if lines else "")


def _unknown_kind(kind: str, on: date) -> CustodyDeadline:
    return CustodyDeadline(
        None,
        "",
        "",
        f"{on.isoformat()}录入的事件类型“{kind}”无法识别，未计入羁押期限计算，请核对该事件",
        None,
        "not_applicable",
    )


# ---------------------------------------------------------------------- stages


@dataclass(frozen=True)
class _Computed:
    event: CustodyEvent | None
    stage: str
    result: CustodyDeadline


def _input_at(
    person: Detainee, stage: str, started: date | None, events: Sequence[CustodyEventInput]
) -> DetaineeCustodyInput:
    """The engine's input as it stood after the last of ``events``: the person still held."""
    return DetaineeCustodyInput(
        stage=stage,
        stage_started_on=started,
        admitted_on=local_date(person.admitted_at),
        multiple_or_gang=bool(person.multiple_or_gang),
        events=tuple(events),
        sentence_kind=person.sentence_kind,
        term_end=person.term_end,
    )


def _current(
    person: Detainee,
    inputs: Sequence[CustodyEventInput],
    settings: RuleSettings,
    today: date,
    calendar: HolidayCalendar,
) -> CustodyDeadline:
    if person.stage not in Stage.values():
        return CustodyDeadline(
            None,
            person.stage,
            "",
            f"登记的诉讼环节“{person.stage}”无法识别，无法计算羁押期限，请核对在押人员登记",
            None,
            "not_applicable",
        )
    inp = DetaineeCustodyInput(
        stage=person.stage,
        stage_started_on=person.stage_started_on,
        admitted_on=local_date(person.admitted_at),
        multiple_or_gang=bool(person.multiple_or_gang),
        events=tuple(inputs),
        discharged_on=person.discharged_on,
        sentence_kind=person.sentence_kind,
        term_end=person.term_end,
    )
    return custody_deadline(inp, settings, today, calendar=calendar)


def _stage_order(events: Sequence[CustodyEvent]) -> list[CustodyEvent]:
    """By date; on one day, the events that open a stage first (提起公诉 before the 转为简易/速裁程序
    entered with it, 拘留 before its extension), else as entered."""

    return sorted(events, key=lambda ev: (ev.occurred_on, not opens_stage(ev.kind)))


def _stage_rows(
    person: Detainee,
    events: Sequence[CustodyEvent],
    current: CustodyDeadline,
    settings: RuleSettings,
    today: date,
    calendar: HolidayCalendar,
) -> tuple[StageRow, ...]:
    registered = person.stage if person.stage in Stage.values() else Stage.DETENTION.value
    held = person.discharged_on is None or person.discharged_on > today
    computed: list[_Computed] = []
    inputs: list[CustodyEventInput] = []
    stage: str | None = None
    started: date | None = None
    for ev in _stage_order(events):
        if ev.kind not in K.values():
            computed.append(_Computed(ev, stage or registered, _unknown_kind(ev.kind, ev.occurred_on)))
            continue
        inputs.append(
            CustodyEventInput(ev.kind, ev.occurred_on, ev.extension_months, ev.extension_days, ev.legal_basis)
        )
        after = stage_after(ev.kind, stage, registered)
        if after != stage:
            stage, started = after, ev.occurred_on
        inp = _input_at(person, after, started, inputs)
        computed.append(_Computed(ev, after, custody_deadline(inp, settings, today, calendar=calendar)))
    if not computed or (held and stage != person.stage):
        computed.append(_Computed(None, person.stage, current))  # the register's stage, without an event
    elif held and computed[-1].stage == person.stage:
        # the row running now says exactly what the current deadline says
        computed[-1] = replace(computed[-1], result=current)

    rows: list[StageRow] = []
    for i, item in enumerate(computed):
        result = item.result
        key = (item.stage, result.deadline, result.status == "suspended")
        later = next(
            (
                c
                for c in computed[i + 1 :]
                if (c.stage, c.result.deadline, c.result.status == "suspended") != key
            ),
            None,
        )
        is_last = i == len(computed) - 1
        end: date | None
        if later is not None:
            end = later.event.occurred_on if later.event is not None else _started(later, person)
        elif held:
            end = today
        else:
            end = person.discharged_on
        deadline = result.deadline
        overdue_days = (end - deadline).days if deadline and end and end > deadline else None
        running = is_last and held
        days_left = (deadline - today).days if running and deadline is not None else None
        due_soon = days_left is not None and 0 <= days_left <= settings.custody_warning_days
        event = item.event
        rows.append(
            StageRow(
                event_id=event.id if event is not None else None,
                event_kind=event.kind if event is not None else None,
                event_label=_label(K, event.kind) if event is not None else REGISTERED_STAGE,
                occurred_on=event.occurred_on if event is not None else person.stage_started_on,
                stage=item.stage,
                stage_label=_label(Stage, item.stage),
                deadline=deadline,
                status=result.status,
                rule=_rule_of(
                    result,
                    event.kind if event is not None else None,
                    event.legal_basis if event is not None else None,
                ),
                basis=result.basis,
                explanation=result.explanation,
                entered_basis=(event.legal_basis or "") if event is not None else "",
                authority=(event.authority or "") if event is not None else "",
                document_no=(event.document_no or "") if event is not None else "",
                overdue=overdue_days is not None,
                overdue_days=overdue_days,
                due_soon=due_soon,
                current=running,
                days_left=days_left,
            )
        )
    return tuple(rows)


def _started(item: _Computed, person: Detainee) -> date | None:
    """When the register's stage began (the row without an event)."""
    return item.result.started_on or person.stage_started_on


# ---------------------------------------------------------------------- timeline


def _mentions(column: Any, detainee_id: uuid.UUID) -> Any:
    """A JSON list column whose text contains the id in either stored form (checked exactly later)."""
    text = func.lower(cast(column, String))
    return or_(text.like(f"%{detainee_id}%"), text.like(f"%{detainee_id.hex}%"))


def _findings(s: Session, detainee_id: uuid.UUID) -> list[Finding]:
    rows = s.scalars(
        select(Finding).where(Finding.deleted_at.is_(None), _mentions(Finding.detainee_ids, detainee_id))
    )
    return [f for f in rows if any(_same_id(v, detainee_id) for v in f.detainee_ids or ())]


def _incidents(s: Session, detainee_id: uuid.UUID) -> list[Incident]:
    rows = s.scalars(
        select(Incident).where(Incident.deleted_at.is_(None), _mentions(Incident.detainee_ids, detainee_id))
    )
    return [r for r in rows if any(_same_id(v, detainee_id) for v in r.detainee_ids or ())]


def _live(s: Session, model: Any, *where: Any) -> list[Any]:
    return list(s.scalars(select(model).where(model.deleted_at.is_(None), *where)))


def _talk(t: Talk) -> TimelineEntry:
    kind = _label(TalkType, t.talk_type)
    said = _RAISED(summary=_line(t.issues_summary)) if t.issues_raised else _RAISED_NOTHING()
    if t.issues_raised and not _line(t.issues_summary):
        said = _RAISED_SOMETHING()
    return TimelineEntry(
        local_date(t.talk_at),
        t.talk_at,
        "talk",
        kind_label("talk"),
        _join(_TALK_OF(kind=kind) if kind else _TALK(), said, t.place),
        t.id,
        confidential=bool(t.confidential),
    )


def _letter(m: MailboxLetter) -> TimelineEntry:
    return TimelineEntry(
        m.accepted_on,
        None,
        "mailbox_letter",
        kind_label("mailbox_letter"),
        _join(_label(LetterCategory, m.category), _line(m.subject), _label(LetterStatus, m.status)),
        m.id,
        confidential=bool(m.confidential),
        parent_kind="mailbox_opening",
        parent_id=m.opening_id,
    )


def _finding(f: Finding) -> TimelineEntry:
    parent: tuple[str | None, uuid.UUID | None] = (None, None)
    if f.patrol_id is not None:
        parent = ("patrol", f.patrol_id)
    elif f.talk_id is not None:
        parent = ("talk", f.talk_id)
    elif f.letter_id is not None:
        parent = ("mailbox_letter", f.letter_id)
    resolved = _RESOLVED_ON(on=f.resolved_on.isoformat()) if f.resolved_on else _UNRESOLVED()
    return TimelineEntry(
        f.found_on,
        f.found_at,
        "finding",
        kind_label("finding"),
        _join(_label(Severity, f.severity), _line(f.description), resolved),
        f.id,
        parent_kind=parent[0],
        parent_id=parent[1],
    )


def _notice(n: RectificationNotice) -> TimelineEntry:
    return TimelineEntry(
        n.issued_on or local_date(n.created_at),
        None if n.issued_on else n.created_at,
        "rectification_notice",
        kind_label("rectification_notice"),
        _join(
            n.doc_number or _NO_NUMBER(),
            _label(NoticeTrigger, n.trigger),
            _line(n.facts, 40),
            _label(DocumentState, n.state),
        ),
        n.id,
    )


def _suggestion(p: ProcuratorialSuggestion) -> TimelineEntry:
    return TimelineEntry(
        p.issued_on or local_date(p.created_at),
        None if p.issued_on else p.created_at,
        "procuratorial_suggestion",
        kind_label("procuratorial_suggestion"),
        _join(p.doc_number or _NO_NUMBER(), _line(p.facts_found, 40), _label(DocumentState, p.state)),
        p.id,
    )


def _oral(o: OralCorrection, notice: RectificationNotice | None) -> TimelineEntry:
    state: str
    if notice is None:
        state = _CORRECTED() if o.corrected else _NOT_CORRECTED()
    else:
        state = Label(oral_status(o.corrected, notice.state, notice.correction_status).label)
    return TimelineEntry(
        o.issued_on,
        None,
        "oral_correction",
        kind_label("oral_correction"),
        _join(_line(o.facts), state),
        o.id,
    )


def _escalations(s: Session, oral_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, RectificationNotice]:
    """The notice each oral correction was escalated to (the first made, as its page shows it)."""
    out: dict[uuid.UUID, RectificationNotice] = {}
    rows = _live(s, RectificationNotice, RectificationNotice.oral_correction_id.in_(oral_ids))
    for n in sorted(rows, key=lambda n: n.created_at):
        if n.oral_correction_id is not None:
            out.setdefault(n.oral_correction_id, n)
    return out


def _event(ev: CustodyEvent) -> TimelineEntry:
    extension: str = ""
    if ev.extension_months and ev.extension_days:
        extension = _EXTENDED_BOTH(months=ev.extension_months, days=ev.extension_days)
    elif ev.extension_months:
        extension = _EXTENDED_MONTHS(months=ev.extension_months)
    elif ev.extension_days:
        extension = _EXTENDED_DAYS(days=ev.extension_days)
    return TimelineEntry(
        ev.occurred_on,
        None,
        "custody_event",
        kind_label("custody_event"),
        _join(_label(K, ev.kind), extension, ev.authority, ev.document_no, citations(ev.legal_basis or "")),
        ev.id,
        parent_kind="detainee",
        parent_id=ev.detainee_id,
    )


def _delivery(c: ExecutionDeliveryCheck) -> TimelineEntry:
    on = c.delivered_on or c.documents_received_on or c.judgment_effective_on or local_date(c.created_at)
    parts: list[str] = [_label(DeliveryDecision, c.decision) or _UNDECIDED()]
    if c.delivered_on and c.receiving_institution:
        parts.append(_DELIVERED_TO(on=c.delivered_on.isoformat(), to=c.receiving_institution))
    elif c.delivered_on:
        parts.append(_DELIVERED(on=c.delivered_on.isoformat()))
    elif c.delivery_due:
        parts.append(_DUE_BY(on=c.delivery_due.isoformat()))
    if c.prison_refused:
        parts.append(_PRISON_REFUSED())
    return TimelineEntry(
        on,
        None,
        "execution_delivery_check",
        kind_label("execution_delivery_check"),
        _join(*parts),
        c.id,
    )


def _incident(r: Incident) -> TimelineEntry:
    return TimelineEntry(
        local_date(r.occurred_at),
        r.occurred_at,
        "incident",
        kind_label("incident"),
        _join(_label(IncidentKind, r.kind), _line(r.description)),
        r.id,
    )


def _meeting(m: LawyerMeetingCheck) -> TimelineEntry:
    reason = _line(m.refusal_reason, 30)
    arranged = (
        _ARRANGED() if m.arranged_at else (_NOT_ARRANGED_FOR(reason=reason) if reason else _NOT_ARRANGED())
    )
    flags = [x for x, on in ((_MONITORED(), m.monitored), (_POLICE_PRESENT(), m.police_present)) if on]
    return TimelineEntry(
        local_date(m.requested_at),
        m.requested_at,
        "lawyer_meeting_check",
        kind_label("lawyer_meeting_check"),
        _join(
            _LAWYER_OF(name=m.lawyer_name, firm=m.law_firm) if m.law_firm else _LAWYER(name=m.lawyer_name),
            arranged,
            *flags,
        ),
        m.id,
    )


def _timeline(s: Session, person: Detainee, events: Iterable[CustodyEvent]) -> tuple[TimelineEntry, ...]:
    pid = person.id
    keyed: list[tuple[TimelineEntry, datetime]] = []

    def add(entry: TimelineEntry, created: datetime) -> None:
        keyed.append((entry, entry.at or created))

    for t in _live(s, Talk, Talk.detainee_id == pid):
        add(_talk(t), t.created_at)
    for m in _live(s, MailboxLetter, MailboxLetter.detainee_id == pid):
        add(_letter(m), m.created_at)
    findings = _findings(s, pid)
    for f in findings:
        add(_finding(f), f.created_at)
    notice_ids = {f.rectification_notice_id for f in findings if f.rectification_notice_id}
    notices = _live(
        s,
        RectificationNotice,
        or_(RectificationNotice.detainee_id == pid, RectificationNotice.id.in_(notice_ids)),
    )
    for n in notices:
        add(_notice(n), n.created_at)
    suggestion_ids = {f.procuratorial_suggestion_id for f in findings if f.procuratorial_suggestion_id}
    if suggestion_ids:
        for p in _live(s, ProcuratorialSuggestion, ProcuratorialSuggestion.id.in_(suggestion_ids)):
            add(_suggestion(p), p.created_at)
    oral_ids = {f.oral_correction_id for f in findings if f.oral_correction_id}
    oral_ids |= {n.oral_correction_id for n in notices if n.oral_correction_id}
    if oral_ids:
        escalated = _escalations(s, oral_ids)
        for o in _live(s, OralCorrection, OralCorrection.id.in_(oral_ids)):
            add(_oral(o, escalated.get(o.id)), o.created_at)
    for ev in events:
        add(_event(ev), ev.created_at)
    for c in _live(s, ExecutionDeliveryCheck, ExecutionDeliveryCheck.detainee_id == pid):
        add(_delivery(c), c.created_at)
    for r in _incidents(s, pid):
        add(_incident(r), r.created_at)
    for lm in _live(s, LawyerMeetingCheck, LawyerMeetingCheck.detainee_id == pid):
        add(_meeting(lm), lm.created_at)
    keyed.sort(key=lambda pair: (pair[0].on, pair[1]), reverse=True)
    return tuple(entry for entry, _ in keyed)


# ---------------------------------------------------------------------- the overview


def _particulars(person: Detainee, today: date) -> Particulars:
    return Particulars(
        detainee_id=person.id,
        name=person.name,
        gender=_label(Gender, person.gender),
        birth_date=person.birth_date,
        id_number=person.id_number,
        id_number_masked=mask_id_number(person.id_number),
        ethnicity=person.ethnicity,
        block=person.block,
        cell=person.cell,
        admitted_at=person.admitted_at,
        admitted_on=local_date(person.admitted_at),
        case_authority=person.case_authority,
        charges=person.charges,
        case_no=person.case_no,
        legal_status=_label(LegalStatus, person.legal_status),
        stage=person.stage,
        stage_label=_label(Stage, person.stage),
        stage_started_on=person.stage_started_on,
        multiple_or_gang=bool(person.multiple_or_gang),
        sentence_text=person.sentence_text,
        term_end=person.term_end,
        discharged_on=person.discharged_on,
        discharge_kind=_label(DischargeKind, person.discharge_kind),
        held=person.discharged_on is None or person.discharged_on > today,
    )


def detainee_overview(store: Store, detainee_id: uuid.UUID, today: date | None = None) -> DetaineeOverview:
    """Everything a detainee's page shows (see the module's docstring), as seen on ``today`` (default:
    the Asia/Shanghai date). ``RecordNotFoundError`` if there is no such detainee (or it was deleted)."""
    today = today or today_local()
    with store.session(read_only=True) as s:
        person = s.get(Detainee, detainee_id)
        if person is None or person.deleted_at is not None:
            raise RecordNotFoundError("detainee", detainee_id)
        settings = rule_settings(s, person.station_id)
        calendar = holiday_calendar(s)
        events = list(
            s.scalars(
                select(CustodyEvent)
                .where(CustodyEvent.detainee_id == detainee_id, CustodyEvent.deleted_at.is_(None))
                .order_by(CustodyEvent.occurred_on, CustodyEvent.created_at, CustodyEvent.id)
            )
        )
        inputs = [
            CustodyEventInput(ev.kind, ev.occurred_on, ev.extension_months, ev.extension_days, ev.legal_basis)
            for ev in events
            if ev.kind in K.values()
        ]
        current = _current(person, inputs, settings, today, calendar)
        stages = _stage_rows(person, events, current, settings, today, calendar)
        timeline = _timeline(s, person, events)
        return DetaineeOverview(
            particulars=_particulars(person, today),
            stages=stages,
            current=current,
            timeline=timeline,
            today=today,
            warning_days=settings.custody_warning_days,
        )
