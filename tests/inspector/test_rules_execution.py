"""Delivery for execution and 留所服刑: worked examples W11 and W12, custody credit, the 执行通知书 check."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.domain.settings import RuleSettings
from inspector.rules.execution import (
    credited_days,
    delivery_due,
    estimated_term_end,
    execution_notice_check,
    reference_date_for,
    remaining_term_days,
    serve_in_center_decision,
)

ONE_MONTH = RuleSettings(delivery_convention="one_month")


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2026, 3, 10), date(2026, 4, 9)),  # W11(a)
        (date(2026, 12, 2), date(2027, 1, 1)),  # W11(b): 元旦, stays — the convict is in custody
        (date(2026, 1, 31), date(2026, 3, 2)),  # W11(c)
    ],
)
def test_w11_delivery_30_days(received: date, expected: date) -> None:
    d = delivery_due(received)
    assert (d.due, d.raw_due, d.moved, d.certain) == (expected, expected, False, True)
    assert d.basis == "人民检察院刑事诉讼规则第六百二十五条"
    assert "按30日计算" in d.note and "不因节假日顺延" in d.note


def test_w11_one_month_reading() -> None:
    d = delivery_due(date(2026, 1, 31), ONE_MONTH)
    assert d.due == date(2026, 2, 28)
    assert d.basis == "监狱法第十五条"
    assert "一个月" in d.note
    assert delivery_due(date(2026, 3, 10), ONE_MONTH).due == date(2026, 4, 10)


def test_w12_may_stay() -> None:
    r = serve_in_center_decision("fixed_term", date(2026, 11, 30), date(2026, 9, 10))
    assert r.outcome == "may_stay"
    assert r.decision == "serve_in_center"
    assert r.limit_date == date(2026, 12, 10)
    assert r.delivery is None
    assert r.remaining_days == 81


def test_w12_must_deliver() -> None:
    r = serve_in_center_decision("fixed_term", date(2026, 12, 20), date(2026, 9, 10))
    assert r.outcome == "must_deliver"
    assert r.decision == "deliver_to_prison"
    assert r.delivery is not None and r.delivery.due == date(2026, 10, 10)  # Saturday, stays
    juvenile = serve_in_center_decision("fixed_term", date(2026, 12, 20), date(2026, 9, 10), is_juvenile=True)
    assert juvenile.decision == "deliver_to_juvenile_institution"
    assert "未成年犯管教所" in juvenile.explanation


def test_w12_boundary_goes_to_human_review() -> None:
    r = serve_in_center_decision("fixed_term", date(2026, 12, 10), date(2026, 9, 10))
    assert r.outcome == "human_review"
    assert r.decision is None
    assert "人工审查" in r.explanation


def test_delivery_counts_from_notice_receipt_when_reference_differs() -> None:
    r = serve_in_center_decision(
        "fixed_term", date(2027, 6, 1), date(2026, 9, 20), notice_received_on=date(2026, 9, 10)
    )
    assert r.delivery is not None and r.delivery.due == date(2026, 10, 10)


@pytest.mark.parametrize(
    ("kind", "outcome"),
    [
        ("detention_sentence", "detention_sentence_in_center"),
        ("life", "must_deliver"),
        ("death_suspended", "must_deliver"),
        ("surveillance", "release"),
        ("probation", "release"),
        ("fine_only", "release"),
        ("none", "release"),
        (None, "unknown"),
    ],
)
def test_other_sentence_kinds(kind: str | None, outcome: str) -> None:
    r = serve_in_center_decision(kind, None, date(2026, 9, 10))
    assert r.outcome == outcome


def test_missing_term_end_cannot_decide() -> None:
    r = serve_in_center_decision("fixed_term", None, date(2026, 9, 10))
    assert r.outcome == "unknown" and "刑期止日" in r.explanation
    with pytest.raises(ValueError):
        serve_in_center_decision("hanging", None, None)


def test_reference_date_setting() -> None:
    received, today = date(2026, 9, 10), date(2026, 9, 15)
    assert (
        reference_date_for(RuleSettings(), execution_notice_received_on=received, decision_date=today)
        == received
    )
    by_decision = RuleSettings(serve_in_center_reference="decision_date")
    assert (
        reference_date_for(by_decision, execution_notice_received_on=received, decision_date=today) == today
    )


def test_execution_notice_check() -> None:
    effective = date(2026, 9, 1)
    assert not execution_notice_check(effective, None, date(2026, 9, 11)).ask_court
    late = execution_notice_check(effective, None, date(2026, 9, 12))
    assert late.ask_court and late.due == date(2026, 9, 11)
    assert "应向人民法院了解" in late.note
    received = execution_notice_check(effective, date(2026, 9, 15), date(2026, 9, 20))
    assert not received.ask_court and "晚于" in received.note


def test_custody_credit() -> None:
    assert credited_days(100, "fixed_term") == 100
    assert credited_days(100, "detention_sentence") == 100
    assert credited_days(100, "surveillance") == 200
    assert credited_days(100, "probation") == 0
    with pytest.raises(ValueError):
        credited_days(-1, "fixed_term")


def test_term_helpers() -> None:
    credited = credited_days((date(2026, 6, 1) - date(2026, 1, 10)).days, "fixed_term")
    assert credited == 142
    # held from 2026-01-10, one year → 刑期自2026年1月10日起至2027年1月9日止
    assert estimated_term_end(date(2026, 6, 1), 12, credited=credited) == date(2027, 1, 9)
    assert estimated_term_end(date(2026, 1, 10), 12) == date(2027, 1, 9)
    assert estimated_term_end(date(2026, 1, 10), 0, 30) == date(2026, 2, 8)
    assert remaining_term_days(date(2026, 11, 30), date(2026, 9, 10)) == 81
    assert remaining_term_days(date(2026, 9, 1), date(2026, 9, 10)) == 0
