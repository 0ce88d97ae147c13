"""The delivery for execution on the agenda and in the monthly report (issue #12, item 4): a 再审 does
not stop the execution of the judgment under review, and a judgment with no 执行通知书 ten days after it
took effect may already be overdue."""

from __future__ import annotations

import uuid
from datetime import date

from inspector.agenda import AgendaItem, build_agenda
from inspector.documents.monthly_counts import compute_monthly_counts
from inspector.store.models import CustodyEvent, Detainee
from inspector.store.store import Store
from tests.conftest import aware, detainee_values


def sentenced(
    store: Store, name: str, stage: str, stage_started_on: date, events: list[tuple[str, date]]
) -> uuid.UUID:
    """A convict (有期徒刑 to 2030) admitted in January 2026, with ``events``."""
    d = store.repo(Detainee).add(
        detainee_values(
            name=name,
            admitted_at=aware(2026, 1, 5, 2),
            legal_status="convict",
            stage=stage,
            stage_started_on=stage_started_on,
            sentence_kind="fixed_term",
            term_end=date(2030, 6, 30),
        )
    )
    for kind, on in [("arrest", date(2026, 1, 6)), *events]:
        store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": kind, "occurred_on": on})
    return d.id


def delivery_items(store: Store, on: date) -> list[AgendaItem]:
    return [i for i in build_agenda(store, on).items if i.kind == "delivery"]


def test_a_person_in_retrial_is_still_to_be_delivered_for_execution(store: Store) -> None:
    """Judgment effective 3-10, 执行通知书 received 3-12: delivery due 30 days later, 4-11. A 再审 decided on
    3-20 does not stop the execution: on 4-13 the agenda lists the delivery as overdue, beside the
    retrial's own limit, and the monthly report counts it."""
    who = sentenced(
        store,
        "再审甲",
        "retrial",
        date(2026, 3, 20),
        [
            ("first_judgment", date(2026, 2, 27)),
            ("judgment_effective", date(2026, 3, 10)),
            ("execution_notice_received", date(2026, 3, 12)),
        ],
    )
    on = date(2026, 4, 13)
    found = delivery_items(store, on)
    assert [(i.title, i.level, i.subject, i.due, i.record_id) for i in found] == [
        ("逾期未交付执行", "overdue", "再审甲", date(2026, 4, 11), who)
    ]
    assert "再审期间不停止原判决、裁定的执行" in found[0].explanation
    assert found[0].basis and "第六百二十五条" in found[0].basis
    # the retrial's own limit (3 months from 3-20) is not reached
    assert not [i for i in build_agenda(store, on).items if i.kind == "custody" and i.subject == "再审甲"]
    with store.session(read_only=True) as s:
        counts = compute_monthly_counts(s, store.station_id, 2026, 4, today=on)
    assert counts["delivery"]["overdue_now"] == 1
    assert counts["custody"]["overdue_now"] == 0
    # before the due date it is a warning, not overdue
    assert [(i.title, i.level) for i in delivery_items(store, date(2026, 4, 6))] == [
        ("交付执行期限", "warning")
    ]


def test_a_retrial_of_a_judgment_that_never_took_effect_has_no_delivery(store: Store) -> None:
    sentenced(store, "再审乙", "retrial", date(2026, 3, 20), [("first_judgment", date(2026, 2, 27))])
    assert delivery_items(store, date(2026, 5, 1)) == []


def test_no_execution_notice_ten_days_after_the_judgment_is_a_possible_overdue(store: Store) -> None:
    """Judgment effective 3-10 and no 执行通知书 recorded: from 3-21 the agenda shows a possible
    逾期未交付执行, overdue, naming both readings (the court has not sent it, or it came unentered)."""
    sentenced(
        store,
        "待执行丙",
        "awaiting_execution",
        date(2026, 3, 10),
        [("judgment_effective", date(2026, 3, 10))],
    )
    assert delivery_items(store, date(2026, 3, 15)) == []  # within the ten days: nothing yet
    found = delivery_items(store, date(2026, 3, 23))
    assert [(i.title, i.level, i.subject, i.due) for i in found] == [
        ("可能逾期未交付执行", "overdue", "待执行丙", None)
    ]
    text = found[0].explanation
    assert "如人民法院确未送达" in text and "可能已逾期未交付执行" in text  # both readings
    with store.session(read_only=True) as s:
        counts = compute_monthly_counts(s, store.station_id, 2026, 3, today=date(2026, 3, 23))
    assert counts["delivery"]["possible_now"] == 1 and counts["delivery"]["overdue_now"] == 0


def test_a_fast_track_defendant_in_the_appeal_period_is_not_overdue_on_the_agenda(store: Store) -> None:
    """W20 on the agenda and in the report: 速裁 accepted 3-02 (10 days → 3-12), 宣判 3-10, the appeal
    period running on 3-16: no 超期羁押."""
    d = store.repo(Detainee).add(
        detainee_values(
            name="速裁丁", admitted_at=aware(2026, 1, 5, 2), stage="fast_track_trial",
            stage_started_on=date(2026, 3, 2),
        )
    )  # fmt: skip
    for kind, on in (("indicted", date(2026, 3, 2)), ("first_judgment", date(2026, 3, 10))):
        store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": kind, "occurred_on": on})
    on = date(2026, 3, 16)
    assert not [i for i in build_agenda(store, on).items if i.subject == "速裁丁" and i.level == "overdue"]
    with store.session(read_only=True) as s:
        counts = compute_monthly_counts(s, store.station_id, 2026, 3, today=on)
    assert counts["custody"]["overdue_now"] == 0
