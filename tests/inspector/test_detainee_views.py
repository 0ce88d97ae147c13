"""A detainee's overview: particulars, custody stages with the engine's deadlines (worked examples of
docs/domain §5), the current deadline, and the timeline of every record about the person."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import pytest

from inspector.domain.idnumber import make_id_number
from inspector.domain.validation import SHANGHAI
from inspector.services.detainee_views import (
    REGISTERED_STAGE,
    DetaineeOverview,
    StageRow,
    detainee_overview,
    mask_id_number,
    stage_after,
)
from inspector.store.models import (
    CustodyEvent,
    Detainee,
    ExecutionDeliveryCheck,
    Finding,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import RecordNotFoundError
from inspector.store.store import Store
from tests.conftest import detainee_values

ID_NUMBER = make_id_number("520102", date(1990, 1, 1), 123)  # 52010219900101123X


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]


def _person(store: Store, **over: Any) -> Detainee:
    values = detainee_values(
        name="李四",
        id_number=None,
        admitted_at=local(2026, 1, 10, 9, 0),
        case_authority="测试区公安分局",
        charges="盗窃罪",
        stage="investigation",
        stage_started_on=date(2026, 1, 20),
    )
    values.update(over)
    return store.repo(Detainee).add(values)


def _event(store: Store, person: Detainee, kind: str, on: date, **over: Any) -> CustodyEvent:
    return store.repo(CustodyEvent).add({"detainee_id": person.id, "kind": kind, "occurred_on": on, **over})


def _w2_path(store: Store, person: Detainee) -> None:
    """拘留 → 提请批准逮捕 → 逮捕 (W2: 2026-01-20) → art 156 and art 158 extensions."""
    _event(store, person, "detention", date(2026, 1, 10), authority="测试区公安分局")
    _event(store, person, "arrest_requested", date(2026, 1, 13))
    _event(store, person, "arrest", date(2026, 1, 20), document_no="测公捕字〔2026〕12号")
    _event(
        store,
        person,
        "investigation_extended",
        date(2026, 3, 15),
        extension_months=1,
        legal_basis="刑事诉讼法第一百五十六条",
    )
    _event(
        store,
        person,
        "investigation_extended",
        date(2026, 4, 15),
        extension_months=2,
        legal_basis="刑事诉讼法第一百五十八条",
    )


def _brief(row: StageRow) -> tuple[str, date | None, str, date | None]:
    return (row.event_label, row.occurred_on, row.stage_label, row.deadline)


def test_stages_follow_the_events_with_the_engines_deadlines_w2(store: Store) -> None:
    person = _person(store, id_number=ID_NUMBER)
    _w2_path(store, person)

    view = detainee_overview(store, person.id, today=date(2026, 6, 15))

    assert [_brief(r) for r in view.stages] == [
        ("拘留", date(2026, 1, 10), "刑事拘留", date(2026, 1, 13)),  # art 91: 3 days
        ("提请批准逮捕", date(2026, 1, 13), "审查逮捕", date(2026, 1, 20)),  # art 91: 7 days (W4)
        ("逮捕", date(2026, 1, 20), "侦查羁押", date(2026, 3, 20)),  # W2 base 2 months
        ("延长侦查羁押期限", date(2026, 3, 15), "侦查羁押", date(2026, 4, 20)),  # W2 + art 156
        ("延长侦查羁押期限", date(2026, 4, 15), "侦查羁押", date(2026, 6, 20)),  # W2 + art 158 (Sat)
    ]
    detention, review, arrest, first, second = view.stages
    assert detention.basis == "刑事诉讼法第九十一条"
    assert detention.rule == "提请审查批准逮捕3日（刑事诉讼法第九十一条）"
    assert review.basis == "刑事诉讼法第九十一条"
    assert arrest.basis == "刑事诉讼法第一百五十六条"
    assert arrest.rule == "逮捕后侦查羁押2个月（刑事诉讼法第一百五十六条）"
    assert first.rule.startswith("延长：") and "刑事诉讼法第一百五十六条" in first.rule
    assert second.basis == "刑事诉讼法第一百五十六条、刑事诉讼法第一百五十八条"
    # the engine appends the basis written on the event; the row does not repeat it
    assert second.rule == "延长：2026年4月15日经省级人民检察院批准延长2个月（刑事诉讼法第一百五十八条）"
    assert second.entered_basis == "刑事诉讼法第一百五十八条"
    assert detention.authority == "测试区公安分局"
    assert arrest.document_no == "测公捕字〔2026〕12号"
    # each limit was met before the next change; the one running now ends in 5 days
    assert [r.overdue for r in view.stages] == [False] * 5
    assert [r.current for r in view.stages] == [False, False, False, False, True]
    assert second.due_soon and second.days_left == 5 and second.weekday == "周六"
    assert not any(r.due_soon for r in view.stages[:-1])

    current = view.current
    assert current.deadline == date(2026, 6, 20)
    assert current.status == "warning"
    assert current.basis == second.basis
    assert "羁押期限届满日：2026年6月20日（周六）" in current.explanation
    # the station's holiday calendar is used: W2's 06-20 is 端午节 and stays (art 105)
    assert (
        "该日为法定节假日（端午节），羁押期限依法不因节假日延长（刑事诉讼法第一百零五条）"
        in current.explanation
    )
    assert view.current_row is second

    p = view.particulars
    assert (p.name, p.gender, p.cell, p.case_authority, p.charges) == (
        "李四",
        "男",
        "103",
        "测试区公安分局",
        "盗窃罪",
    )
    assert p.id_number == ID_NUMBER and p.id_number_masked == "**************123X"
    assert p.admitted_on == date(2026, 1, 10) and p.stage_label == "侦查羁押" and p.held


def test_the_running_limit_passed_is_overdue_by_the_days_since(store: Store) -> None:
    person = _person(store)
    _w2_path(store, person)
    view = detainee_overview(store, person.id, today=date(2026, 6, 22))
    last = view.stages[-1]
    assert last.overdue and last.overdue_days == 2 and not last.due_soon and last.days_left == -2
    assert view.current.status == "overdue"
    assert "已超期羁押2日" in view.current.explanation
    assert view.warning_days == 7


def test_a_far_deadline_is_neither_due_soon_nor_overdue(store: Store) -> None:
    person = _person(store)
    _w2_path(store, person)
    last = detainee_overview(store, person.id, today=date(2026, 5, 1)).stages[-1]
    assert (last.overdue, last.due_soon, last.days_left) == (False, False, 50)


def test_detention_extension_w4_and_a_late_arrest_marks_the_past_stage_overdue(store: Store) -> None:
    person = _person(store, admitted_at=local(2026, 3, 2, 9, 0), stage_started_on=date(2026, 3, 17))
    _event(store, person, "detention", date(2026, 3, 2))
    _event(store, person, "investigation_extended", date(2026, 3, 4), extension_days=4)
    _event(store, person, "arrest_requested", date(2026, 3, 9))
    _event(store, person, "arrest", date(2026, 3, 17))  # decision was due 03-16: one day late

    view = detainee_overview(store, person.id, today=date(2026, 4, 1))

    assert [_brief(r) for r in view.stages] == [
        ("拘留", date(2026, 3, 2), "刑事拘留", date(2026, 3, 5)),  # W4: +3 days
        ("延长侦查羁押期限", date(2026, 3, 4), "刑事拘留", date(2026, 3, 9)),  # W4: extended to 7
        ("提请批准逮捕", date(2026, 3, 9), "审查逮捕", date(2026, 3, 16)),
        ("逮捕", date(2026, 3, 17), "侦查羁押", date(2026, 5, 17)),
    ]
    assert view.stages[1].rule == "延长：特殊情况延长4日（最长至7日，刑事诉讼法第九十一条）"
    assert [r.overdue_days for r in view.stages] == [None, None, 1, None]
    assert view.stages[2].overdue and not view.stages[2].current


def test_a_stage_registered_without_events_gets_its_own_row_w5(store: Store) -> None:
    person = _person(store, stage="prosecution_review", stage_started_on=date(2026, 4, 10))
    view = detainee_overview(store, person.id, today=date(2026, 5, 5))
    (row,) = view.stages
    assert row.event_label == REGISTERED_STAGE and row.event_id is None
    assert (row.occurred_on, row.stage_label, row.deadline) == (
        date(2026, 4, 10),
        "审查起诉",
        date(2026, 5, 10),
    )
    assert row.basis == "刑事诉讼法第一百七十二条" and row.current and row.due_soon
    assert view.current.deadline == date(2026, 5, 10)


def test_the_register_stage_beyond_the_events_is_the_last_row(store: Store) -> None:
    person = _person(store, stage="prosecution_review", stage_started_on=date(2026, 4, 10))
    _event(store, person, "arrest", date(2026, 3, 1))
    view = detainee_overview(store, person.id, today=date(2026, 4, 20))
    assert [(r.event_label, r.stage_label, r.deadline) for r in view.stages] == [
        ("逮捕", "侦查羁押", date(2026, 5, 1)),
        (REGISTERED_STAGE, "审查起诉", date(2026, 5, 10)),
    ]
    assert [r.current for r in view.stages] == [False, True]
    assert not view.stages[0].overdue  # superseded on 04-10, before its limit


def test_after_release_nothing_runs(store: Store) -> None:
    person = _person(store, stage="discharged", discharged_on=date(2026, 2, 1), discharge_kind="released")
    _event(store, person, "detention", date(2026, 1, 10))
    _event(store, person, "released", date(2026, 1, 12))
    view = detainee_overview(store, person.id, today=date(2026, 3, 1))
    assert [(r.stage_label, r.deadline) for r in view.stages] == [
        ("刑事拘留", date(2026, 1, 13)),
        ("已出所", None),
    ]
    assert not any(r.current or r.overdue or r.due_soon for r in view.stages)
    assert view.current.status == "not_applicable" and view.current.deadline is None
    assert not view.particulars.held and view.particulars.discharge_kind == "释放"


def test_stage_after_events() -> None:
    assert stage_after("arrest", "arrest_review", "investigation") == "investigation"
    assert stage_after("investigation_extended", "investigation", "investigation") == "investigation"
    assert stage_after("retransferred", "supplementary_investigation", "x") == "prosecution_review"
    assert stage_after("retransferred", "first_instance", "first_instance") == "first_instance"
    assert stage_after("procedure_converted", "first_instance", "summary_trial") == "summary_trial"
    assert stage_after("procedure_converted", "prosecution_review", "summary_trial") == "prosecution_review"
    assert stage_after("custody_handover", None, "second_instance") == "second_instance"
    assert mask_id_number("520102199001011234") == "**************1234"
    assert mask_id_number(None) == "" and mask_id_number("1234") == "1234"


# ---- timeline ----------------------------------------------------------------------------------------


def _opening(store: Store) -> MailboxOpening:
    return store.repo(MailboxOpening).add(
        {"opened_at": local(2026, 3, 1, 9, 0), "opener_ids": [str(store.actor.user_id)], "letter_count": 1}
    )


def _about(store: Store, person: Detainee, other: Detainee) -> dict[str, uuid.UUID]:
    """A talk, a confidential letter, two findings (both id forms), a notice, a delivery check."""
    ids: dict[str, uuid.UUID] = {}
    ids["talk"] = (
        store.repo(Talk)
        .add(
            {
                "talk_at": local(2026, 2, 1, 10, 0),
                "detainee_id": person.id,
                "talk_type": "new_admission",
                "interviewer_ids": [str(store.actor.user_id)],
                "issues_raised": True,
                "issues_summary": "反映同监室人员欺负\n第二行",
            }
        )
        .id
    )
    opening = _opening(store)
    ids["letter"] = (
        store.repo(MailboxLetter)
        .add(
            {
                "opening_id": opening.id,
                "serial_no": 1,
                "detainee_id": person.id,
                "category": "accusation",
                "subject": "控告管教民警打骂",
                "confidential": True,
                "accepted_on": date(2026, 3, 1),
                "status": "in_review",
            }
        )
        .id
    )
    finding = {"description": "103监室夜间值班人员脱岗", "severity": "hazard", "source": "patrol"}
    ids["finding_hex"] = (
        store.repo(Finding).add({**finding, "found_on": date(2026, 4, 1), "detainee_ids": [person.id.hex]}).id
    )
    ids["finding_str"] = (
        store.repo(Finding)
        .add(
            {**finding, "found_on": date(2026, 4, 2), "detainee_ids": [str(other.id), str(person.id).upper()]}
        )
        .id
    )
    store.repo(Finding).add({**finding, "found_on": date(2026, 4, 3), "detainee_ids": [str(other.id)]})
    ids["notice"] = (
        store.repo(RectificationNotice)
        .add(
            {
                "issuer_name": "测试区人民检察院",
                "addressee": "测试区公安分局",
                "trigger": "overdue_custody",
                "detainee_id": person.id,
                "facts": "李四侦查羁押期限届满后未变更强制措施",
                "state": "served",
                "issued_on": date(2026, 5, 1),
                "served_on": date(2026, 5, 2),
            }
        )
        .id
    )
    ids["other_talk"] = (
        store.repo(Talk)
        .add(
            {
                "talk_at": local(2026, 2, 2, 10, 0),
                "detainee_id": other.id,
                "talk_type": "routine",
                "interviewer_ids": [str(store.actor.user_id)],
            }
        )
        .id
    )
    return ids


def test_timeline_lists_every_record_about_the_person_newest_first(store: Store) -> None:
    person = _person(store)
    other = _person(store, name="王五")
    _w2_path(store, person)
    ids = _about(store, person, other)
    gone = store.repo(Talk).add(
        {
            "talk_at": local(2026, 5, 20, 9, 0),
            "detainee_id": person.id,
            "talk_type": "routine",
            "interviewer_ids": [str(store.actor.user_id)],
        }
    )
    store.repo(Talk).soft_delete(gone.id)

    view: DetaineeOverview = detainee_overview(store, person.id, today=date(2026, 6, 15))
    line = [(e.on, e.kind) for e in view.timeline]
    assert line == [
        (date(2026, 5, 1), "rectification_notice"),
        (date(2026, 4, 15), "custody_event"),
        (date(2026, 4, 2), "finding"),
        (date(2026, 4, 1), "finding"),
        (date(2026, 3, 15), "custody_event"),
        (date(2026, 3, 1), "mailbox_letter"),
        (date(2026, 2, 1), "talk"),
        (date(2026, 1, 20), "custody_event"),
        (date(2026, 1, 13), "custody_event"),
        (date(2026, 1, 10), "custody_event"),
    ]
    by_id = {e.record_id: e for e in view.timeline}
    assert ids["other_talk"] not in by_id and gone.id not in by_id
    assert {ids["finding_hex"], ids["finding_str"]} <= set(by_id)

    talk = by_id[ids["talk"]]
    assert talk.kind_label == "个别谈话" and talk.at == local(2026, 2, 1, 10, 0)
    assert talk.summary == "新收押谈话 · 反映问题：反映同监室人员欺负" and not talk.confidential
    letter = by_id[ids["letter"]]
    assert letter.confidential and letter.kind_label == "检察官信箱来信"
    assert letter.summary == "控告 · 控告管教民警打骂 · 审查中"
    assert letter.parent_kind == "mailbox_opening" and letter.parent_id is not None
    finding = by_id[ids["finding_hex"]]
    assert finding.summary == "安全隐患 · 103监室夜间值班人员脱岗 · 未解决"
    notice = by_id[ids["notice"]]
    assert notice.kind_label == "纠正违法通知书"
    assert notice.summary == "未编号 · 超期羁押 · 李四侦查羁押期限届满后未变更强制措施 · 已送达"
    event = view.timeline[1]
    assert event.summary == "延长侦查羁押期限 · 延长2个月 · 刑事诉讼法第一百五十八条"
    assert event.parent_kind == "detainee" and event.parent_id == person.id


def test_an_oral_correction_in_the_timeline_reads_as_its_notice_left_it(store: Store) -> None:
    """Escalated, an oral correction follows its notice: 已纠正（经纠正违法通知书） once the notice is
    closed (even a notice closed before the step recorded the oral correction as corrected)."""
    person = _person(store)
    shown: dict[str, uuid.UUID] = {}
    for name, notice_state in (("open", None), ("escalated", "served"), ("closed", "closed")):
        oral = store.repo(OralCorrection).add(
            {
                "issued_on": date(2026, 4, 1),
                "addressee_unit": "测试区看守所",
                "source": "patrol",
                "facts": f"103监室值班人员脱岗（{name}）",
            }
        )
        store.repo(Finding).add(
            {
                "description": "103监室值班人员脱岗",
                "severity": "flaw",
                "source": "patrol",
                "found_on": date(2026, 4, 1),
                "detainee_ids": [str(person.id)],
                "oral_correction_id": oral.id,
            }
        )
        if notice_state is not None:
            store.repo(RectificationNotice).add(
                {
                    "issuer_name": "测试区人民检察院",
                    "addressee": "测试区看守所",
                    "trigger": "oral_not_corrected",
                    "facts": "口头纠正后未整改",
                    "state": notice_state,
                    "oral_correction_id": oral.id,
                }
            )
        shown[name] = oral.id
    view = detainee_overview(store, person.id, today=date(2026, 6, 15))
    by_id = {e.record_id: e.summary for e in view.timeline}
    assert by_id[shown["open"]].endswith(" · 未纠正")
    assert by_id[shown["escalated"]].endswith(" · 已制发纠正违法通知书")
    assert by_id[shown["closed"]].endswith(" · 已纠正（经纠正违法通知书）")


def test_same_day_entries_keep_the_order_they_happened_in(store: Store) -> None:
    person = _person(store)
    for hour in (9, 15, 11):
        store.repo(Talk).add(
            {
                "talk_at": local(2026, 2, 1, hour, 0),
                "detainee_id": person.id,
                "talk_type": "routine",
                "interviewer_ids": [str(store.actor.user_id)],
            }
        )
    view = detainee_overview(store, person.id, today=date(2026, 3, 1))
    assert [e.at.astimezone(SHANGHAI).hour for e in view.timeline if e.at is not None] == [15, 11, 9]


def test_delivery_checks_are_in_the_timeline(store: Store) -> None:
    person = _person(store, stage="awaiting_execution", stage_started_on=date(2026, 5, 1))
    check = store.repo(ExecutionDeliveryCheck).add(
        {
            "detainee_id": person.id,
            "judgment_effective_on": date(2026, 5, 1),
            "documents_received_on": date(2026, 5, 6),
            "delivery_due": date(2026, 6, 5),
            "decision": "deliver_to_prison",
        }
    )
    view = detainee_overview(store, person.id, today=date(2026, 5, 10))
    (entry,) = view.timeline
    assert (entry.kind, entry.record_id, entry.on) == ("execution_delivery_check", check.id, date(2026, 5, 6))
    assert entry.summary == "交付监狱执行 · 应于2026-06-05前交付"


def test_an_unknown_or_deleted_detainee_is_not_found(store: Store) -> None:
    with pytest.raises(RecordNotFoundError):
        detainee_overview(store, uuid.uuid4())
    person = _person(store)
    store.repo(Detainee).soft_delete(person.id)
    with pytest.raises(RecordNotFoundError):
        detainee_overview(store, person.id)


def test_on_one_day_the_event_opening_a_stage_comes_first(store: Store) -> None:
    """A conversion entered before the indictment of the same day belongs to the trial: the 审查起诉
    row is not read as 速裁 (10 days) and is not overdue."""
    person = _person(store, stage="summary_trial", stage_started_on=date(2026, 10, 27))
    _event(store, person, "transferred_for_prosecution", date(2026, 10, 16))
    _event(store, person, "procedure_converted", date(2026, 10, 27))
    _event(store, person, "indicted", date(2026, 10, 27))
    view = detainee_overview(store, person.id, today=date(2026, 11, 1))
    assert [(r.event_label, r.stage_label, r.deadline) for r in view.stages] == [
        ("移送审查起诉", "审查起诉", date(2026, 11, 16)),  # art 172: 1 month
        ("提起公诉/法院受理", "一审", date(2027, 1, 27)),  # art 208: 3 months
        ("转为简易/速裁程序", "一审（简易程序）", date(2026, 11, 16)),  # art 220: 20 days
    ]
    assert not any(r.overdue for r in view.stages)
    assert view.stages[-1].current and view.current.deadline == date(2026, 11, 16)
