"""The agenda over real records: dated items with rule and source, most urgent first."""

from __future__ import annotations

import io
import json
import sys
import uuid
from datetime import date

import pytest
from sqlalchemy import select, update

from inspector.agenda import AgendaItem, build_agenda
from inspector.cli import main
from inspector.store.models import (
    CustodyEvent,
    CustodyStatus,
    Detainee,
    HolidayDay,
    Incident,
    MailboxLetter,
    MailboxOpening,
    MonthlyReport,
    OralCorrection,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    StationSetting,
)
from inspector.store.store import Store
from tests.conftest import aware, detainee_values

ADDRESSEE = "毕节市七星关区看守所"


def arrested(store: Store, name: str, on: date, **overrides: object) -> uuid.UUID:
    """A detainee in 侦查羁押 since ``on`` (W1: arrest 2026-03-15 → 2026-05-15)."""
    d = store.repo(Detainee).add(
        detainee_values(
            name=name, admitted_at=aware(on.year, on.month, on.day - 5, 2), stage="investigation",
            stage_started_on=on, **overrides,
        )
    )  # fmt: skip
    store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": "arrest", "occurred_on": on})
    return d.id


def items(store: Store, on: date, kind: str | None = None) -> list[AgendaItem]:
    found = build_agenda(store, on).items
    return [i for i in found if kind is None or i.kind == kind]


def test_custody_deadline_warning_then_overdue_on_top(store: Store) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    warn = items(store, date(2026, 5, 10), "custody")
    assert [(i.level, i.due, i.subject, i.basis) for i in warn] == [
        ("warning", date(2026, 5, 15), "甲", "刑事诉讼法第一百五十六条")
    ]
    assert "逮捕" in warn[0].explanation and "不因节假日延长" in warn[0].explanation
    assert items(store, date(2026, 4, 30), "custody") == []  # beyond the 14-day horizon
    assert items(store, date(2026, 5, 1), "custody")[0].level == "upcoming"
    notice = _served_notice(store, served=date(2026, 3, 12))  # reply due 03-27, long overdue by May
    agenda = items(store, date(2026, 5, 16))
    assert agenda[0].title == "超期羁押" and agenda[0].level == "overdue" and agenda[0].days_left == -1
    assert any(i.record_id == notice and i.level == "overdue" for i in agenda[1:])


def test_discharged_and_deleted_detainees_have_no_deadline(store: Store) -> None:
    gone = arrested(store, "乙", date(2026, 3, 15))
    store.repo(Detainee).update(gone, {"discharged_on": date(2026, 4, 1), "discharge_kind": "released"})
    deleted = arrested(store, "丙", date(2026, 3, 15))
    store.repo(Detainee).soft_delete(deleted)
    assert items(store, date(2026, 5, 16), "custody") == []


def test_month_convention_setting_changes_deadline_and_explanation(store: Store) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    store.repo(StationSetting).add({"key": "month_convention", "value": "from_next_day"})
    agenda = build_agenda(store, date(2026, 5, 10))
    custody = [i for i in agenda.items if i.kind == "custody"]
    assert custody[0].due == date(2026, 5, 16)
    assert any("次日" in text for text in agenda.conventions)


def _served_notice(store: Store, *, served: date, follow_ups: list[object] | None = None) -> uuid.UUID:
    n = store.repo(RectificationNotice).add(
        {
            "issuer_name": "毕节市七星关区人民检察院", "addressee": ADDRESSEE,
            "trigger": "oral_not_corrected",
            "facts": "未按规定安排在押人员每日室外活动", "state": "served", "doc_year": 2026, "doc_seq": 3,
            "doc_number": "七检刑执纠违〔2026〕3号", "issued_on": served, "served_on": served,
            "follow_ups": follow_ups or [],
        }
    )  # fmt: skip
    return n.id


def test_notice_reply_then_follow_up_then_report_upward(store: Store) -> None:  # W13
    notice = _served_notice(store, served=date(2026, 3, 12))
    [due] = items(store, date(2026, 3, 25), "rectification_notice_reply")
    assert (due.due, due.level, due.basis) == (
        date(2026, 3, 27),
        "warning",
        "人民检察院刑事诉讼规则第五百五十三条",
    )
    [late] = items(store, date(2026, 3, 28), "rectification_notice_escalation")
    assert late.level == "overdue" and "督促" in late.title and late.record_id == notice
    store.repo(RectificationNotice).update(notice, {"follow_ups": [{"on": "2026-03-30", "how": "电话"}]})
    [upward] = items(store, date(2026, 4, 2), "rectification_notice_escalation")
    assert "报请上一级" in upward.title
    store.repo(RectificationNotice).update(notice, {"replied_on": date(2026, 4, 3), "state": "replied"})
    assert items(store, date(2026, 4, 5), "rectification_notice_escalation") == []


