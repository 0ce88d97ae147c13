"""Delivery for execution and 留所服刑 (docs/domain.md, "Delivery for execution and 留所服刑").

* The court sends the 执行通知书 within 10 days of the judgment taking effect (CPL art 264; 法院解释
  art 511) — if it has not arrived by then, ask the court.
* A convict to be sent to prison is delivered within 30 days of receipt of the papers (Rules 2019 art
  625(二)); the "一个月" wording of 监狱法 art 15 is the ``delivery_convention="one_month"`` setting. The
  convict is in custody, so the date never moves for holidays (CPL art 105).
* 有期徒刑 with 剩余刑期 ≤ 3 months → the 看守所 executes it (CPL art 264); keeping one with more than
  3 months is a violation (Rules 2019 art 659(一)). Decision rule [DERIVED]: compare ``term_end`` (from the
  judgment) with ``reference_date`` + 3 months: before → may stay; after → deliver; equal → human review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from inspector.domain.enums import DeliveryDecision, SentenceKind
from inspector.domain.settings import RuleSettings
from inspector.rules._labels import member
from inspector.rules.deadlines import Deadline
from inspector.rules.periods import add_days, add_months, add_months_clamped
from inspector.rules.text import Label, cite, define, join

__all__ = [
    "EXECUTION_NOTICE_DAYS",
    "ExecutionNoticeCheck",
    "ServeInCenterDecision",
    "ServeInCenterOutcome",
    "credited_days",
    "delivery_due",
    "estimated_term_end",
    "execution_notice_check",
    "reference_date_for",
    "remaining_term_days",
    "serve_in_center_decision",
]

EXECUTION_NOTICE_DAYS = 10
"""Court sends the 执行通知书 within 10 days of the judgment taking effect (CPL art 264) [LAW]."""

_RULES = "人民检察院刑事诉讼规则"
_BASIS_DELIVERY_DAYS = cite(_RULES, 625)
_BASIS_DELIVERY_MONTH = cite("监狱法", 15)
_BASIS_STAY = join("；", (cite("刑事诉讼法", 264), cite(_RULES, 659)))
_BASIS_RELEASE = cite(_RULES, 626)
_BASIS_NOTICE = join(
    "；", (cite("刑事诉讼法", 264), cite("最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", 511))
)
_ONE_MONTH = define("execution.one_month", "一个月", "one month")
_DAYS = define("period.days", "{n}日", "{n} days")
_BY_MONTH = define("execution.by_month", "按“一个月”计算（{basis}）", "as “one month” ({basis})")
_BY_DAYS = define("execution.by_days", "按{days}日计算（{basis}）", "as {days} days ({basis})")
_DELIVERY_NOTE = define(
    "execution.delivery_note",
    "交付执行：自{received}收到执行通知书起{period}（起算日不计入），至迟{due}；本站设置{setting}；"
    "罪犯在押，期限不因节假日顺延（{basis}）",
    "Delivery for execution: {period} from receipt of the execution notice on {received} (that day not"
    " counted), by {due} at the latest; this station counts it {setting}; the convict is in custody, so the"
    " time limit is not extended for holidays ({basis})",
)
_DELIVERY = define("agenda.custody.delivery_short", "交付执行", "Delivery for execution")
_NOTICE_RECEIVED = define(
    "execution.notice_received", "已于{day}收到执行通知书", "Execution notice received on {day}"
)
_NOTICE_RECEIVED_LATE = define(
    "execution.notice_received_late",
    "已于{day}收到执行通知书（晚于判决生效后十日即{due}）",
    "Execution notice received on {day} (later than 10 days after the judgment took effect, {due})",
)
_NOTICE_MISSING = define(
    "execution.notice_missing",
    "判决{effective}生效，已逾十日（{due}）未收到执行通知书，应向人民法院了解",
    "The judgment took effect on {effective}; more than 10 days on ({due}) no execution notice has arrived:"
    " ask the court",
)
_NOTICE_DUE = define(
    "execution.notice_due",
    "判决{effective}生效，人民法院应于{due}前送达执行通知书",
    "The judgment took effect on {effective}; the court is to serve the execution notice by {due}",
)
_NOT_RECEIVED = define(
    "execution.not_received",
    "尚未收到执行通知书，交付期限未开始计算",
    "No execution notice received yet: the time limit for delivery has not started",
)
_NO_KIND = define(
    "execution.no_kind",
    "未录入刑种，无法判断是否留所服刑",
    "The kind of sentence is not entered: whether the sentence may be served in the centre cannot be decided",
)
_DETENTION_SENTENCE = define(
    "execution.detention_sentence",
    "拘役由公安机关执行，在看守所内执行",
    "Criminal detention is executed by the public security organ, in the detention centre",
)
_RELEASE = define(
    "execution.release",
    "判处{kind}，在押的应当立即释放，交社区矫正或有关机关执行",
    "Sentenced to {kind}: if in custody, released at once and handed to community correction or the"
    " authority concerned",
)
_PRISON = define("execution.prison", "监狱", "a prison")
_JUVENILE = define("execution.juvenile", "未成年犯管教所", "a juvenile offenders' institution")
_MUST_DELIVER = define(
    "execution.must_deliver",
    "判处{kind}，应交付{where}执行",
    "Sentenced to {kind}: to be delivered to {where}",
)
_TERM_END = define("execution.term_end", "刑期止日", "the end of the term")
_REFERENCE = define(
    "execution.reference",
    "基准日（收到执行通知书之日）",
    "the reference date (receipt of the execution notice)",
)
_MISSING = define(
    "execution.missing",
    "未录入{what}，无法判断剩余刑期是否超过三个月",
    "{what} is not entered: whether more than three months of the term remain cannot be decided",
)
_HEAD = define(
    "execution.head",
    "刑期止日{end}，基准日{reference}加{months}个月为{limit}",
    "Term ends {end}; reference date {reference} + {months} months = {limit}",
)
_MAY_STAY = define(
    "execution.may_stay",
    "{head}：剩余刑期在{months}个月以下，可由看守所代为执行（留所服刑）",
    "{head}: {months} months or less remain, so the detention centre may execute the sentence (serving in the"
    " centre)",
)
_DELIVER = define(
    "execution.deliver",
    "{head}：剩余刑期超过{months}个月，应交付{where}执行，不得留所服刑",
    "{head}: more than {months} months remain, so the convict is to be delivered to {where} and may not"
    " serve in the centre",
)
_REVIEW = define(
    "execution.review",
    "{head}：剩余刑期恰为{months}个月（“以下”“以上”均含本数），须人工审查决定",
    "{head}: exactly {months} months remain (“or less” and “or more” both include the number): a person must"
    " review and decide",
)

_DEFAULT_SETTINGS = RuleSettings()

ServeInCenterOutcome = Literal[
    "may_stay", "must_deliver", "human_review", "detention_sentence_in_center", "release", "unknown"
]

_RELEASE_KINDS = frozenset(
    {SentenceKind.SURVEILLANCE, SentenceKind.PROBATION, SentenceKind.FINE_ONLY, SentenceKind.NONE}
)


def delivery_due(received_on: date, settings: RuleSettings = _DEFAULT_SETTINGS) -> Deadline:
    """Delivery to prison due: 执行通知书 received + 30 days (or one month, per setting). Never moved."""
    if settings.delivery_convention == "one_month":
        due = add_months(received_on, 1, settings.month_convention)
        period, basis = _ONE_MONTH(), _BASIS_DELIVERY_MONTH
        setting = _BY_MONTH(basis=cite("监狱法", 15))
    else:
        days = settings.delivery_days
        due = add_days(received_on, days)
        period, basis = _DAYS(n=days), _BASIS_DELIVERY_DAYS
        setting = _BY_DAYS(days=days, basis=cite("刑诉规则", 625))
    note = _DELIVERY_NOTE(
        received=received_on, period=period, due=due, setting=setting, basis=cite("刑事诉讼法", 105)
    )
    return Deadline(due, due, False, True, note, basis, "delivery", received_on, _DELIVERY())


@dataclass(frozen=True)
class ExecutionNoticeCheck:
    """Whether the 执行通知书 is late: ``due`` = judgment effective + 10 days; ``ask_court`` once past it
    without receipt."""

    due: date
    received_on: date | None
    ask_court: bool
    note: str
    basis: str = _BASIS_NOTICE


def execution_notice_check(
    judgment_effective_on: date, notice_received_on: date | None, today: date
) -> ExecutionNoticeCheck:
    due = add_days(judgment_effective_on, EXECUTION_NOTICE_DAYS)
    if notice_received_on is not None:
        late = notice_received_on > due
        note = (_NOTICE_RECEIVED_LATE if late else _NOTICE_RECEIVED)(day=notice_received_on, due=due)
        return ExecutionNoticeCheck(due, notice_received_on, False, note)
    if today > due:
        note = _NOTICE_MISSING(effective=judgment_effective_on, due=due)
        return ExecutionNoticeCheck(due, None, True, note)
    note = _NOTICE_DUE(effective=judgment_effective_on, due=due)
    return ExecutionNoticeCheck(due, None, False, note)


def reference_date_for(
    settings: RuleSettings, *, execution_notice_received_on: date | None, decision_date: date
) -> date | None:
    """The 余刑 reference date per ``serve_in_center_reference``: receipt of the 执行通知书 (default; ``None``
    if not yet received) or the day the decision is made."""
    if settings.serve_in_center_reference == "decision_date":
        return decision_date
    return execution_notice_received_on


@dataclass(frozen=True)
class ServeInCenterDecision:
    """The 留所服刑 check for one convict. ``decision`` is the suggested
    :class:`~inspector.domain.enums.DeliveryDecision` value (``None`` for human review, release or
    missing data); ``delivery`` is the delivery deadline when one applies."""

    outcome: ServeInCenterOutcome
    decision: str | None
    reference_date: date | None
    limit_date: date | None
    term_end: date | None
    remaining_days: int | None
    delivery: Deadline | None
    basis: str
    explanation: str


def serve_in_center_decision(
    sentence_kind: str | None,
    term_end: date | None,
    reference_date: date | None,
    settings: RuleSettings = _DEFAULT_SETTINGS,
    *,
    notice_received_on: date | None = None,
    is_juvenile: bool = False,
) -> ServeInCenterDecision:
    """Decide 留所服刑 vs delivery. ``term_end`` is copied from the judgment (never computed here);
    ``reference_date`` per :func:`reference_date_for`. The delivery deadline counts from
    ``notice_received_on`` (default: ``reference_date``)."""
    try:
        kind = member(SentenceKind, sentence_kind) if sentence_kind is not None else None
    except ValueError as exc:
        raise ValueError(f"unknown sentence kind {sentence_kind!r}") from exc
    received = notice_received_on if notice_received_on is not None else reference_date
    delivery = delivery_due(received, settings) if received is not None else None
    prison = DeliveryDecision.DELIVER_TO_JUVENILE if is_juvenile else DeliveryDecision.DELIVER_TO_PRISON
    where = _JUVENILE() if is_juvenile else _PRISON()

    def result(
        outcome: ServeInCenterOutcome,
        decision: DeliveryDecision | None,
        basis: str,
        text: str,
        *,
        limit: date | None = None,
        with_delivery: bool = False,
    ) -> ServeInCenterDecision:
        remaining = (term_end - reference_date).days if term_end and reference_date else None
        lines = [text]
        if with_delivery and delivery is not None:
            lines.append(delivery.note)
        elif with_delivery:
            lines.append(_NOT_RECEIVED())
        return ServeInCenterDecision(
            outcome,
            decision.value if decision else None,
            reference_date,
            limit,
            term_end,
            remaining,
            delivery if with_delivery else None,
            basis,
            join("；", lines),
        )

    if kind is None:
        return result("unknown", None, _BASIS_STAY, _NO_KIND())
    if kind == SentenceKind.DETENTION_SENTENCE:
        return result(
            "detention_sentence_in_center",
            DeliveryDecision.DETENTION_SENTENCE_IN_CENTER,
            cite("刑事诉讼法", 264),
            _DETENTION_SENTENCE(),
        )
    if kind in _RELEASE_KINDS:
        return result(
            "release",
            None,
            _BASIS_RELEASE,
            _RELEASE(kind=Label(kind.label)),
        )
    if kind in (SentenceKind.DEATH_SUSPENDED, SentenceKind.LIFE):
        return result(
            "must_deliver",
            prison,
            _BASIS_DELIVERY_DAYS,
            _MUST_DELIVER(kind=Label(kind.label), where=where),
            with_delivery=True,
        )
    # fixed term
    if term_end is None or reference_date is None:
        missing = _TERM_END() if term_end is None else _REFERENCE()
        return result("unknown", None, _BASIS_STAY, _MISSING(what=missing))
    months = settings.serve_in_center_limit_months
    limit = add_months(reference_date, months, settings.month_convention)
    head = _HEAD(end=term_end, reference=reference_date, months=months, limit=limit)
    if term_end < limit:
        return result(
            "may_stay",
            DeliveryDecision.SERVE_IN_CENTER,
            _BASIS_STAY,
            _MAY_STAY(head=head, months=months),
            limit=limit,
        )
    if term_end > limit:
        return result(
            "must_deliver",
            prison,
            join("；", (_BASIS_DELIVERY_DAYS, _BASIS_STAY)),
            _DELIVER(head=head, months=months, where=where),
            limit=limit,
            with_delivery=True,
        )
    return result(
        "human_review",
        None,
        _BASIS_STAY,
        _REVIEW(head=head, months=months),
        limit=limit,
        with_delivery=True,
    )


# ---------------------------------------------------------------------- term helpers (刑法 arts 41, 44, 47)


def credited_days(custody_days: int, sentence_kind: str) -> int:
    """Pre-trial custody credit in days of sentence: 1:1 for 有期徒刑 and 拘役, 1:2 for 管制 (刑法 arts 41,
    44, 47). Other kinds have no term to credit (0)."""
    if custody_days < 0:
        raise ValueError("custody_days must not be negative")
    kind = member(SentenceKind, sentence_kind)
    if kind in (SentenceKind.FIXED_TERM, SentenceKind.DETENTION_SENTENCE):
        return custody_days
    if kind == SentenceKind.SURVEILLANCE:
        return 2 * custody_days
    return 0


def remaining_term_days(term_end: date, on: date) -> int:
    """Days of term left after ``on`` (0 when the term has ended)."""
    return max(0, (term_end - on).days)


def estimated_term_end(term_start: date, months: int, days: int = 0, credited: int = 0) -> date:
    """A cross-check for the judgment's 刑期止日 (the judgment's date always wins): the last day of a term of
    ``months`` months and ``days`` days executed from ``term_start``, less ``credited`` days
    (:func:`credited_days`). E.g. executed 2026-06-01, 1 year, 142 days credited → 2027-01-09."""
    if months < 0 or days < 0 or credited < 0:
        raise ValueError("months, days and credited must not be negative")
    return add_months_clamped(term_start, months) + timedelta(days=days - 1 - credited)
