"""The rules that find supervision leads (监督线索) in the register and the imported ledgers.

Each rule reads what it needs and asks the rules engine (``inspector.rules``: custody limits,
delivery for execution, the 留所服刑 check) — the dates are never computed here — and yields
:class:`Candidate` leads: the rule, a ``key`` naming what the lead is about (rule, person, the date in
question, so that scanning again finds the same lead rather than a new one), the facts, the legal
basis and the records behind it. :mod:`inspector.services.leads` keeps them.

The rules (``LeadRule``):

* 提请批准逮捕超期 — the police asked for arrest approval after the detention limit (CPL art 91: 3 days,
  up to 7; 30 for 流窜/多次/结伙), or have not asked and the limit has passed while still detained.
* 未换押 / 换押不及时 — a stage changed (移送审查起诉, 退回补充侦查, 提起公诉, 二审受理 …) and no 换押 was
  recorded within :data:`HANDOVER_DAYS` days, or it was recorded later than that.
* 余刑三个月以上留所服刑 — a convict kept to serve the sentence in the centre whose remaining term at the
  reference date was more than 3 months (CPL art 264; Rules 2019 art 659).
* 交付执行超期 — a convict to be delivered to prison still held after the delivery deadline (Rules 2019
  art 625).
* 羁押期限届满后出所 — a person released after the custody limit of the stage had passed.
* 诉讼环节无法律文书日期 — a person held in a stage with neither its start date nor the custody event
  that opens it (no legal document date to count the limit from).
* 出所无相应法律文书 — an imported 出所 ledger shows a release without the paper it rests on.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspector.documents.rules_bridge import rule_settings
from inspector.domain import enums as e
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import local_date
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.rules.custody_stages import as_at
from inspector.rules.execution import delivery_due, reference_date_for, serve_in_center_decision
from inspector.rules.periods import zh_date
from inspector.store.models import CustodyEvent, Detainee, LedgerImport

__all__ = ["BASIS", "HANDOVER_DAYS", "Candidate", "scan_all"]

R = e.LeadRule

# The number of days within which a 换押 is expected after a stage change: local practice, no
# checked national figure (the domain reference finds none); a scan may be given another.
HANDOVER_DAYS = 3
# How far back a scan looks at people already released.
RELEASED_LOOKBACK_DAYS = 366

BASIS: dict[str, str] = {
    R.LATE_ARREST_REQUEST: (
        "刑事诉讼法第九十一条：公安机关对被拘留的人，认为需要逮捕的，应当在拘留后的三日以内，提请人民检察院"
        "审查批准。在特殊情况下，提请审查批准的时间可以延长一日至四日。对于流窜作案、多次作案、结伙作案的"
        "重大嫌疑分子，提请审查批准的时间可以延长至三十日。"
    ),
    R.HANDOVER_MISSING: (
        "看守所条例第十五条（换押的日期和凭证）；人民检察院刑事诉讼规则第六百一十三条（羁押期限监督）。"
        f"换押期限按本检察室做法计算（{HANDOVER_DAYS}日，无明文依据）。"
    ),
    R.HANDOVER_LATE: (
        "看守所条例第十五条（换押的日期和凭证）；人民检察院刑事诉讼规则第六百一十三条（羁押期限监督）。"
        f"换押期限按本检察室做法计算（{HANDOVER_DAYS}日，无明文依据）。"
    ),
    R.SERVING_OVER_THREE_MONTHS: (
        "刑事诉讼法第二百六十四条：对被判处有期徒刑的罪犯，在被交付执行刑罚前，剩余刑期在三个月以下的，由看守所"
        "代为执行；人民检察院刑事诉讼规则第六百五十九条第一项：罪犯余刑在三个月以上仍留所服刑的，应当依法提出"
        "纠正意见。"
    ),
    R.DELIVERY_OVERDUE: (
        "人民检察院刑事诉讼规则第六百二十五条第二项；监狱法第十五条；刑事诉讼法第二百六十四条"
    ),
    R.RELEASE_AFTER_CUSTODY_END: (
        "刑事诉讼法第九十八条（羁押期限内不能办结的，应当予以释放或者变更强制措施）；人民检察院刑事诉讼规则"
        "第六百一十五条、第六百一十八条（超期羁押的监督与纠正）"
    ),
    R.STAGE_WITHOUT_DOCUMENT: (
        "人民检察院看守所检察办法第十五条（逐人核对诉讼环节和羁押期限；以官方文本为准）；"
        "人民检察院刑事诉讼规则第六百一十三条"
    ),
    R.RELEASE_WITHOUT_PAPER: "看守所条例第三十八条、第三十九条（出所凭证：释放证明书等法律文书）",
}

# The custody events that move a person to another stage (a 换押 is due after each).
STAGE_CHANGES = (
    "transferred_for_prosecution",
    "returned_for_investigation",
    "retransferred",
    "indicted",
    "second_instance_accepted",
    "remanded",
    "jurisdiction_changed",
)
# The custody events that open each stage (a stage with neither one nor a start date has no legal
# document date).
_OPENING: dict[str, tuple[str, ...]] = {
    "detention": ("detention",),
    "own_case_detention": ("own_case_detention",),
    "supervision_detention": ("supervision_detention",),
    "arrest_review": ("arrest_requested",),
    "investigation": ("arrest", "recount"),
    "prosecution_review": ("transferred_for_prosecution", "retransferred"),
    "supplementary_investigation": ("returned_for_investigation",),
    "first_instance": ("indicted", "remanded"),
    "summary_trial": ("indicted", "procedure_converted"),
    "fast_track_trial": ("indicted", "procedure_converted"),
    "second_instance": ("second_instance_accepted",),
    "retrial": ("remanded",),
    "awaiting_execution": ("judgment_effective",),
    "serving_in_center": ("serve_in_center_decided",),
}


@dataclass(frozen=True)
class Candidate:
    """A lead a rule found (not yet kept)."""

    rule: str
    key: str
    title: str
    facts: str
    legal_basis: str
    detainee_id: uuid.UUID | None = None
    ledger_import_id: uuid.UUID | None = None
    records: tuple[dict[str, str], ...] = ()


@dataclass
class _Held:
    id: uuid.UUID
    name: str
    stage: str
    stage_started_on: date | None
    admitted_on: date
    multiple_or_gang: bool
    discharged_on: date | None
    sentence_kind: str | None
    term_end: date | None
    notice_on: date | None
    events: list[tuple[str, date, uuid.UUID]] = field(default_factory=list)

    def record(self) -> dict[str, str]:
        return {"table": "detainee", "id": self.id.hex, "label": self.name}

    def inputs(self, before: date | None = None) -> tuple[CustodyEventInput, ...]:
        out = []
        for kind, on, _ in self.events:
            if before is not None and on > before:
                continue
            try:
                out.append(CustodyEventInput(kind, on))
            except ValueError:
                continue
        return tuple(out)


def _ev_record(person: _Held, kind: str, on: date, ev_id: uuid.UUID) -> dict[str, str]:
    label = _label(e.CustodyEventKind, kind)
    return {"table": "custody_event", "id": ev_id.hex, "label": f"{person.name} {label} {on.isoformat()}"}


def _label(enum: type[e.LabelledEnum], value: Any) -> str:
    for member in enum:
        if member.value == value:
            return member.label
    return str(value)


def _people(s: Session, station_id: uuid.UUID, today: date) -> list[_Held]:
    since = today - timedelta(days=RELEASED_LOOKBACK_DAYS)
    rows = s.execute(
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
            Detainee.execution_notice_received_on,
        ).where(
            Detainee.station_id == station_id,
            Detainee.deleted_at.is_(None),
            or_(Detainee.discharged_on.is_(None), Detainee.discharged_on >= since),
        )
    )
    people = {
        r[0]: _Held(r[0], r[1], r[2], r[3], local_date(r[4]), bool(r[5]), r[6], r[7], r[8], r[9])
        for r in rows
    }
    keys = list(people)
    for n in range(0, len(keys), 500):
        for det, kind, on, ev_id in s.execute(
            select(CustodyEvent.detainee_id, CustodyEvent.kind, CustodyEvent.occurred_on, CustodyEvent.id)
            .where(CustodyEvent.detainee_id.in_(keys[n : n + 500]), CustodyEvent.deleted_at.is_(None))
            .order_by(CustodyEvent.occurred_on)
        ):
            people[det].events.append((kind, on, ev_id))
    return list(people.values())


def _custody(person: _Held, settings: RuleSettings, on: date, *, stage: str | None = None,
             started: date | None = None, before: date | None = None) -> Any:  # fmt: skip
    try:
        inp = DetaineeCustodyInput(
            stage=stage or person.stage,
            stage_started_on=started if stage else person.stage_started_on,
            admitted_on=person.admitted_on,
            multiple_or_gang=person.multiple_or_gang,
            events=person.inputs(before),
            discharged_on=None,
            sentence_kind=person.sentence_kind,
            term_end=person.term_end,
        )
        return custody_deadline(inp, settings, on)
    except ValueError:
        return None


# ---- the rules ----------------------------------------------------------------------------------


def late_arrest_request(person: _Held, settings: RuleSettings, today: date) -> Iterator[Candidate]:
    detentions = [(on, i) for k, on, i in person.events if k == "detention"]
    if not detentions and person.stage != "detention":
        return
    start = detentions[-1][0] if detentions else (person.stage_started_on or person.admitted_on)
    requests = [(on, i) for k, on, i in person.events if k == "arrest_requested" and on >= start]
    request = requests[0] if requests else None
    if request is None and (person.stage != "detention" or person.discharged_on is not None):
        return  # moved on without a recorded request: nothing to compare
    limit = _custody(
        person, settings, today, stage="detention", started=start, before=request[0] if request else None
    )
    if limit is None or limit.deadline is None:
        return
    deadline: date = limit.deadline
    records = [person.record()]
    if detentions:
        records.append(_ev_record(person, "detention", detentions[-1][0], detentions[-1][1]))
    if request is not None:
        if request[0] <= deadline:
            return
        records.append(_ev_record(person, "arrest_requested", request[0], request[1]))
        facts = (
            f"{person.name}于{zh_date(start)}被刑事拘留，提请批准逮捕期限至{zh_date(deadline)}，"
            f"公安机关于{zh_date(request[0])}才提请批准逮捕，超过期限{(request[0] - deadline).days}日。"
        )
    else:
        if today <= deadline:
            return
        facts = (
            f"{person.name}于{zh_date(start)}被刑事拘留，提请批准逮捕期限至{zh_date(deadline)}，"
            f"至{zh_date(today)}未见提请批准逮捕，仍以刑事拘留羁押。"
        )
    yield Candidate(
        R.LATE_ARREST_REQUEST.value,
        f"{R.LATE_ARREST_REQUEST.value}:{person.id.hex}:{start.isoformat()}",
        f"{person.name}：提请批准逮捕超期",
        facts,
        BASIS[R.LATE_ARREST_REQUEST],
        person.id,
        None,
        tuple(records),
    )


def handover(person: _Held, today: date, days: int) -> Iterator[Candidate]:
    if person.discharged_on is not None:
        return
    changes = [(k, on, i) for k, on, i in person.events if k in STAGE_CHANGES]
    if not changes:
        return
    kind, on, ev_id = changes[-1]
    handovers = [(d, i) for k, d, i in person.events if k == "custody_handover" and d >= on]
    due = on + timedelta(days=days)
    label = _label(e.CustodyEventKind, kind)
    records = [person.record(), _ev_record(person, kind, on, ev_id)]
    if handovers:
        first, h_id = handovers[0]
        if first <= due:
            return
        records.append(_ev_record(person, "custody_handover", first, h_id))
        rule = R.HANDOVER_LATE
        facts = (
            f"{person.name}于{zh_date(on)}{label}，应于{zh_date(due)}前办理换押，"
            f"{zh_date(first)}才换押，迟延{(first - due).days}日。"
        )
    else:
        if today <= due:
            return
        rule = R.HANDOVER_MISSING
        facts = (
            f"{person.name}于{zh_date(on)}{label}，应于{zh_date(due)}前办理换押，"
            f"至{zh_date(today)}未见换押记录。"
        )
    yield Candidate(
        rule.value,
        f"handover:{person.id.hex}:{on.isoformat()}",
        f"{person.name}：{rule.label}",
        facts,
        BASIS[rule],
        person.id,
        None,
        tuple(records),
    )


def serving_over_three_months(person: _Held, settings: RuleSettings, today: date) -> Iterator[Candidate]:
    if person.discharged_on is not None or person.stage != "serving_in_center":
        return
    decided = [(on, i) for k, on, i in person.events if k == "serve_in_center_decided"]
    decision_date = decided[-1][0] if decided else (person.stage_started_on or today)
    reference = reference_date_for(
        settings, execution_notice_received_on=person.notice_on, decision_date=decision_date
    )
    try:
        check = serve_in_center_decision(person.sentence_kind, person.term_end, reference, settings)
    except ValueError:
        return
    if check.outcome != "must_deliver" or person.sentence_kind != "fixed_term":
        return
    records = [person.record()]
    if decided:
        records.append(_ev_record(person, "serve_in_center_decided", decided[-1][0], decided[-1][1]))
    yield Candidate(
        R.SERVING_OVER_THREE_MONTHS.value,
        f"{R.SERVING_OVER_THREE_MONTHS.value}:{person.id.hex}:{decision_date.isoformat()}",
        f"{person.name}：余刑三个月以上留所服刑",
        f"{person.name}留所服刑（{zh_date(decision_date)}）。{check.explanation}。",
        BASIS[R.SERVING_OVER_THREE_MONTHS],
        person.id,
        None,
        tuple(records),
    )


def delivery_overdue(person: _Held, settings: RuleSettings, today: date) -> Iterator[Candidate]:
    # a 再审 does not stop the execution of the judgment under review: delivery is due in 再审 too, as
    # the agenda and the monthly report count it (inspector.census.retrial_deliveries)
    waiting = person.stage in ("awaiting_execution", "retrial")
    if person.discharged_on is not None or not waiting or person.notice_on is None:
        return
    try:
        check = serve_in_center_decision(person.sentence_kind, person.term_end, person.notice_on, settings)
    except ValueError:
        return
    if check.outcome != "must_deliver":
        return
    due = delivery_due(person.notice_on, settings)
    if today <= due.due:
        return
    yield Candidate(
        R.DELIVERY_OVERDUE.value,
        f"{R.DELIVERY_OVERDUE.value}:{person.id.hex}:{person.notice_on.isoformat()}",
        f"{person.name}：交付执行超期",
        f"{person.name}，{check.explanation}。"
        f"至{zh_date(today)}仍未交付执行，超过期限{(today - due.due).days}日。",
        f"{due.basis}；{BASIS[R.DELIVERY_OVERDUE]}",
        person.id,
        None,
        (person.record(),),
    )


def release_after_custody_end(person: _Held, settings: RuleSettings) -> Iterator[Candidate]:
    out = person.discharged_on
    if out is None:
        return
    try:
        # The stage as the records stood the day before the release (the register may read 已出所 now).
        full = DetaineeCustodyInput(
            stage=person.stage,
            stage_started_on=person.stage_started_on,
            admitted_on=person.admitted_on,
            multiple_or_gang=person.multiple_or_gang,
            events=person.inputs(),
            discharged_on=None,
            sentence_kind=person.sentence_kind,
            term_end=person.term_end,
        )
        before = as_at(full, out - timedelta(days=1))
        if before is None or before.stage in ("serving_in_center", "awaiting_execution", "discharged"):
            return
        limit = custody_deadline(before, settings, out)
    except ValueError:
        return
    if limit.deadline is None or out <= limit.deadline:
        return
    deadline: date = limit.deadline
    yield Candidate(
        R.RELEASE_AFTER_CUSTODY_END.value,
        f"{R.RELEASE_AFTER_CUSTODY_END.value}:{person.id.hex}:{out.isoformat()}",
        f"{person.name}：羁押期限届满后出所",
        f"{person.name}诉讼环节为{_label(e.Stage, limit.stage)}，"
        f"羁押期限至{zh_date(deadline)}（{limit.basis}），"
        f"于{zh_date(out)}才出所，超期羁押{(out - deadline).days}日。",
        BASIS[R.RELEASE_AFTER_CUSTODY_END],
        person.id,
        None,
        (person.record(),),
    )


def stage_without_document(person: _Held) -> Iterator[Candidate]:
    if (
        person.discharged_on is not None
        or person.stage == "discharged"
        or person.stage_started_on is not None
    ):
        return
    opening = _OPENING.get(person.stage, ())
    if any(k in opening for k, _, _ in person.events):
        return
    stage = _label(e.Stage, person.stage)
    yield Candidate(
        R.STAGE_WITHOUT_DOCUMENT.value,
        f"{R.STAGE_WITHOUT_DOCUMENT.value}:{person.id.hex}:{person.stage}",
        f"{person.name}：{stage}无法律文书日期",
        f"{person.name}诉讼环节为{stage}，名册中既无本环节起始日，也无"
        f"{'、'.join(_label(e.CustodyEventKind, k) for k in opening) or '本环节的'}法律文书日期，"
        "无法计算羁押期限，"
        "应向看守所核实法律文书。",
        BASIS[R.STAGE_WITHOUT_DOCUMENT],
        person.id,
        None,
        (person.record(),),
    )


def release_without_paper(s: Session, station_id: uuid.UUID) -> Iterator[Candidate]:
    for imp in s.scalars(
        select(LedgerImport).where(
            LedgerImport.station_id == station_id,
            LedgerImport.deleted_at.is_(None),
            LedgerImport.ledger_kind == e.LedgerKind.RELEASE.value,
        )
    ):
        for item in (imp.report or {}).get("items", []):
            flags = [f for f in item.get("flags", []) if f.get("code") == "release_without_paper"]
            if not flags or not item.get("detainee_id"):
                continue
            out = item.get("changes", {}).get("discharged_on", "")
            yield Candidate(
                R.RELEASE_WITHOUT_PAPER.value,
                f"{R.RELEASE_WITHOUT_PAPER.value}:{item['detainee_id']}:{out}",
                f"{item['name']}：出所无相应法律文书",
                f"{imp.file_name}第{item.get('line')}行：{item['name']}{flags[0]['text']}。",
                BASIS[R.RELEASE_WITHOUT_PAPER],
                uuid.UUID(item["detainee_id"]),
                imp.id,
                (
                    {"table": "detainee", "id": item["detainee_id"], "label": item["name"]},
                    {
                        "table": "ledger_import",
                        "id": imp.id.hex,
                        "label": f"{imp.file_name} 第{item.get('line')}行",
                    },
                ),
            )


def scan_all(
    s: Session,
    station_id: uuid.UUID,
    today: date,
    *,
    rules: Sequence[str] | None = None,
    handover_days: int = HANDOVER_DAYS,
) -> list[Candidate]:
    """Every lead the rules find today (``rules``: only these rule codes)."""
    wanted = set(rules) if rules else set(R.values())
    settings = rule_settings(s, station_id)
    out: list[Candidate] = []
    for person in _people(s, station_id, today):
        if R.LATE_ARREST_REQUEST in wanted:
            out += late_arrest_request(person, settings, today)
        if wanted & {R.HANDOVER_MISSING.value, R.HANDOVER_LATE.value}:
            out += [c for c in handover(person, today, handover_days) if c.rule in wanted]
        if R.SERVING_OVER_THREE_MONTHS in wanted:
            out += serving_over_three_months(person, settings, today)
        if R.DELIVERY_OVERDUE in wanted:
            out += delivery_overdue(person, settings, today)
        if R.RELEASE_AFTER_CUSTODY_END in wanted:
            out += release_after_custody_end(person, settings)
        if R.STAGE_WITHOUT_DOCUMENT in wanted:
            out += stage_without_document(person)
    if R.RELEASE_WITHOUT_PAPER in wanted:
        out += release_without_paper(s, station_id)
    return out
