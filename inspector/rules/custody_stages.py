"""Custody stages: the typed timeline input and, per stage, the plan of the current custody clock
(start, statutory period, extensions granted, which excluded spans apply). Used by
:mod:`inspector.rules.custody`, which does the arithmetic and explains it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from inspector.domain.enums import CustodyEventKind as K
from inspector.domain.enums import Stage
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import label
from inspector.rules.periods import add_period, zh_date

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

ART = {
    91: "刑事诉讼法第九十一条",
    105: "刑事诉讼法第一百零五条",
    149: "刑事诉讼法第一百四十九条",
    156: "刑事诉讼法第一百五十六条",
    157: "刑事诉讼法第一百五十七条",
    158: "刑事诉讼法第一百五十八条",
    159: "刑事诉讼法第一百五十九条",
    160: "刑事诉讼法第一百六十条",
    167: "刑事诉讼法第一百六十七条",
    170: "刑事诉讼法第一百七十条",
    172: "刑事诉讼法第一百七十二条",
    175: "刑事诉讼法第一百七十五条",
    205: "刑事诉讼法第二百零五条",
    206: "刑事诉讼法第二百零六条",
    208: "刑事诉讼法第二百零八条",
    220: "刑事诉讼法第二百二十条",
    225: "刑事诉讼法第二百二十五条",
    235: "刑事诉讼法第二百三十五条",
    243: "刑事诉讼法第二百四十三条",
    258: "刑事诉讼法第二百五十八条",
    264: "刑事诉讼法第二百六十四条",
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
POSSIBLE_OVERDUE = "可能超期羁押："

# (start kind, end kind, label, legal source, cap in months)
SPANS: dict[str, tuple[K, K, str, str, int | None]] = {
    "psych": (K.PSYCH_ASSESSMENT_START, K.PSYCH_ASSESSMENT_END, "精神病鉴定", ART[149], None),
    "suspension": (K.TRIAL_SUSPENDED_START, K.TRIAL_SUSPENDED_END, "中止审理", ART[206], None),
    "file_review": (K.FILE_REVIEW_START, K.FILE_REVIEW_END, "检察院阅卷", ART[235], 1),
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
        return f"{months}个月{days}日"
    return f"{months}个月" if months else f"{days}日"


def _anchor(event: CustodyEventInput | None, inp: DetaineeCustodyInput, what: str) -> tuple[date, str] | None:
    if event is not None:
        return event.occurred_on, f"{label(K, event.kind)}（{zh_date(event.occurred_on)}）"
    if inp.stage_started_on is not None:
        return inp.stage_started_on, f"本环节开始（{zh_date(inp.stage_started_on)}，未录入{what}事件）"
    return None


def _ordinal_extensions(
    events: list[CustodyEventInput],
    kind: K,
    start: date,
    steps: list[tuple[str, int, str]],
    beyond: str,
    plan: Plan,
) -> None:
    """Extensions granted in turn (art 156 → 158 → 159; 一审 art 208 …). ``steps`` = (source, statutory
    months, who approves); an extension past the list needs its length entered (``beyond`` source)."""
    for i, e in enumerate(_since(events, kind, start)):
        on = zh_date(e.occurred_on)
        given = e.legal_basis or ""
        if i < len(steps):
            source, legal_max, who = steps[i]
            months = (
                legal_max if e.extension_months is None and not e.extension_days else e.extension_months or 0
            )
            days = e.extension_days or 0
            if months > legal_max or (months == legal_max and days):
                asked = _months_text(months, days)
                plan.issues.append(
                    f"{on}延长{asked}，超过{source}规定的{legal_max}个月，按{legal_max}个月计算"
                )
                months, days = legal_max, 0
        else:
            source, who = beyond, "经特别批准"
            if e.extension_months is None and e.extension_days is None:
                plan.issues.append(f"{on}的第{i + 1}次延长未录入延长期限，未计入")
                continue
            months, days = e.extension_months or 0, e.extension_days or 0
        plan.extensions.append(
            Ext(months, days, f"{on}{who}延长{_months_text(months, days)}（{source}）{given}")
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
    if det is not None:
        start, text = det.occurred_on, f"{label(K, det.kind)}（{zh_date(det.occurred_on)}）"
    elif inp.stage_started_on is not None:
        start, text = inp.stage_started_on, f"本环节开始（{zh_date(inp.stage_started_on)}）"
    else:
        start, text = inp.admitted_on, f"入所（{zh_date(inp.admitted_on)}，未录入拘留事件）"
    plan = Plan(start, text, 0, base_days, base_text, [source])
    granted = _since(evs, K.INVESTIGATION_EXTENDED, start)
    if det is not None and det.extension_days:
        granted.insert(0, det)
    total = sum(e.extension_days if e.extension_days is not None else most for e in granted)
    if total > most:
        plan.issues.append(f"延长共{total}日，超过{source}规定的一日至{most}日，按{most}日计算")
        total = most
    if granted:
        plan.extensions.append(
            Ext(0, total, f"特殊情况延长{total}日（最长至{base_days + most}日，{source}）")
        )
    return plan


def plan_detention(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan:
    """公安机关拘留 → 提请审查批准逮捕: 3 days, +1 to 4; 30 days for 流窜/多次/结伙 (CPL art 91)."""
    if inp.multiple_or_gang:
        plan = _detention_plan(inp, evs, K.DETENTION, 30, 0, "", ART[91])
        plan.base_text = "提请审查批准逮捕30日（流窜作案、多次作案、结伙作案的重大嫌疑分子）"
        plan.extensions.clear()
        plan.issues.clear()
        return plan
    return _detention_plan(inp, evs, K.DETENTION, 3, 4, "提请审查批准逮捕3日", ART[91])


def plan_own_case_detention(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan:
    """人民检察院直接受理的案件: 拘留后14日内作出是否逮捕的决定, 特殊情况 +1 to 3 (CPL art 167)."""
    return _detention_plan(
        inp,
        evs,
        K.OWN_CASE_DETENTION,
        14,
        3,
        "人民检察院直接受理的案件，拘留后14日内作出是否逮捕的决定",
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
        "监察机关移送起诉的留置案件，先行拘留后10日内作出是否逮捕、取保候审或者监视居住的决定",
        ART[170],
    )
    plan.notes.append("作出决定的期间不计入审查起诉期限（刑事诉讼法第一百七十条）")
    return plan


def plan_arrest_review(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    req = last_event(evs, [K.ARREST_REQUESTED])
    anchor = _anchor(req, inp, "提请批准逮捕")
    if anchor is None:
        return None
    plan = Plan(anchor[0], anchor[1], 0, 7, "人民检察院自接到提请批准逮捕书后7日内作出决定", [ART[91]])
    if req is not None and last_event(evs, [K.DETENTION]) is not None:
        det_plan = plan_detention(inp, [e for e in evs if e.occurred_on <= req.occurred_on])
        allowed = add_period(det_plan.start, 0, det_plan.base_days + sum(x.days for x in det_plan.extensions))
        if req.occurred_on > allowed:
            plan.issues.append(
                f"{POSSIBLE_OVERDUE}提请批准逮捕（{zh_date(req.occurred_on)}）晚于拘留后法定期限"
                f"{zh_date(allowed)}。如拘留期限未依法延长，{zh_date(allowed)}以后至提请批准逮捕前的羁押"
                f"已超期（{ART[91]}）；如已依法延长（特殊情况延长一日至四日，流窜作案、多次作案、结伙作案的"
                "重大嫌疑分子至三十日）而未录入，请补录延长事件"
            )
    return plan


def plan_investigation(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    arrest = last_event(evs, [K.ARREST])
    recount = last_event(evs, [K.RECOUNT], after=arrest.occurred_on if arrest else None)
    anchor = _anchor(recount or arrest, inp, "逮捕")
    if anchor is None:
        return None
    start, text = anchor
    bases = [ART[156]]
    if recount is not None:
        text += "：发现另有重要罪行或查清身份，重新计算侦查羁押期限"
        bases.append(ART[160])
    plan = Plan(start, text, 2, 0, "逮捕后侦查羁押2个月", bases)
    steps = [
        (ART[156], 1, "经上一级人民检察院批准"),
        (ART[158], 2, "经省级人民检察院批准"),
        (ART[159], 2, "经省级人民检察院批准"),
    ]
    _ordinal_extensions(evs, K.INVESTIGATION_EXTENDED, start, steps, ART[157], plan)
    return plan


def _returns_check(evs: list[CustodyEventInput], plan: Plan) -> None:
    returns = [e for e in evs if e.kind == K.RETURNED_FOR_INVESTIGATION.value]
    if len(returns) > 2:
        on = "、".join(zh_date(e.occurred_on) for e in returns[2:])
        plan.issues.append(
            f"退回补充侦查{len(returns)}次（{on}为第三次及以后），超过以二次为限的规定（{ART[175]}）"
        )


def plan_prosecution_review(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    transfer = last_event(evs, [K.TRANSFERRED_FOR_PROSECUTION]) or last_event(evs, [K.SUPERVISION_DETENTION])
    after = transfer.occurred_on if transfer else None
    restart = last_event(evs, [K.RETRANSFERRED, K.JURISDICTION_CHANGED], after=after)
    anchor = _anchor(restart or transfer, inp, "移送审查起诉")
    if anchor is None:
        return None
    start, text = anchor
    if restart is not None:
        text += "：审查起诉期限重新计算"
    fast = last_event(evs, [K.PROCEDURE_CONVERTED], after=after or start) is not None
    extended = _since(evs, K.PROSECUTION_EXTENDED, start)
    if fast:
        plan = Plan(
            start, text, 0, 10, "速裁程序审查起诉10日", [ART[172], "人民检察院刑事诉讼规则第三百五十一条"]
        )
        if extended:
            plan.base_days = 15
            plan.base_text = "速裁程序审查起诉，可能判处有期徒刑超过一年的15日"
    else:
        plan = Plan(start, text, 1, 0, "审查起诉1个月", [ART[172]])
        if extended:
            e = extended[0]
            days = e.extension_days if e.extension_days is not None else 15
            if days > 15 or e.extension_months:
                plan.issues.append(f"{zh_date(e.occurred_on)}延长审查起诉超过15日，按15日计算")
                days = 15
            plan.extensions.append(
                Ext(0, days, f"{zh_date(e.occurred_on)}重大、复杂案件延长{days}日（{ART[172]}）")
            )
    if len(extended) > (0 if fast else 1):
        plan.issues.append("审查起诉期限只能延长一次，其余延长记录未计入")
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
                f"先行拘留{zh_date(held.occurred_on)}至决定逮捕{zh_date(decided.occurred_on)}，"
                f"不计入审查起诉期限{days}日（{ART[170]}）",
            )
        )


def plan_supplementary(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    ret = last_event(evs, [K.RETURNED_FOR_INVESTIGATION])
    anchor = _anchor(ret, inp, "退回补充侦查")
    if anchor is None:
        return None
    plan = Plan(anchor[0], anchor[1], 1, 0, "补充侦查1个月", [ART[175]])
    plan.notes.append("补充侦查完毕移送审查起诉后，审查起诉期限重新计算")
    _returns_check(evs, plan)
    return plan


def plan_trial(
    inp: DetaineeCustodyInput, evs: list[CustodyEventInput], settings: RuleSettings
) -> Plan | None:
    first = last_event(evs, [K.INDICTED, K.REMANDED])
    restart = last_event(
        evs, [K.JURISDICTION_CHANGED, K.RETRANSFERRED], after=first.occurred_on if first else None
    )
    anchor = _anchor(restart or first, inp, "法院受理")
    if anchor is None:
        return None
    start, text = anchor
    if first is not None and first.kind == K.REMANDED.value and restart is None:
        text += "：发回重审，原审法院自收到发回案件之日起重新计算"
    elif restart is not None:
        text += "：审理期限重新计算"
    postponed = last_event(evs, [K.TRIAL_POSTPONED], after=start)
    if postponed is not None and postponed.occurred_on > start:
        plan = Plan(
            postponed.occurred_on,
            f"延期审理（{zh_date(postponed.occurred_on)}），人民检察院补充侦查",
            1,
            0,
            "补充侦查1个月",
            [ART[205]],
        )
        plan.notes.append("补充侦查完毕移送人民法院后，人民法院重新计算审理期限（刑事诉讼法第二百零八条）")
        return plan
    spans = ("psych", "suspension")
    extended = _since(evs, K.TRIAL_EXTENDED, start)
    if inp.stage == Stage.SUMMARY_TRIAL.value:
        plan = Plan(start, text, 0, 20, "简易程序审理20日", [ART[220]], spans=spans)
        if extended:
            plan.base_months, plan.base_days = 1, 15
            plan.base_text = "简易程序，可能判处有期徒刑超过三年的延长至一个半月（按1个月15日计算）"
        return plan
    if inp.stage == Stage.FAST_TRACK_TRIAL.value:
        plan = Plan(start, text, 0, 10, "速裁程序审理10日", [ART[225]], spans=spans)
        if extended:
            plan.base_days = 15
            plan.base_text = "速裁程序，可能判处有期徒刑超过一年的延长至15日"
        return plan
    limit, warn = settings.first_instance_limit_months, settings.first_instance_warning_months
    plan = Plan(
        start,
        text,
        limit,
        0,
        f"一审公诉案件{warn}个月内宣判，至迟不得超过{limit}个月（以{limit}个月为超期线）",
        [ART[208]],
        spans=spans,
        warning_months=warn,
    )
    steps = [(ART[208], 3, "经上一级人民法院批准")]
    _ordinal_extensions(evs, K.TRIAL_EXTENDED, start, steps, "经最高人民法院批准（" + ART[208] + "）", plan)
    return plan


def plan_second_instance(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    acc = last_event(evs, [K.SECOND_INSTANCE_ACCEPTED])
    anchor = _anchor(acc, inp, "二审受理")
    if anchor is None:
        return None
    spans = ("psych", "suspension", "file_review")
    plan = Plan(anchor[0], anchor[1], 2, 0, "二审2个月", [ART[243]], spans=spans)
    steps = [(ART[243], 2, "经高级人民法院批准或者决定")]
    _ordinal_extensions(
        evs, K.TRIAL_EXTENDED, anchor[0], steps, "经最高人民法院批准（" + ART[243] + "）", plan
    )
    return plan


def plan_retrial(inp: DetaineeCustodyInput, evs: list[CustodyEventInput]) -> Plan | None:
    if inp.stage_started_on is None:
        return None
    start = inp.stage_started_on
    plan = Plan(
        start, f"再审决定（{zh_date(start)}）", 3, 0, "再审3个月", [ART[258]], spans=("psych", "suspension")
    )
    if _since(evs, K.TRIAL_EXTENDED, start):
        plan.base_months = 6
        plan.base_text = "再审，需要延长的不得超过6个月"
    return plan