def test_review_request_is_decided_within_seven_days(store: Store) -> None:  # W13
    notice = _served_notice(store, served=date(2026, 3, 12))
    store.repo(RectificationNotice).update(
        notice, {"review_requested_on": date(2026, 4, 2), "state": "review_requested"}
    )
    [review] = items(store, date(2026, 4, 3), "review_decision")
    assert review.due == date(2026, 4, 9) and review.basis == "人民检察院刑事诉讼规则第五百五十四条"


def test_oral_correction_follow_up_until_escalated(store: Store) -> None:  # W13
    oral = store.repo(OralCorrection).add(
        {
            "issued_on": date(2026, 3, 3),
            "addressee_unit": ADDRESSEE,
            "source": "patrol",
            "facts": "监室通风不良",
        }
    )
    [item] = items(store, date(2026, 3, 11), "oral_follow_up")
    assert item.due == date(2026, 3, 10) and item.level == "overdue" and "纠正违法通知书" in item.title
    notice = _served_notice(store, served=date(2026, 3, 12))
    store.repo(RectificationNotice).update(notice, {"oral_correction_id": oral.id})
    assert items(store, date(2026, 3, 11), "oral_follow_up") == []


def test_suggestion_reply_two_months_clamped(store: Store) -> None:  # W14b
    store.repo(ProcuratorialSuggestion).add(
        {
            "issuer_name": "毕节市七星关区人民检察院", "addressee": ADDRESSEE, "facts_found": "监控存在盲区",
            "state": "served", "issued_on": date(2026, 7, 31), "served_on": date(2026, 7, 31),
        }
    )  # fmt: skip
    [item] = items(store, date(2026, 9, 28), "procuratorial_suggestion_reply")
    assert item.due == date(2026, 9, 30)


def test_letter_review_rolls_past_a_sunday(store: Store) -> None:  # W15c
    opening = store.repo(MailboxOpening).add({"opened_at": aware(2026, 5, 16, 2), "opener_ids": ["a", "b"]})
    store.repo(MailboxLetter).add(
        {"opening_id": opening.id, "serial_no": 1, "category": "accusation", "subject": "控告被殴打",
         "accepted_on": date(2026, 5, 16), "confidential": True}
    )  # fmt: skip
    [item] = items(store, date(2026, 5, 29), "letter_review")
    assert item.due == date(2026, 6, 1) and "保密" in item.subject
    store.repo(StationSetting).add({"key": "holiday_rollover.letter_review", "value": False})
    [item] = items(store, date(2026, 5, 29), "letter_review")
    assert item.due == date(2026, 5, 31)


def test_weekly_patrol_shortfall_is_red_on_friday(store: Store) -> None:
    store.repo(Patrol).add({"patrol_date": date(2026, 3, 2), "areas": ["一监区"], "methods": ["on_site"]})
    on_tuesday = {i.title for i in items(store, date(2026, 3, 3), "weekly_target")}
    friday = {i.title: i for i in items(store, date(2026, 3, 6), "weekly_target")}
    patrols = next(i for t, i in friday.items() if "巡视" in t)
    assert patrols.level == "overdue" and "1/2" in patrols.title
    assert all(i.level != "overdue" for i in items(store, date(2026, 3, 3), "weekly_target"))
    assert on_tuesday  # shown, but not yet urgent


def test_next_years_calendar_gap_is_reported_until_the_office_enters_it(store: Store) -> None:
    gap = items(store, date(2026, 11, 26), "calendar")
    assert len(gap) == 1 and "2027" in gap[0].title
    with store.session() as s:
        s.add(HolidayDay(day=date(2027, 1, 1), is_workday=False, holiday_name="new_year"))
    # The year is now known, but 春节 2027 is not entered: the pre-holiday inspection cannot be dated.
    [gap] = items(store, date(2026, 11, 26), "calendar")
    assert "春节" in gap.explanation
    with store.session() as s:
        for day in range(5, 13):  # 春节 2027: 2月6日 (the office enters the published schedule)
            s.add(HolidayDay(day=date(2027, 2, day), is_workday=False, holiday_name="spring_festival"))
    assert items(store, date(2026, 11, 26), "calendar") == []


def test_items_are_sorted_by_urgency(store: Store) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    _served_notice(store, served=date(2026, 5, 1))
    ranked = items(store, date(2026, 5, 12))
    ranks = [("overdue", "warning", "upcoming", "info").index(i.level) for i in ranked]
    assert ranks == sorted(ranks)


