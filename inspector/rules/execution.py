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
from inspector.rules.periods import add_days, add_months, add_months_clamped, zh_date

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

_BASIS_DELIVERY_DAYS = "人民检察院刑事诉讼规则第六百二十五条"
_BASIS_DELIVERY_MONTH = "监狱法第十五条"
_BASIS_STAY = "刑事诉讼法第二百六十四条；人民检察院刑事诉讼规则第六百五十九条"
_BASIS_RELEASE = "人民检察院刑事诉讼规则第六百二十六条"
_BASIS_NOTICE = (
    "刑事诉讼法第二百六十四条；最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释第五百一十一条"
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
        period, basis = "一个月", _BASIS_DELIVERY_MONTH
        setting = "按“一个月”计算（监狱法第十五条）"
    else:
        days = settings.delivery_days
        due = add_days(received_on, days)
        period, basis = f"{days}日", _BASIS_DELIVERY_DAYS
        setting = f"按{days}日计算（刑诉规则第六百二十五条）"
    note = (
        f"交付执行：自{zh_date(received_on)}收到执行通知书起{period}（起算日不计入），至迟{zh_date(due)}；"
        f"本站设置{setting}；罪犯在押，期限不因节假日顺延（刑事诉讼法第一百零五条）"
    )
    return Deadline(due, due, False, True, note, basis, "delivery", received_on, "交付执行")


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
        note = f"已于{zh_date(notice_received_on)}收到执行通知书" + (
            f"（晚于判决生效后十日即{zh_date(due)}）" if late else ""
        )
        return ExecutionNoticeCheck(due, notice_received_on, False, note)
    if today > due:
        note = (
            f"判决{zh_date(judgment_effective_on)}生效，已逾十日（{zh_date(due)}）未收到执行通知书，"
            "应向人民法院了解"
        )
        return ExecutionNoticeCheck(due, None, True, note)
    note = f"判决{zh_date(judgment_effective_on)}生效，人民法院应于{zh_date(due)}前送达执行通知书"
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
    where = "未成年犯管教所" if is_juvenile else "监狱"

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
            lines.append("尚未收到执行通知书，交付期限未开始计算")
        return ServeInCenterDecision(
            outcome,
            decision.value if decision else None,
            reference_date,
            limit,
            term_end,
            remaining,
            delivery if with_delivery else None,
            basis,
            "；".join(lines),
        )

    if kind is None:
        return result("unknown", None, _BASIS_STAY, "未录入刑种，无法判断是否留所服刑")
    if kind == SentenceKind.DETENTION_SENTENCE:
        return result(
            "detention_sentence_in_center",
            DeliveryDecision.DETENTION_SENTENCE_IN_CENTER,
            "刑事诉讼法第二百六十四条",
            "拘役由公安机关执行，在看守所内执行",
        )
    if kind in _RELEASE_KINDS:
        return result(
            "release",
            None,
            _BASIS_RELEASE,
            f"判处{kind.label}，在押的应当立即释放，交社区矫正或有关机关执行",
        )
    if kind in (SentenceKind.DEATH_SUSPENDED, SentenceKind.LIFE):
        return result(
            "must_deliver",
            prison,
            _BASIS_DELIVERY_DAYS,
            f"判处{kind.label}，应交付{where}执行",
            with_delivery=True,
        )
    # fixed term
    if term_end is None or reference_date is None:
        missing = "刑期止日" if term_end is None else "基准日（收到执行通知书之日）"
        return result("unknown", None, _BASIS_STAY, f"未录入{missing}，无法判断剩余刑期是否超过三个月")
    months = settings.serve_in_center_limit_months
    limit = add_months(reference_date, months, settings.month_convention)
    head = f"刑期止日{zh_date(term_end)}，基准日{zh_date(reference_date)}加{months}个月为{zh_date(limit)}"
    if term_end < limit:
        return result(
            "may_stay",
            DeliveryDecision.SERVE_IN_CENTER,
            _BASIS_STAY,
            f"{head}：剩余刑期在{months}个月以下，可由看守所代为执行（留所服刑）",
            limit=limit,
        )
    if term_end > limit:
        return result(
            "must_deliver",
            prison,
            _BASIS_DELIVERY_DAYS + "；" + _BASIS_STAY,
            f"{head}：剩余刑期超过{months}个月，应交付{where}执行，不得留所服刑",
            limit=limit,
            with_delivery=True,
        )
    return result(
        "human_review",
        None,
        _BASIS_STAY,
        f"{head}：剩余刑期恰为{months}个月（“以下”“以上”均含本数），须人工审查决定",
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
