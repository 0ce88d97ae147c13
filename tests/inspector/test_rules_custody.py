"""Custody deadlines by stage: worked examples W1–W10, W12 and W17 (docs/domain.md, "Worked examples") and
edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.domain.settings import RuleSettings
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import (
    CustodyDeadline,
    CustodyEventInput,
    DetaineeCustodyInput,
    custody_deadline,
)

E = CustodyEventInput
DEFAULT = RuleSettings()
CAL = HolidayCalendar()
EARLY = date(2025, 1, 2)  # a "today" before every example: status ok


def run(
    stage: str,
    *events: CustodyEventInput,
    today: date = EARLY,
    settings: RuleSettings = DEFAULT,
    stage_started_on: date | None = None,
    **kw: object,
) -> CustodyDeadline:
    inp = DetaineeCustodyInput(stage, stage_started_on, date(2024, 12, 1), events=events, **kw)  # type: ignore[arg-type]
    return custody_deadline(inp, settings, today, calendar=CAL)


# --- worked examples -----------------------------------------------------------------------------------


def test_w1_investigation_base() -> None:
    r = run("investigation", E("arrest", date(2026, 3, 15)))
    assert r.deadline == date(2026, 5, 15)
    assert r.warning_from == date(2026, 5, 8)
    assert r.basis == "刑事诉讼法第一百五十六条"
    assert r.started_on == date(2026, 3, 15)
    assert "按月计算：自事件当日起算（逮捕3月1日+2个月=5月1日）" in r.explanation
    assert "起算日不计入" in r.explanation
    assert r.alert_dates == (date(2026, 5, 8), date(2026, 5, 12), date(2026, 5, 14), date(2026, 5, 16))


@pytest.mark.parametrize(
    ("today", "status", "days_left"),
    [
        (date(2026, 5, 7), "ok", 8),
        (date(2026, 5, 8), "warning", 7),
        (date(2026, 5, 15), "warning", 0),
        (date(2026, 5, 16), "overdue", -1),
    ],
)
def test_w1_status_over_time(today: date, status: str, days_left: int) -> None:
    r = run("investigation", E("arrest", date(2026, 3, 15)), today=today)
    assert (r.status, r.days_left) == (status, days_left)
    if status == "overdue":
        assert "已超期羁押1日" in r.explanation


def test_w1_from_next_day_convention() -> None:
    r = run(
        "investigation",
        E("arrest", date(2026, 3, 15)),
        settings=RuleSettings(month_convention="from_next_day"),
    )
    assert r.deadline == date(2026, 5, 16)
    assert "自事件次日起算" in r.explanation


def test_w2_all_investigation_extensions() -> None:
    events = [E("arrest", date(2026, 1, 20))]
    expected = [date(2026, 3, 20), date(2026, 4, 20), date(2026, 6, 20), date(2026, 8, 20)]
    for i, want in enumerate(expected):
        if i:
            events.append(E("investigation_extended", date(2026, 3, 10 + i)))
        assert run("investigation", *events).deadline == want
    r = run("investigation", *events)
    assert r.basis == "刑事诉讼法第一百五十六条、刑事诉讼法第一百五十八条、刑事诉讼法第一百五十九条"
    assert "延长期限自原起算日累计计算" in r.explanation


def test_w2_saturday_deadline_is_not_moved() -> None:
    events = [E("arrest", date(2026, 1, 20)), E("investigation_extended", date(2026, 3, 10))]
    events.append(E("investigation_extended", date(2026, 4, 10)))
    r = run("investigation", *events)
    assert r.deadline == date(2026, 6, 20)  # Saturday (and 端午节)
    assert "不因节假日延长" in r.explanation


def test_w3_month_end_clamp_and_extension_convention() -> None:
    arrest = E("arrest", date(2025, 12, 31))
    assert run("investigation", arrest).deadline == date(2026, 2, 28)
    ext = E("investigation_extended", date(2026, 2, 20))
    assert run("investigation", arrest, ext).deadline == date(2026, 3, 31)
    chained = run("investigation", arrest, ext, settings=RuleSettings(extension_convention="chained"))
    assert chained.deadline == date(2026, 3, 28)
    assert "接续计算" in chained.explanation


def test_w4_detention_to_arrest_request() -> None:
    det = E("detention", date(2026, 3, 2))
    assert run("detention", det).deadline == date(2026, 3, 5)
    assert run("detention", E("detention", date(2026, 3, 2), extension_days=4)).deadline == date(2026, 3, 9)
    assert run("detention", det, E("investigation_extended", date(2026, 3, 4))).deadline == date(2026, 3, 9)
    r = run("detention", det, multiple_or_gang=True)
    assert r.deadline == date(2026, 4, 1)
    assert r.basis == "刑事诉讼法第九十一条"
    assert "流窜作案" in r.explanation


def test_w4_arrest_decision() -> None:
    r = run("arrest_review", E("detention", date(2026, 3, 2)), E("arrest_requested", date(2026, 3, 5)))
    assert r.deadline == date(2026, 3, 12)
    assert r.issues == ()


def test_late_arrest_request_is_flagged() -> None:
    r = run("arrest_review", E("detention", date(2026, 3, 2)), E("arrest_requested", date(2026, 3, 7)))
    assert r.deadline == date(2026, 3, 14)
    assert any("晚于拘留后法定期限2026年3月5日" in i for i in r.issues)


def test_detention_extension_over_four_days_is_capped() -> None:
    r = run("detention", E("detention", date(2026, 3, 2), extension_days=6))
    assert r.deadline == date(2026, 3, 9)
    assert r.issues


def test_w5_prosecution_review() -> None:
    received = E("transferred_for_prosecution", date(2026, 4, 10))
    r = run("prosecution_review", received)
    assert r.deadline == date(2026, 5, 10)  # Sunday, stays
    assert r.basis == "刑事诉讼法第一百七十二条"
    extended = run("prosecution_review", received, E("prosecution_extended", date(2026, 5, 6)))
    assert extended.deadline == date(2026, 5, 25)


def test_w6_supplementary_investigation_and_restart() -> None:
    transfer = E("transferred_for_prosecution", date(2026, 4, 10))
    returned = E("returned_for_investigation", date(2026, 4, 28))
    r = run("supplementary_investigation", transfer, returned)
    assert r.deadline == date(2026, 5, 28)
    assert r.basis == "刑事诉讼法第一百七十五条"
    retransferred = E("retransferred", date(2026, 5, 20))
    r = run("prosecution_review", transfer, returned, retransferred)
    assert r.deadline == date(2026, 6, 20)  # Saturday, stays
    assert r.started_on == date(2026, 5, 20)
    assert "重新计算" in r.explanation


def test_w6_third_return_is_flagged() -> None:
    events = [E("transferred_for_prosecution", date(2026, 1, 5))]
    for month in (2, 4, 6):
        events.append(E("returned_for_investigation", date(2026, month, 1)))
        events.append(E("retransferred", date(2026, month, 20)))
    r = run("supplementary_investigation", *events[:-1])
    assert r.deadline == date(2026, 7, 1)
    assert any("超过以二次为限" in i for i in r.issues)
    assert run("prosecution_review", *events[:4]).issues == ()


def test_w7_fast_track_review() -> None:
    received = E("transferred_for_prosecution", date(2026, 6, 1))
    fast = E("procedure_converted", date(2026, 6, 1))
    assert run("prosecution_review", received, fast).deadline == date(2026, 6, 11)
    r = run("prosecution_review", received, fast, E("prosecution_extended", date(2026, 6, 5)))
    assert r.deadline == date(2026, 6, 16)


def test_w8_first_instance() -> None:
    accepted = E("indicted", date(2026, 2, 10))
    r = run("first_instance", accepted)
    assert r.warning_from == date(2026, 4, 10)
    assert r.deadline == date(2026, 5, 10)
    assert r.basis == "刑事诉讼法第二百零八条"
    assert run("first_instance", accepted, today=date(2026, 4, 10)).status == "warning"
    assert run("first_instance", accepted, today=date(2026, 4, 9)).status == "ok"
    extended = run("first_instance", accepted, E("trial_extended", date(2026, 5, 1)))
    assert extended.deadline == date(2026, 8, 10)


def test_w9_psychiatric_assessment_excluded() -> None:
    events = (
        E("arrest", date(2026, 3, 15)),
        E("psych_assessment_start", date(2026, 4, 1)),
        E("psych_assessment_end", date(2026, 4, 20)),
    )
    r = run("investigation", *events)
    assert r.deadline == date(2026, 6, 3)
    assert r.excluded_days == 19
    assert "不计入19日" in r.explanation and "刑事诉讼法第一百四十九条" in r.explanation
    inclusive = run("investigation", *events, settings=RuleSettings(excluded_span_convention="inclusive"))
    assert inclusive.deadline == date(2026, 6, 4)


def test_w10_holiday_never_extends_custody() -> None:
    r = run("prosecution_review", E("transferred_for_prosecution", date(2026, 9, 1)))
    assert r.deadline == date(2026, 10, 1)
    assert r.warning_from == date(2026, 9, 24)
    assert "法定节假日（国庆节）" in r.explanation
    assert "依法不因节假日延长（刑事诉讼法第一百零五条）" in r.explanation
    assert (
        run(
            "prosecution_review", E("transferred_for_prosecution", date(2026, 9, 1)), today=date(2026, 10, 2)
        ).status
        == "overdue"
    )


def test_custody_deadline_inside_spring_festival_stays() -> None:
    r = run("prosecution_review", E("transferred_for_prosecution", date(2026, 1, 18)))
    assert r.deadline == date(2026, 2, 18)  # 春节 2026-02-15..23
    assert "春节" in r.explanation


def test_w17_second_instance_with_file_review() -> None:
    events = (
        E("second_instance_accepted", date(2026, 7, 1)),
        E("file_review_start", date(2026, 7, 3)),
        E("file_review_end", date(2026, 8, 3)),
    )
    r = run("second_instance", *events)
    assert r.deadline == date(2026, 10, 2)
    assert r.excluded_days == 31
    assert "刑事诉讼法第二百三十五条" in r.explanation
    r = run("second_instance", *events, E("trial_extended", date(2026, 9, 1)))
    assert r.deadline == date(2026, 12, 2)
    assert r.basis == "刑事诉讼法第二百四十三条"


def test_file_review_over_one_month_is_capped() -> None:
    r = run(
        "second_instance",
        E("second_instance_accepted", date(2026, 7, 1)),
        E("file_review_start", date(2026, 7, 3)),
        E("file_review_end", date(2026, 8, 20)),
    )
    assert r.excluded_days == 31
    assert any("超过1个月" in i for i in r.issues)


# --- other stages and events -------------------------------------------------------------------------


def test_recount_restarts_the_art_156_clock() -> None:
    r = run(
        "investigation",
        E("arrest", date(2026, 1, 20)),
        E("investigation_extended", date(2026, 3, 10)),
        E("recount", date(2026, 4, 1)),
    )
    assert r.deadline == date(2026, 6, 1)  # extensions before the recount no longer count
    assert "刑事诉讼法第一百六十条" in r.basis


def test_extension_longer_than_the_law_allows_is_capped() -> None:
    r = run(
        "investigation", E("arrest", date(2026, 1, 20)), E("investigation_extended", date(2026, 3, 10), 2)
    )
    assert r.deadline == date(2026, 4, 20)
    assert any("超过" in i for i in r.issues)


def test_fourth_investigation_extension_needs_its_length() -> None:
    events = [E("arrest", date(2026, 1, 20))] + [
        E("investigation_extended", date(2026, 3, i)) for i in (1, 2, 3)
    ]
    missing = run("investigation", *events, E("investigation_extended", date(2026, 8, 1)))
    assert missing.deadline == date(2026, 8, 20)
    assert any("未录入延长期限" in i for i in missing.issues)
    given = run("investigation", *events, E("investigation_extended", date(2026, 8, 1), 3))
    assert given.deadline == date(2026, 11, 20)
    assert "刑事诉讼法第一百五十七条" in given.basis


def test_jurisdiction_change_restarts_review() -> None:
    r = run(
        "prosecution_review",
        E("jurisdiction_changed", date(2026, 2, 1)),  # during investigation: irrelevant
        E("transferred_for_prosecution", date(2026, 4, 10)),
        E("jurisdiction_changed", date(2026, 4, 25)),
    )
    assert r.deadline == date(2026, 5, 25)


def test_remand_restarts_first_instance() -> None:
    r = run(
        "first_instance",
        E("indicted", date(2026, 1, 5)),
        E("trial_extended", date(2026, 3, 1)),
        E("first_judgment", date(2026, 3, 20)),
        E("appealed", date(2026, 3, 25)),
        E("second_instance_accepted", date(2026, 4, 1)),
        E("remanded", date(2026, 5, 6)),
    )
    assert r.started_on == date(2026, 5, 6)
    assert r.deadline == date(2026, 8, 6)  # the first round's extension does not carry over
    assert "发回重审" in r.explanation


def test_trial_postponed_for_supplementary_investigation() -> None:
    accepted = E("indicted", date(2026, 2, 10))
    postponed = E("trial_postponed", date(2026, 3, 1))
    r = run("first_instance", accepted, postponed)
    assert r.deadline == date(2026, 4, 1)
    assert r.basis == "刑事诉讼法第二百零五条"
    back = run("first_instance", accepted, postponed, E("retransferred", date(2026, 3, 20)))
    assert back.deadline == date(2026, 6, 20)  # the court's 审限 restarts


def test_trial_suspension_excluded() -> None:
    r = run(
        "first_instance",
        E("indicted", date(2026, 2, 10)),
        E("trial_suspended_start", date(2026, 3, 1)),
        E("trial_suspended_end", date(2026, 3, 11)),
    )
    assert r.deadline == date(2026, 5, 20)
    assert r.warning_from == date(2026, 4, 20)  # the 2-month mark moves with the excluded days


def test_summary_and_fast_track_trials() -> None:
    accepted = E("indicted", date(2026, 6, 1))
    ext = E("trial_extended", date(2026, 6, 15))
    assert run("summary_trial", accepted).deadline == date(2026, 6, 21)
    assert run("summary_trial", accepted, ext).deadline == date(2026, 7, 16)  # 一个半月 = 1 month + 15 days
    assert run("fast_track_trial", accepted).deadline == date(2026, 6, 11)
    assert run("fast_track_trial", accepted, ext).deadline == date(2026, 6, 16)


def test_retrial() -> None:
    assert run("retrial", stage_started_on=date(2026, 3, 10)).deadline == date(2026, 6, 10)
    r = run("retrial", E("trial_extended", date(2026, 5, 1)), stage_started_on=date(2026, 3, 10))
    assert r.deadline == date(2026, 9, 10)
    assert r.basis == "刑事诉讼法第二百五十八条"


def test_stage_started_on_is_the_fallback_start() -> None:
    r = run("investigation", stage_started_on=date(2026, 3, 15))
    assert r.deadline == date(2026, 5, 15)
    assert "未录入逮捕事件" in r.explanation


def test_open_span_suspends_the_deadline() -> None:
    r = run(
        "investigation",
        E("arrest", date(2026, 3, 15)),
        E("psych_assessment_start", date(2026, 4, 1)),
        today=date(2026, 6, 1),
    )
    assert r.status == "suspended"
    assert r.deadline is None and r.warning_from is None
    assert "尚未结束" in r.explanation and "剩余44日" in r.explanation


def test_unpaired_span_end_is_flagged() -> None:
    r = run("investigation", E("arrest", date(2026, 3, 15)), E("psych_assessment_end", date(2026, 4, 1)))
    assert r.deadline == date(2026, 5, 15)
    assert any("没有对应的开始" in i for i in r.issues)


def test_not_applicable_cases() -> None:
    assert run("discharged").status == "not_applicable"
    released = run(
        "investigation",
        E("arrest", date(2026, 3, 15)),
        discharged_on=date(2026, 4, 1),
        today=date(2026, 4, 2),
    )
    assert released.status == "not_applicable"
    # discharged later than today: still held
    held = run(
        "investigation",
        E("arrest", date(2026, 3, 15)),
        discharged_on=date(2026, 6, 1),
        today=date(2026, 5, 20),
    )
    assert held.status == "overdue"
    missing = run("prosecution_review")
    assert missing.status == "not_applicable"
    assert "无法计算" in missing.explanation


# --- after judgment -----------------------------------------------------------------------------------


def awaiting(
    term_end: date | None, kind: str | None = "fixed_term", today: date = date(2026, 9, 11)
) -> CustodyDeadline:
    return run(
        "awaiting_execution",
        E("judgment_effective", date(2026, 9, 1)),
        E("execution_notice_received", date(2026, 9, 10)),
        today=today,
        sentence_kind=kind,
        term_end=term_end,
    )


def test_w12_through_the_custody_view() -> None:
    stay = awaiting(date(2026, 11, 30))
    assert stay.status == "not_applicable" and "留所服刑" in stay.explanation
    deliver = awaiting(date(2026, 12, 20))
    assert deliver.deadline == date(2026, 10, 10)
    assert deliver.basis.startswith("人民检察院刑事诉讼规则第六百二十五条")
    review = awaiting(date(2026, 12, 10))
    assert review.deadline == date(2026, 10, 10)
    assert any("人工审查" in i for i in review.issues)
    unknown = awaiting(None, None)
    assert unknown.deadline == date(2026, 10, 10)
    assert awaiting(date(2026, 12, 20), today=date(2026, 10, 11)).status == "overdue"


def test_release_sentences_are_overdue_at_once() -> None:
    r = awaiting(None, "probation")
    assert r.status == "overdue"
    assert r.deadline == date(2026, 9, 1)
    assert "立即释放" in r.explanation


def test_missing_execution_notice_asks_the_court() -> None:
    r = run("awaiting_execution", E("judgment_effective", date(2026, 9, 1)), today=date(2026, 9, 12))
    assert r.deadline is None
    assert any("应向人民法院了解" in i for i in r.issues)
    r = run("awaiting_execution", E("judgment_effective", date(2026, 9, 1)), today=date(2026, 9, 11))
    assert r.issues == ()


def test_serving_in_center_released_at_term_end() -> None:
    r = run("serving_in_center", term_end=date(2026, 11, 30), today=date(2026, 12, 1))
    assert r.deadline == date(2026, 11, 30)
    assert r.status == "overdue"
    assert run("serving_in_center").status == "not_applicable"


def test_inputs_are_validated() -> None:
    with pytest.raises(ValueError, match="custody event kind"):
        E("arrested", date(2026, 1, 1))
    with pytest.raises(ValueError, match="negative"):
        E("investigation_extended", date(2026, 1, 1), extension_months=-1)
    with pytest.raises(ValueError, match="stage"):
        DetaineeCustodyInput("trial", None, date(2026, 1, 1))


def test_events_in_any_order() -> None:
    ordered = run(
        "investigation", E("arrest", date(2026, 1, 20)), E("investigation_extended", date(2026, 3, 10))
    )
    shuffled = run(
        "investigation", E("investigation_extended", date(2026, 3, 10)), E("arrest", date(2026, 1, 20))
    )
    assert ordered == shuffled


# --- W18, W19: a procuratorate's own case (CPL art 167), a 监察 留置 case (CPL art 170) ------------------


def test_w18_own_case_detention_fourteen_days_plus_three() -> None:
    det = E("own_case_detention", date(2026, 3, 2))
    r = run("own_case_detention", det)
    assert (r.deadline, r.basis) == (date(2026, 3, 16), "刑事诉讼法第一百六十七条")
    assert "14日内作出是否逮捕的决定" in r.explanation
    assert run("own_case_detention", det, today=date(2026, 3, 6)).status == "ok"  # not the police's 3 days
    extended = run("own_case_detention", det, E("investigation_extended", date(2026, 3, 14)))
    assert extended.deadline == date(2026, 3, 19)  # an extension without its length: the most, 3 days
    two = E("own_case_detention", date(2026, 3, 2), extension_days=2)
    assert run("own_case_detention", two).deadline == date(2026, 3, 18)
    capped = run("own_case_detention", E("own_case_detention", date(2026, 3, 2), extension_days=5))
    assert capped.deadline == date(2026, 3, 19) and "按3日计算" in capped.issues[0]
    assert run("own_case_detention", det, today=date(2026, 3, 17)).status == "overdue"


def test_w19_supervision_detention_ten_days_plus_four() -> None:
    det = E("supervision_detention", date(2026, 3, 2))
    r = run("supervision_detention", det, today=date(2026, 3, 6))
    assert (r.deadline, r.status, r.basis) == (date(2026, 3, 12), "warning", "刑事诉讼法第一百七十条")
    assert "不计入审查起诉期限" in r.explanation
    extended = run("supervision_detention", E("supervision_detention", date(2026, 3, 2), extension_days=4))
    assert extended.deadline == date(2026, 3, 16)
    capped = run("supervision_detention", E("supervision_detention", date(2026, 3, 2), extension_days=6))
    assert capped.deadline == date(2026, 3, 16) and "按4日计算" in capped.issues[0]


def test_w19_decision_period_not_counted_in_prosecution_review() -> None:
    # Case received with the 先行拘留 on 03-02; arrest decided 03-10: review 03-02 + 1 month = 04-02,
    # plus the 8 days of the decision → 04-10.
    events = (
        E("transferred_for_prosecution", date(2026, 3, 2)),
        E("supervision_detention", date(2026, 3, 2)),
        E("arrest", date(2026, 3, 10)),
    )
    r = run("prosecution_review", *events)
    assert r.deadline == date(2026, 4, 10)
    assert "不计入审查起诉期限8日（刑事诉讼法第一百七十条）" in r.explanation
    # Without a transfer event the 先行拘留 marks the receipt of the case: the same date.
    assert run("prosecution_review", *events[1:]).deadline == date(2026, 4, 10)
    # A police case's arrest before the transfer changes nothing.
    transfer = E("transferred_for_prosecution", date(2026, 3, 2))
    police = run("prosecution_review", E("arrest", date(2026, 1, 5)), transfer)
    assert police.deadline == date(2026, 4, 2)


def test_stage_after_and_as_at_for_the_new_detentions() -> None:
    from inspector.rules.custody_stages import as_at, stage_after

    assert stage_after("arrest", "supervision_detention", "prosecution_review") == "prosecution_review"
    assert stage_after("arrest", "own_case_detention", "investigation") == "investigation"
    assert stage_after("own_case_detention", None, "detention") == "own_case_detention"
    inp = DetaineeCustodyInput(
        "prosecution_review",
        date(2026, 3, 10),
        date(2026, 3, 2),
        events=(E("supervision_detention", date(2026, 3, 2)), E("arrest", date(2026, 3, 10))),
    )
    before = as_at(inp, date(2026, 3, 6))
    assert before is not None and (before.stage, before.stage_started_on) == (
        "supervision_detention",
        date(2026, 3, 2),
    )
    assert len(before.events) == 1
    assert as_at(inp, date(2026, 3, 12)) is inp  # nothing recorded later: the register as it stands
    assert as_at(inp, date(2026, 3, 1)) is None  # not yet admitted


# --- W20: a trial's limit runs to the pronouncement (宣判), not to the judgment taking effect ---------


def test_w20_fast_track_trial_pronounced_in_time_is_not_overdue_in_the_appeal_period() -> None:
    """速裁: the court accepts the case on 03-02, 10 days → 03-12 (CPL art 225). 宣判 on 03-10; on 03-16
    the judgment has not taken effect (10-day appeal period, CPL art 230): not 超期. Before, the limit
    ran until the judgment took effect and this read as 超期羁押 from 03-13."""
    accepted, pronounced = E("indicted", date(2026, 3, 2)), E("first_judgment", date(2026, 3, 10))
    before = run("fast_track_trial", accepted, today=date(2026, 3, 9))
    assert (before.deadline, before.status) == (date(2026, 3, 12), "warning")
    assert run("fast_track_trial", accepted, today=date(2026, 3, 16)).status == "overdue"  # no 宣判 recorded
    r = run("fast_track_trial", accepted, pronounced, today=date(2026, 3, 16))
    assert (r.deadline, r.status, r.issues) == (None, "not_applicable", ())
    assert r.basis == "刑事诉讼法第二百二十五条"
    assert "审理期限届满日：2026年3月12日" in r.explanation
    assert "一审已于2026年3月10日宣判，在审理期限内" in r.explanation
    assert "上诉期10日" in r.explanation and "刑事诉讼法第二百三十条" in r.explanation
    # the same for 简易 (20 days) and 普通 (3 months) trials
    assert run("summary_trial", accepted, pronounced, today=date(2026, 4, 1)).status == "not_applicable"
    assert run("first_instance", accepted, pronounced, today=date(2026, 6, 10)).status == "not_applicable"


def test_w20_a_late_pronouncement_and_a_judgment_never_recorded_in_force_are_issues() -> None:
    accepted = E("indicted", date(2026, 3, 2))
    late = run("fast_track_trial", accepted, E("first_judgment", date(2026, 3, 14)), today=date(2026, 3, 16))
    assert late.status == "not_applicable"
    assert late.issues == (
        "一审宣判（2026年3月14日）晚于审理期限届满日（2026年3月12日）2日：审理期间曾超期羁押，"
        "请核实有无延长审理期限未录入",
    )
    pronounced = E("first_judgment", date(2026, 3, 10))
    assert run("fast_track_trial", accepted, pronounced, today=date(2026, 3, 25)).issues == ()  # 15 days
    stale = run("fast_track_trial", accepted, pronounced, today=date(2026, 3, 26))
    assert stale.issues == ("一审宣判已16日，未录入判决生效或二审受理：请核实判决是否已生效或已上诉，并录入",)
    # a judgment of an earlier trial (before a remand) does not end the retrial's limit
    remanded = run(
        "first_instance",
        E("indicted", date(2026, 1, 5)),
        E("first_judgment", date(2026, 2, 20)),
        E("remanded", date(2026, 4, 1)),
        today=date(2026, 4, 10),
    )
    assert remanded.deadline == date(2026, 7, 1) and remanded.status == "ok"
