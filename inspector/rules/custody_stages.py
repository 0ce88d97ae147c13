"""Custody stages: the typed timeline input and, per stage, the plan of the current custody clock
(start, statutory period, extensions granted, which excluded spans apply). Used by
:mod:`inspector.rules.custody`, which does the arithmetic and explains it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from inspector.domain.enums import CustodyEventKind as K
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label
from inspector.rules.periods import add_period
from inspector.rules.text import Label, Template, Text, citations, cite, define, join

__all__ = [
    "ART",
    "ENTERS",
    "POSSIBLE_OVERDUE",
    "SPANS",
    "CustodyEventInput",
    "DetaineeCustodyInput",
    "Ext",
    "Plan",
    "as_at",
    "last_event",
    "opens_stage",
    "plan_arrest_review",
    "plan_detention",
    "plan_investigation",
    "plan_own_case_detention",
    "plan_prosecution_review",
    "plan_retrial",
    "plan_second_instance",
    "plan_supervision_detention",
    "plan_supplementary",
    "plan_trial",
    "sorted_events",
    "stage_after",
]

ART: dict[int, str] = {
    n: cite("刑事诉讼法", n)
    for n in (
        91,
        105,
        149,
        156,
        157,
        158,
        159,
        160,
        167,
        170,
        172,
        175,
        205,
        206,
        208,
        220,
        225,
        235,
        243,
        258,
        264,
    )
}


def _t(code: str, zh: str, en: str) -> Template:
    return define("custody." + code, zh, en)


_MONTHS_DAYS = _t("months_days", "{months}个月{days}日", "{months} month(s) {days} day(s)")
_MONTHS = _t("months", "{months}个月", "{months} month(s)")
_DAYS = _t("days", "{days}日", "{days} day(s)")
_ANCHOR = _t("anchor", "{event}（{day}）", "{event} ({day})")
_STAGE_BEGAN_NO_EVENT = _t(
    "stage_began_no_event",
    "本环节开始（{day}，未录入{what}事件）",
    "Start of this stage ({day}; no {what} event entered)",
)
_STAGE_BEGAN = _t("stage_began", "本环节开始（{day}）", "Start of this stage ({day})")
_ADMITTED_NO_DETENTION = _t(
    "admitted_no_detention", "入所（{day}，未录入拘留事件）", "Admission ({day}; no detention event entered)"
)
_TOO_LONG = _t(
    "extension_too_long",
    "{day}延长{asked}，超过{source}规定的{max}个月，按{max}个月计算",
    "{day}: extended by {asked}, more than the {max} months of {source}; counted as {max} months",
)
_SPECIAL_APPROVAL = _t("special_approval", "经特别批准", "with special approval")
_NO_LENGTH = _t(
    "extension_no_length",
    "{day}的第{n}次延长未录入延长期限，未计入",
    "Extension no. {n} of {day} has no length entered and is not counted",
)
_EXTENSION = _t(
    "extension",
    "{day}{who}延长{length}（{source}）{entered}",
    "{day}: extended by {length} {who} ({source}) {entered}",
)
_TOTAL_TOO_LONG = _t(
    "extension_total_too_long",
    "延长共{total}日，超过{source}规定的一日至{most}日，按{most}日计算",
    "Extended by {total} days in all, more than the 1 to {most} days of {source}; counted as {most} days",
)
_SPECIAL_EXTENSION = _t(
    "special_extension",
    "特殊情况延长{total}日（最长至{limit}日，{source}）",
    "{total} days in special circumstances (to {limit} days at most, {source})",
)
_GANG = _t(
    "base.gang",
    "提请审查批准逮捕30日（流窜作案、多次作案、结伙作案的重大嫌疑分子）",
    "30 days to request approval of arrest (major suspects of roving, repeated or gang crime)",
)
_DETENTION = _t("base.detention", "提请审查批准逮捕3日", "3 days to request approval of arrest")
_OWN_CASE = _t(
    "base.own_case",
    "人民检察院直接受理的案件，拘留后14日内作出是否逮捕的决定",
    "A case the procuratorate handles itself: decide on arrest within 14 days of detention",
)
_SUPERVISION = _t(
    "base.supervision",
    "监察机关移送起诉的留置案件，先行拘留后10日内作出是否逮捕、取保候审或者监视居住的决定",
    "A case transferred by a supervisory commission after retention: decide on arrest, bail or residential"
    " surveillance within 10 days of the preliminary detention",
)
_SUPERVISION_NOTE = _t(
    "supervision_note",
    "作出决定的期间不计入审查起诉期限（{basis}）",
    "The time taken to decide is not counted in the review for prosecution ({basis})",
)
_ARREST_REVIEW = _t(
    "base.arrest_review",
    "人民检察院自接到提请批准逮捕书后7日内作出决定",
    "The procuratorate decides within 7 days of receiving the request for approval of arrest",
)
POSSIBLE_OVERDUE_TEXT = _t(
    "possible_overdue", "可能超期羁押：{detail}", "Possible detention beyond the time limit: {detail}"
)
_LATE_REQUEST = _t(
    "late_arrest_request",
    "提请批准逮捕（{requested}）晚于拘留后法定期限{allowed}。如拘留期限未依法延长，{allowed}以后至提请批准逮捕前的羁押"
    "已超期（{basis}）；如已依法延长（特殊情况延长一日至四日，流窜作案、多次作案、结伙作案的重大嫌疑分子至三十日）"
    "而未录入，请补录延长事件",
    "The request for approval of arrest ({requested}) came after the legal time limit of the detention,"
    " {allowed}. If the detention was not lawfully extended, the custody from {allowed} until the request was"
    " beyond the time limit ({basis}); if it was lawfully extended (by 1 to 4 days in special circumstances,"
    " to 30 days for major suspects of roving, repeated or gang crime) but not entered, enter the extension",
)
_RECOUNT = _t(
    "recount",
    "{anchor}：发现另有重要罪行或查清身份，重新计算侦查羁押期限",
    "{anchor}: another major crime found or identity established; the investigation custody limit counted"
    " afresh",
)
_INVESTIGATION = _t(
    "base.investigation", "逮捕后侦查羁押2个月", "2 months of investigation custody after arrest"
)
_UPPER_PROCURATORATE = _t(
    "approval.upper_procuratorate",
    "经上一级人民检察院批准",
    "with the approval of the procuratorate one level up",
)
_PROVINCIAL = _t(
    "approval.provincial", "经省级人民检察院批准", "with the approval of the provincial procuratorate"
)
_RETURNS = _t(
    "too_many_returns",
    "退回补充侦查{n}次（{days}为第三次及以后），超过以二次为限的规定（{basis}）",
    "Returned for supplementary investigation {n} times ({days} the third or later), more than the limit of"
    " two ({basis})",
)
_RESTART_REVIEW = _t(
    "restart_review", "{anchor}：审查起诉期限重新计算", "{anchor}: the review for prosecution counted afresh"
)
_FAST_REVIEW = _t(
    "base.fast_review", "速裁程序审查起诉10日", "Fast-track procedure: 10 days of review for prosecution"
)
_FAST_REVIEW_LONG = _t(
    "base.fast_review_long",
    "速裁程序审查起诉，可能判处有期徒刑超过一年的15日",
    "Fast-track procedure: 15 days of review for prosecution where more than one year's imprisonment may be"
    " imposed",
)
_REVIEW = _t("base.review", "审查起诉1个月", "1 month of review for prosecution")
_REVIEW_TOO_LONG = _t(
    "review_too_long",
    "{day}延长审查起诉超过15日，按15日计算",
    "{day}: the review for prosecution extended by more than 15 days; counted as 15 days",
)
_REVIEW_EXTENSION = _t(
    "review_extension",
    "{day}重大、复杂案件延长{days}日（{basis}）",
    "{day}: extended by {days} days for a major, complex case ({basis})",
)
_ONE_EXTENSION = _t(
    "one_extension",
    "审查起诉期限只能延长一次，其余延长记录未计入",
    "The review for prosecution may be extended only once; the other extensions are not counted",
)
_SUPERVISION_EXCLUSION = _t(
    "supervision_exclusion",
    "先行拘留{held}至决定逮捕{decided}，不计入审查起诉期限{days}日（{basis}）",
    "Preliminary detention {held} to the decision to arrest {decided}: {days} days not counted in the review"
    " for prosecution ({basis})",
)
_SUPPLEMENTARY = _t("base.supplementary", "补充侦查1个月", "1 month of supplementary investigation")
_SUPPLEMENTARY_NOTE = _t(
    "supplementary_note",
    "补充侦查完毕移送审查起诉后，审查起诉期限重新计算",
    "Once the supplementary investigation is done and the case transferred again, the review for"
    " prosecution is counted afresh",
)
_REMANDED = _t(
    "remanded",
    "{anchor}：发回重审，原审法院自收到发回案件之日起重新计算",
    "{anchor}: remanded for retrial; the court of first instance counts afresh from receiving the case",
)
_RESTART_TRIAL = _t(
    "restart_trial", "{anchor}：审理期限重新计算", "{anchor}: the trial period counted afresh"
)
_POSTPONED = _t(
    "postponed",
    "延期审理（{day}），人民检察院补充侦查",
    "Trial postponed ({day}) for supplementary investigation by the procuratorate",
)
_POSTPONED_NOTE = _t(
    "postponed_note",
    "补充侦查完毕移送人民法院后，人民法院重新计算审理期限（{basis}）",
    "Once the supplementary investigation is done and the case back with the court, the court counts the"
    " trial period afresh ({basis})",
)
_SUMMARY = _t("base.summary", "简易程序审理20日", "Summary procedure: 20 days of trial")
_SUMMARY_LONG = _t(
    "base.summary_long",
    "简易程序，可能判处有期徒刑超过三年的延长至一个半月（按1个月15日计算）",
    "Summary procedure: extended to one and a half months where more than three years' imprisonment may be"
    " imposed (counted as 1 month 15 days)",
)
_FAST_TRIAL = _t("base.fast_trial", "速裁程序审理10日", "Fast-track procedure: 10 days of trial")
_FAST_TRIAL_LONG = _t(
    "base.fast_trial_long",
    "速裁程序，可能判处有期徒刑超过一年的延长至15日",
    "Fast-track procedure: extended to 15 days where more than one year's imprisonment may be imposed",
)
_FIRST_INSTANCE = _t(
    "base.first_instance",
    "一审公诉案件{warn}个月内宣判，至迟不得超过{limit}个月（以{limit}个月为超期线）",
    "Public prosecution at first instance: judgment within {warn} months, {limit} months at the latest"
    " (beyond {limit} months counts as overdue)",
)
_UPPER_COURT = _t(
    "approval.upper_court", "经上一级人民法院批准", "with the approval of the court one level up"
)
_SUPREME = _t(
    "approval.supreme",
    "经最高人民法院批准（{basis}）",
    "with the approval of the Supreme People's Court ({basis})",
)
_SECOND_INSTANCE = _t("base.second_instance", "二审2个月", "2 months at second instance")
_HIGH_COURT = _t(
    "approval.high_court", "经高级人民法院批准或者决定", "with the approval or decision of the high court"
)
_RETRIAL_START = _t("retrial_start", "再审决定（{day}）", "Decision to retry ({day})")
_RETRIAL = _t("base.retrial", "再审3个月", "3 months of retrial")
_RETRIAL_LONG = _t(
    "base.retrial_long", "再审，需要延长的不得超过6个月", "Retrial: 6 months at most where extended"
)
_SPAN_PSYCH = _t("span.psych", "精神病鉴定", "Psychiatric assessment")
_SPAN_SUSPENSION = _t("span.suspension", "中止审理", "Suspension of the trial")
_SPAN_FILE_REVIEW = _t("span.file_review", "检察院阅卷", "Procuratorate's file review")
_DAY = _t("day", "{day}", "{day}")
_EVENT = {
    "arrest_requested": _t("what.arrest_requested", "提请批准逮捕", "request for approval of arrest"),
    "arrest": _t("what.arrest", "逮捕", "arrest"),
    "transfer": _t("what.transfer", "移送审查起诉", "transfer for prosecution"),
    "returned": _t("what.returned", "退回补充侦查", "return for supplementary investigation"),
    "accepted": _t("what.accepted", "法院受理", "acceptance by the court"),
    "second_instance": _t("what.second_instance", "二审受理", "acceptance at second instance"),
}


@dataclass(frozen=True)
class CustodyEventInput:
    """One custody event (a ``custody_event`` row): ``kind`` is a CustodyEventKind value."""

    kind: str
    occurred_on: date
    extension_months: int | None = None
    extension_days: int | None = None
    legal_basis: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in K.values():
            raise ValueError(f"unknown custody event kind {self.kind!r}")
        for name in ("extension_months", "extension_days"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")


@dataclass(frozen=True)
class DetaineeCustodyInput:
    """What the custody rules need from a ``detainee`` row and its events."""

    stage: str
    stage_started_on: date | None
    admitted_on: date
    multiple_or_gang: bool = False
    events: tuple[CustodyEventInput, ...] = ()
    discharged_on: date | None = None
    sentence_kind: str | None = None  # for the 留所服刑 check while awaiting execution
    term_end: date | None = None

    def __post_init__(self) -> None:
        if self.stage not in Stage.values():
            raise ValueError(f"unknown stage {self.stage!r}")
        if not isinstance(self.events, tuple):
            object.__setattr__(self, "events", tuple(self.events))


@dataclass(frozen=True)
class Ext:
    months: int
    days: int
    text: str


@dataclass
class Plan:
    start: date
    start_text: str
    base_months: int
    base_days: int
    base_text: str
    bases: list[str]
    extensions: list[Ext] = field(default_factory=list)
    spans: tuple[str, ...] = ("psych",)
    warning_months: int | None = None
    issues: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    exclusions: list[tuple[int, str]] = field(default_factory=list)  # (days, line): not counted


# An issue that may be real 超期羁押 (not only a record to check) starts with this: the agenda shows it as
# overdue, naming both readings, and the monthly report counts it.
POSSIBLE_OVERDUE = "可能超期羁押："  # i.e. POSSIBLE_OVERDUE_TEXT(detail=…) begins with it

# (start kind, end kind, label, legal source, cap in months)
SPANS: dict[str, tuple[K, K, str, str, int | None]] = {
    "psych": (K.PSYCH_ASSESSMENT_START, K.PSYCH_ASSESSMENT_END, _SPAN_PSYCH(), ART[149], None),
    "suspension": (K.TRIAL_SUSPENDED_START, K.TRIAL_SUSPENDED_END, _SPAN_SUSPENSION(), ART[206], None),
    "file_review": (K.FILE_REVIEW_START, K.FILE_REVIEW_END, _SPAN_FILE_REVIEW(), ART[235], 1),
}


def sorted_events(events: Iterable[CustodyEventInput]) -> list[CustodyEventInput]:
    return sorted(events, key=lambda e: e.occurred_on)  # stable: same-day events keep their order


def last_event(
    events: list[CustodyEventInput], kinds: Iterable[K], after: date | None = None
) -> CustodyEventInput | None:
    wanted = {k.value for k in kinds}
    found = [e for e in events if e.kind in wanted and (after is None or e.occurred_on >= after)]
    return found[-1] if found else None


# The stage an event puts the person in; events not listed keep the stage they happen in.
ENTERS: dict[str, str] = {
    K.DETENTION.value: Stage.DETENTION.value,
    K.OWN_CASE_DETENTION.value: Stage.OWN_CASE_DETENTION.value,
    K.SUPERVISION_DETENTION.value: Stage.SUPERVISION_DETENTION.value,
    K.ARREST_REQUESTED.value: Stage.ARREST_REVIEW.value,
    K.ARREST.value: Stage.INVESTIGATION.value,
    K.RECOUNT.value: Stage.INVESTIGATION.value,
    K.TRANSFERRED_FOR_PROSECUTION.value: Stage.PROSECUTION_REVIEW.value,
    K.RETURNED_FOR_INVESTIGATION.value: Stage.SUPPLEMENTARY_INVESTIGATION.value,
    K.INDICTED.value: Stage.FIRST_INSTANCE.value,
    K.SECOND_INSTANCE_ACCEPTED.value: Stage.SECOND_INSTANCE.value,
    K.REMANDED.value: Stage.FIRST_INSTANCE.value,
    K.JUDGMENT_EFFECTIVE.value: Stage.AWAITING_EXECUTION.value,
    K.SERVE_IN_CENTER_DECIDED.value: Stage.SERVING_IN_CENTER.value,
    K.DELIVERED_FOR_EXECUTION.value: Stage.DISCHARGED.value,
    K.RELEASED.value: Stage.DISCHARGED.value,
}
TRIAL = frozenset({Stage.FIRST_INSTANCE.value, Stage.SUMMARY_TRIAL.value, Stage.FAST_TRACK_TRIAL.value})
_SHORT_TRIAL = frozenset({Stage.SUMMARY_TRIAL.value, Stage.FAST_TRACK_TRIAL.value})


def stage_after(kind: str, current: str | None, registered: str) -> str:
    """The stage a person is in after an event of ``kind`` that happened in stage ``current``.

    ``registered`` is the register's stage: it stands in where the events leave the stage open (an
    event before any stage-setting one; a conversion to 简易/速裁 during a trial).
    """
    if kind == K.ARREST.value and current == Stage.SUPERVISION_DETENTION.value:
        return Stage.PROSECUTION_REVIEW.value  # a 监察 case is already before the procuratorate (art 170)
    if kind in ENTERS:
        return ENTERS[kind]
    if kind == K.RETRANSFERRED.value:  # after 退补: back to 审查起诉; after 延期审理 (补侦): the trial
        return current if current in TRIAL else Stage.PROSECUTION_REVIEW.value
    if kind == K.PROCEDURE_CONVERTED.value and current in TRIAL and registered in _SHORT_TRIAL:
        return registered
    return current or registered


def opens_stage(kind: str) -> bool:
    """Whether an event of ``kind`` opens a stage (on one day such events come first)."""
    return kind in ENTERS or kind == K.RETRANSFERRED.value


def as_at(inp: DetaineeCustodyInput, day: date) -> DetaineeCustodyInput | None:
    """The input as the records stood on ``day``: ``None`` if the person was not held then, else the
    events up to ``day`` and the stage they lead to (the register's stage when nothing later is
    recorded — an agenda or a report for a past day uses only what had happened by then)."""
    if inp.admitted_on > day or (inp.discharged_on is not None and inp.discharged_on <= day):
        return None
    kept = tuple(e for e in inp.events if e.occurred_on <= day)
    later = (
        len(kept) < len(inp.events)
        or (inp.stage_started_on is not None and inp.stage_started_on > day)
        or inp.stage == Stage.DISCHARGED.value
    )
    if not later:
        return inp
    registered = inp.stage if inp.stage != Stage.DISCHARGED.value else Stage.DETENTION.value
    stage: str | None = None
    started: date | None = None
    for e in sorted(kept, key=lambda e: (e.occurred_on, not opens_stage(e.kind))):
        after = stage_after(e.kind, stage, registered)
        if after != stage:
            stage, started = after, e.occurred_on
    if stage is None or stage == Stage.DISCHARGED.value:
        stage, started = registered, None
    if stage == inp.stage and inp.stage_started_on is not None and inp.stage_started_on <= day:
        started = inp.stage_started_on
    return replace(inp, stage=stage, stage_started_on=started, events=kept)


def _since(events: list[CustodyEventInput], kind: K, start: date) -> list[CustodyEventInput]:
    return [e for e in events if e.kind == kind.value and e.occurred_on >= start]


def _months_text(months: int, days: int) -> str:
    if months and days:
        return _MONTHS_DAYS(months=months, days=days)
    return _MONTHS(months=months) if months else _DAYS(days=days)


def _event_text(event: CustodyEventInput) -> Text:
    return _ANCHOR(event=Label(label(K, event.kind)), day=event.occurred_on)


def _anchor(event: CustodyEventInput | None, inp: DetaineeCustodyInput, what: str) -> tuple[date, str] | None:
    if event is not None:
        return event.occurred_on, _event_text(event)
    if inp.stage_started_on is not None:
        started = inp.stage_started_on
        return started, _STAGE_BEGAN_NO_EVENT(day=started, what=_EVENT[what]())
    return None


def _ordinal_extensions(
    events: list[CustodyEventInput],
    kind: K,
    start: date,
    steps: Sequence[tuple[str, int, str]],  # (source, statutory months, who approves)
    beyond: str,
    plan: Plan,
) -> None:
    """Extensions granted in turn (art 156 → 158 → 159; 一审 art 208 …). ``steps`` = (source, statutory
    months, who approves); an extension past the list needs its length entered (``beyond`` source)."""
    for i, e in enumerate(_since(events, kind, start)):
        on = e.occurred_on
        given = citations(e.legal_basis or "")  # as entered; the citations in it as citations
        if i < len(steps):
            source, legal_max, who = steps[i]
            months = (
                legal_max if e.extension_months is None and not e.extension_days else e.extension_months or 0
            )
            days = e.extension_days or 0
            if months > legal_max or (months == legal_max and days):
                asked = _months_text(months, days)
                plan.issues.append(_TOO_LONG(day=on, asked=asked, source=source, max=legal_max))
                months, days = legal_max, 0
        else:
            source, who = beyond, _SPECIAL_APPROVAL()
            if e.extension_months is None and e.extension_days is None:
                plan.issues.append(_NO_LENGTH(day=on, n=i + 1))
                continue
            months, days = e.extension_months or 0, e.extension_days or 0
        plan.extensions.append(
            Ext(
                months,
                days,
                _EXTENSION(day=on, who=who, length=_months_text(months, days), source=source, entered=given),
            )
        )
        if source not in plan.bases:
            plan.bases.append(source)


# ---------------------------------------------------------------------- stage plans


def _detention_plan(
    inp: DetaineeCustodyInput,
    evs: list[CustodyEventInput],
    kind: K,
    base_days: int,
    most: int,
    base_text: str,
    source: str,
) -> Plan:
    """A 拘留 whose limit is ``base_days`` from the detention, extended by at most ``most`` days in
    all (an extension entered without its length counts as the most the law allows)."""
    det = last_event(evs, [kind])
    text: str
    if det is not None:
        start, text = det.occurred_on, _event_text(det)
    elif inp.stage_started_on is not None:
        start, text = inp.stage_started_on, _STAGE_BEGAN(day=inp.stage_started_on)
    else:
        start, text = inp.admitted_on, _ADMITTED_NO_DETENTION(day=inp.admitted_on)
    plan = Plan(start, text, 0, base_days, base_text, [source])
    granted = _since(evs, K.INVESTIGATION_EXTENDED, start)
    if det is not None and det.extension_days:
        granted.insert(0, det)
    total = sum(e.extension_days if e.extension_days is not None else most for e in granted)
    if total > most:
        plan.issues.append(_TOTAL_TOO_LONG(total=total, source=source, most=most))
        total = most
    if granted:
        plan.extensions.append(
            Ext(0, total, _SPECIAL_EXTENSION(total=total, limit=base_days + most, source=source))
        )
    return plan


def plan_detention(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan:
    """公安机关拘留 → 提请审查批准逮捕: 3 days, +1 to 4; 30 days for 流窜/多次/结伙 (CPL art 91)."""
    if inp.multiple_or_gang:
        plan = _detention_plan(inp, evs, K.DETENTION, 30, 0, "", ART[91])
        plan.base_text = _GANG()
        plan.extensions.clear()
        plan.issues.clear()
        return plan
    return _detention_plan(inp, evs, K.DETENTION, 3, 4, _DETENTION(), ART[91])


def plan_own_case_detention(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan:
    """人民检察院直接受理的案件: 拘留后14日内作出是否逮捕的决定, 特殊情况 +1 to 3 (CPL art 167)."""
    return _detention_plan(
        inp,
        evs,
        K.OWN_CASE_DETENTION,
        14,
        3,
        _OWN_CASE(),
        ART[167],
    )


def plan_supervision_detention(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan:
    """监察机关移送起诉的留置案件: 先行拘留后10日内作出是否逮捕、取保候审或者监视居住的决定,
    特殊情况 +1 to 4 (CPL art 170)."""
    plan = _detention_plan(
        inp,
        evs,
        K.SUPERVISION_DETENTION,
        10,
        4,
        _SUPERVISION(),
        ART[170],
    )
    plan.notes.append(_SUPERVISION_NOTE(basis=ART[170]))
    return plan


def plan_arrest_review(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    req = last_event(evs, [K.ARREST_REQUESTED])
    anchor = _anchor(req, inp, "arrest_requested")
    if anchor is None:
        return None
    plan = Plan(anchor[0], anchor[1], 0, 7, _ARREST_REVIEW(), [ART[91]])
    if req is not None and last_event(evs, [K.DETENTION]) is not None:
        det_plan = plan_detention(inp, [e for e in evs if e.occurred_on <= req.occurred_on])
        allowed = add_period(det_plan.start, 0, det_plan.base_days + sum(x.days for x in det_plan.extensions))
        if req.occurred_on > allowed:
            detail = _LATE_REQUEST(requested=req.occurred_on, allowed=allowed, basis=ART[91])
            plan.issues.append(POSSIBLE_OVERDUE_TEXT(detail=detail))
    return plan


def plan_investigation(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    arrest = last_event(evs, [K.ARREST])
    recount = last_event(evs, [K.RECOUNT], after=arrest.occurred_on if arrest else None)
    anchor = _anchor(recount or arrest, inp, "arrest")
    if anchor is None:
        return None
    start, text = anchor
    bases = [ART[156]]
    if recount is not None:
        text = _RECOUNT(anchor=text)
        bases.append(ART[160])
    plan = Plan(start, text, 2, 0, _INVESTIGATION(), bases)
    steps = [
        (ART[156], 1, _UPPER_PROCURATORATE()),
        (ART[158], 2, _PROVINCIAL()),
        (ART[159], 2, _PROVINCIAL()),
    ]
    _ordinal_extensions(evs, K.INVESTIGATION_EXTENDED, start, steps, ART[157], plan)
    return plan


def _returns_check(evs: list[CustodyEventInput], plan: Plan) -> None:
    returns = [e for e in evs if e.kind == K.RETURNED_FOR_INVESTIGATION.value]
    if len(returns) > 2:
        on = join("、", (_DAY(day=e.occurred_on) for e in returns[2:]))
        plan.issues.append(_RETURNS(n=len(returns), days=on, basis=ART[175]))


def plan_prosecution_review(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    transfer = last_event(evs, [K.TRANSFERRED_FOR_PROSECUTION]) or last_event(evs, [K.SUPERVISION_DETENTION])
    after = transfer.occurred_on if transfer else None
    restart = last_event(evs, [K.RETRANSFERRED, K.JURISDICTION_CHANGED], after=after)
    anchor = _anchor(restart or transfer, inp, "transfer")
    if anchor is None:
        return None
    start, text = anchor
    if restart is not None:
        text = _RESTART_REVIEW(anchor=text)
    fast = last_event(evs, [K.PROCEDURE_CONVERTED], after=after or start) is not None
    extended = _since(evs, K.PROSECUTION_EXTENDED, start)
    if fast:
        plan = Plan(start, text, 0, 10, _FAST_REVIEW(), [ART[172], cite("人民检察院刑事诉讼规则", 351)])
        if extended:
            plan.base_days = 15
            plan.base_text = _FAST_REVIEW_LONG()
    else:
        plan = Plan(start, text, 1, 0, _REVIEW(), [ART[172]])
        if extended:
            e = extended[0]
            days = e.extension_days if e.extension_days is not None else 15
            if days > 15 or e.extension_months:
                plan.issues.append(_REVIEW_TOO_LONG(day=e.occurred_on))
                days = 15
            plan.extensions.append(
                Ext(0, days, _REVIEW_EXTENSION(day=e.occurred_on, days=days, basis=ART[172]))
            )
    if len(extended) > (0 if fast else 1):
        plan.issues.append(_ONE_EXTENSION())
    _returns_check(evs, plan)
    _supervision_exclusion(evs, plan)
    return plan


def _supervision_exclusion(evs: list[CustodyEventInput], plan: Plan) -> None:
    """A 监察 case: the days from the 先行拘留 to the decision on arrest are not counted in the review
    (CPL art 170)."""
    held = last_event(evs, [K.SUPERVISION_DETENTION], after=plan.start)
    if held is None:
        return
    decided = last_event(evs, [K.ARREST], after=held.occurred_on)
    if decided is None:
        return
    days = (decided.occurred_on - held.occurred_on).days
    if days > 0:
        plan.exclusions.append(
            (
                days,
                _SUPERVISION_EXCLUSION(
                    held=held.occurred_on, decided=decided.occurred_on, days=days, basis=ART[170]
                ),
            )
        )


def plan_supplementary(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    ret = last_event(evs, [K.RETURNED_FOR_INVESTIGATION])
    anchor = _anchor(ret, inp, "returned")
    if anchor is None:
        return None
    plan = Plan(anchor[0], anchor[1], 1, 0, _SUPPLEMENTARY(), [ART[175]])
    plan.notes.append(_SUPPLEMENTARY_NOTE())
    _returns_check(evs, plan)
    return plan


def plan_trial(
    inp: DetaineeCustodyInput, evs: list[CustodyEventInput], settings: RuleSettings
) -> Plan | None:
    first = last_event(evs, [K.INDICTED, K.REMANDED])
    restart = last_event(
        evs, [K.JURISDICTION_CHANGED, K.RETRANSFERRED], after=first.occurred_on if first else None
    )
    anchor = _anchor(restart or first, inp, "accepted")
    if anchor is None:
        return None
    start, text = anchor
    if first is not None and first.kind == K.REMANDED.value and restart is None:
        text = _REMANDED(anchor=text)
    elif restart is not None:
        text = _RESTART_TRIAL(anchor=text)
    postponed = last_event(evs, [K.TRIAL_POSTPONED], after=start)
    if postponed is not None and postponed.occurred_on > start:
        plan = Plan(
            postponed.occurred_on,
            _POSTPONED(day=postponed.occurred_on),
            1,
            0,
            _SUPPLEMENTARY(),
            [ART[205]],
        )
        plan.notes.append(_POSTPONED_NOTE(basis=ART[208]))
        return plan
    spans = ("psych", "suspension")
    extended = _since(evs, K.TRIAL_EXTENDED, start)
    if inp.stage == Stage.SUMMARY_TRIAL.value:
        plan = Plan(start, text, 0, 20, _SUMMARY(), [ART[220]], spans=spans)
        if extended:
            plan.base_months, plan.base_days = 1, 15
            plan.base_text = _SUMMARY_LONG()
        return plan
    if inp.stage == Stage.FAST_TRACK_TRIAL.value:
        plan = Plan(start, text, 0, 10, _FAST_TRIAL(), [ART[225]], spans=spans)
        if extended:
            plan.base_days = 15
            plan.base_text = _FAST_TRIAL_LONG()
        return plan
    limit, warn = settings.first_instance_limit_months, settings.first_instance_warning_months
    plan = Plan(
        start,
        text,
        limit,
        0,
        _FIRST_INSTANCE(warn=warn, limit=limit),
        [ART[208]],
        spans=spans,
        warning_months=warn,
    )
    steps = [(ART[208], 3, _UPPER_COURT())]
    _ordinal_extensions(evs, K.TRIAL_EXTENDED, start, steps, _SUPREME(basis=ART[208]), plan)
    return plan


def plan_second_instance(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    acc = last_event(evs, [K.SECOND_INSTANCE_ACCEPTED])
    anchor = _anchor(acc, inp, "second_instance")
    if anchor is None:
        return None
    spans = ("psych", "suspension", "file_review")
    plan = Plan(anchor[0], anchor[1], 2, 0, _SECOND_INSTANCE(), [ART[243]], spans=spans)
    steps = [(ART[243], 2, _HIGH_COURT())]
    _ordinal_extensions(evs, K.TRIAL_EXTENDED, anchor[0], steps, _SUPREME(basis=ART[243]), plan)
    return plan


def plan_retrial(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    if inp.stage_started_on is None:
        return None
    start = inp.stage_started_on
    plan = Plan(start, _RETRIAL_START(day=start), 3, 0, _RETRIAL(), [ART[258]], spans=("psych", "suspension"))
    if _since(evs, K.TRIAL_EXTENDED, start):
        plan.base_months = 6
        plan.base_text = _RETRIAL_LONG()
    return plan