def test_cli_agenda_json(
    store: Store, data_dir: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arrested(store, "甲", date(2026, 3, 15))
    store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["agenda", "--data-dir", str(data_dir), "--date", "2026-05-16", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["items"][0]["title"] == "超期羁押" and doc["items"][0]["due"] == "2026-05-15"
    assert main(["agenda", "--data-dir", str(data_dir), "--date", "2026-05-16"]) == 0
    out = capsys.readouterr().out
    assert "[逾期] 2026-05-15" in out and "刑事诉讼法第一百五十六条" in out and "计算口径" in out
    assert main(["agenda", "--data-dir", str(data_dir), "--date", "16/05/2026"]) == 2


def _cached(store: Store) -> dict[uuid.UUID, date | None]:
    with store.session() as s:
        return {
            row.detainee_id: row.deadline
            for row in s.execute(select(CustodyStatus.detainee_id, CustodyStatus.deadline))
        }


def test_cached_deadlines_follow_every_change(store: Store) -> None:
    someone = arrested(store, "甲", date(2026, 1, 20))  # W2: 2026-03-20, extended → 04-20
    build_agenda(store, date(2026, 3, 1))
    assert _cached(store) == {someone: date(2026, 3, 20)}
    store.repo(CustodyEvent).add(
        {"detainee_id": someone, "kind": "investigation_extended", "occurred_on": date(2026, 3, 10)}
    )
    assert _cached(store) == {}  # the event's trigger dropped the stale row
    [item] = items(store, date(2026, 4, 15), "custody")
    assert item.due == date(2026, 4, 20)
    with store.session() as s:  # a bulk statement (as a sync pull or an import would write) also counts
        s.execute(
            update(Detainee)
            .where(Detainee.id == someone)
            .values(stage="prosecution_review", stage_started_on=date(2026, 4, 1))
        )
    assert _cached(store) == {}
    [item] = items(store, date(2026, 4, 28), "custody")
    assert item.due == date(2026, 5, 1) and item.basis == "刑事诉讼法第一百七十二条"
    store.repo(StationSetting).add({"key": "month_convention", "value": "from_next_day"})
    [item] = items(store, date(2026, 4, 28), "custody")
    assert item.due == date(2026, 5, 2)
    assert _cached(store)[someone] == date(2026, 5, 2)


def test_far_deadlines_are_cached_but_not_recomputed_each_time(store: Store) -> None:
    far = arrested(store, "远", date(2026, 3, 15))
    assert items(store, date(2026, 3, 20), "custody") == []
    assert _cached(store) == {far: date(2026, 5, 15)}


def test_a_past_agenda_uses_only_what_was_recorded_by_then(store: Store) -> None:
    moved = arrested(store, "甲", date(2026, 3, 15))  # W1: 侦查羁押 until 05-15
    store.repo(CustodyEvent).add(
        {"detainee_id": moved, "kind": "transferred_for_prosecution", "occurred_on": date(2026, 5, 12)}
    )
    store.repo(Detainee).update(moved, {"stage": "prosecution_review", "stage_started_on": date(2026, 5, 12)})
    gone = arrested(store, "乙", date(2026, 3, 15))
    store.repo(Detainee).update(
        gone, {"stage": "discharged", "discharged_on": date(2026, 5, 12), "discharge_kind": "released"}
    )
    store.repo(Detainee).add(detainee_values(name="丙", admitted_at=aware(2026, 5, 11, 2)))
    on_10 = {i.subject: i for i in items(store, date(2026, 5, 10), "custody")}
    assert set(on_10) == {"甲", "乙"}  # 丙 was not yet admitted; 乙 not yet released
    assert on_10["甲"].due == date(2026, 5, 15) and on_10["甲"].basis == "刑事诉讼法第一百五十六条"
    assert on_10["甲"].level == "warning"
    # On 05-13 甲's review runs to 06-12 and 乙 has gone; 丙's 拘留 ends on 05-14.
    assert [i.subject for i in items(store, date(2026, 5, 13), "custody")] == ["丙"]


def test_possible_overdue_is_an_overdue_item_naming_both_readings(store: Store) -> None:
    d = store.repo(Detainee).add(detainee_values(name="丁", stage="arrest_review"))
    for kind, on in (("detention", date(2026, 3, 2)), ("arrest_requested", date(2026, 3, 7))):
        store.repo(CustodyEvent).add({"detainee_id": d.id, "kind": kind, "occurred_on": on})
    [item] = [i for i in items(store, date(2026, 3, 8)) if i.title == "可能超期羁押"]
    assert item.level == "overdue" and item.kind == "custody" and item.record_id == d.id
    assert "如拘留期限未依法延长" in item.explanation and "如已依法延长" in item.explanation
    assert items(store, date(2026, 3, 8), "custody_issue") == []


def test_serving_in_center_shows_the_release_date(store: Store) -> None:
    store.repo(Detainee).add(
        detainee_values(
            name="戊", legal_status="convict", stage="serving_in_center", stage_started_on=date(2026, 3, 5),
            sentence_kind="fixed_term", term_end=date(2026, 5, 20),
        )
    )  # fmt: skip
    [soon] = items(store, date(2026, 5, 15), "custody")
    assert soon.title == "刑满释放日期" and soon.due == date(2026, 5, 20)
    [late] = items(store, date(2026, 5, 21), "custody")
    assert late.title == "刑满未释放" and "第六百二十八条" in late.explanation


def test_expiry_notice_is_checked_from_t_minus_7_until_recorded(store: Store) -> None:  # W1
    someone = arrested(store, "甲", date(2026, 3, 15))  # limit 05-15: the centre's notice due from 05-08
    assert items(store, date(2026, 5, 7), "expiry_notice") == []
    [check] = items(store, date(2026, 5, 8), "expiry_notice")
    assert (check.level, check.due, check.basis) == (
        "warning",
        date(2026, 5, 15),
        "人民检察院刑事诉讼规则第六百一十五条",
    )
    assert "核实" in check.title and check.record_id == someone
    [late] = items(store, date(2026, 5, 16), "expiry_notice")
    assert late.level == "overdue" and "未登记" in late.title
    # One recorded for an earlier limit (before this stage began) does not count; this one does.
    store.repo(Detainee).update(someone, {"warning_notice_sent_on": date(2026, 3, 14)})
    assert len(items(store, date(2026, 5, 9), "expiry_notice")) == 1
    store.repo(Detainee).update(someone, {"warning_notice_sent_on": date(2026, 5, 9)})
    assert items(store, date(2026, 5, 10), "expiry_notice") == []


def test_a_past_agenda_shows_what_was_still_open_then(store: Store) -> None:  # W13
    notice = _served_notice(store, served=date(2026, 3, 12), follow_ups=[{"on": "2026-03-30", "how": "电话"}])
    store.repo(RectificationNotice).update(notice, {"replied_on": date(2026, 4, 3), "state": "replied"})
    # Replied on 04-03: on 03-28 it was overdue (督促 due), on 03-31 past the recorded 督促, by 04-05 done.
    [urge] = items(store, date(2026, 3, 28), "rectification_notice_escalation")
    assert "应督促回复" in urge.title
    [upward] = items(store, date(2026, 3, 31), "rectification_notice_escalation")
    assert "报请上一级" in upward.title
    assert items(store, date(2026, 4, 5), "rectification_notice_escalation") == []
    assert items(store, date(2026, 3, 10), "rectification_notice_reply") == []  # not yet issued
    opening = store.repo(MailboxOpening).add({"opened_at": aware(2026, 5, 6, 2), "opener_ids": ["a", "b"]})
    store.repo(MailboxLetter).add(
        {"opening_id": opening.id, "serial_no": 1, "category": "inquiry", "subject": "咨询取保候审",
         "accepted_on": date(2026, 5, 6), "status": "answered", "replied_on": date(2026, 5, 20)}
    )  # fmt: skip
    [letter] = items(store, date(2026, 5, 19), "letter_review")
    assert letter.basis == "检察室工作要求（本地设置）" and "办理答复" in letter.title
    assert items(store, date(2026, 5, 21), "letter_review") == []


def test_reminders_joint_meeting_month_end_report_and_a_death(store: Store) -> None:
    agenda = {i.kind: i for i in items(store, date(2026, 6, 20))}
    assert agenda["joint_meeting"].due == date(2026, 6, 30) and agenda["joint_meeting"].level == "warning"
    assert agenda["monthly_report"].title == "2026年5月工作情况报告"  # May's is not submitted
    store.repo(MonthlyReport).add(
        {"month": "2026-05", "status": "submitted", "manual_items": {"meetings": "参加联席会议1次"}}
    )
    after = {i.kind: i for i in items(store, date(2026, 6, 20))}
    assert "monthly_report" not in after  # May's is in; June's is reminded from 06-27
    assert after.get("joint_meeting") is None  # held in May: next by 11-30
    death = store.repo(Incident).add(
        {"kind": "abnormal_death", "occurred_at": aware(2026, 6, 18, 2), "description": "在押人员死亡"}
    )
    duties = [i for i in items(store, date(2026, 6, 20), "incident_duty") if i.record_id == death.id]
    assert {i.title for i in duties} == {
        "事故应及时报告检察长",
        "非正常死亡：尸体检验",
        "非正常死亡：应当进行巡回检察",
    }
    assert all(i.level == "overdue" for i in duties)
    store.repo(Incident).update(
        death.id,
        {"reported_to_chief_at": aware(2026, 6, 18, 4), "autopsy_at": aware(2026, 6, 18, 9),
         "circuit_inspection_requested": True},
    )  # fmt: skip
    assert items(store, date(2026, 6, 20), "incident_duty") == []
