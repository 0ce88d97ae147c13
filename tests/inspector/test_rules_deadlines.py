"""Non-custody deadlines with holiday rollover: worked examples W13–W16 and calendar edge cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from inspector.domain.settings import ROLLOVER_RULES, RuleSettings
from inspector.rules.calendar import ExtraDay, HolidayCalendar, package_years
from inspector.rules.deadlines import (
    Deadline,
    application_forward_due,
    lawyer_complaint_due,
    lawyer_meeting_due,
    letter_review_due,
    notice_reply_due,
    oral_follow_up_due,
    release_suggestion_reply_due,
    reply_escalation,
    review_decision_due,
    suggestion_reply_due,
    suggestion_service_due,
)

S = RuleSettings()
CAL = HolidayCalendar()
NO_ROLLOVER = RuleSettings(holiday_rollover=dict.fromkeys(ROLLOVER_RULES, False))
UNKNOWN = max(package_years()) + 1


def unmoved(d: Deadline, due: date) -> None:
    assert (d.due, d.raw_due, d.moved, d.certain) == (due, due, False, True)


# --- W13: oral correction → notice → 督促 / upward → 复查 ---------------------------------------------------


def test_w13_escalation_chain() -> None:
    oral = oral_follow_up_due(date(2026, 3, 3), S, CAL)
    unmoved(oral, date(2026, 3, 10))
    assert oral.basis == "人民检察院刑事诉讼规则第六百二十四条"
    assert oral.rule == "oral_follow_up"
    reply = notice_reply_due(
        issued_on=date(2026, 3, 12), served_on=date(2026, 3, 12), settings=S, calendar=CAL
    )
    assert reply is not None
    unmoved(reply, date(2026, 3, 27))
    assert reply.basis == "人民检察院刑事诉讼规则第五百五十三条"
    unmoved(review_decision_due(date(2026, 4, 2), S, CAL), date(2026, 4, 9))
    # the same dates with rollover off: all are working days
    assert oral_follow_up_due(date(2026, 3, 3), NO_ROLLOVER, CAL).due == date(2026, 3, 10)
    assert review_decision_due(date(2026, 4, 2), NO_ROLLOVER, CAL).due == date(2026, 4, 9)


def test_w13_escalation_steps() -> None:
    reply = notice_reply_due(
        issued_on=date(2026, 3, 12), served_on=date(2026, 3, 12), settings=S, calendar=CAL
    )
    waiting = reply_escalation(reply, today=date(2026, 3, 27))
    assert waiting.step == "awaiting_reply"
    follow = reply_escalation(reply, today=date(2026, 3, 28))
    assert (follow.step, follow.since, follow.days_overdue) == ("follow_up_due", date(2026, 3, 28), 1)
    upward = reply_escalation(reply, today=date(2026, 4, 10), followed_up_on=date(2026, 4, 1))
    assert (upward.step, upward.since) == ("report_upward_due", date(2026, 4, 2))
    assert reply_escalation(reply, today=date(2026, 4, 10), replied_on=date(2026, 4, 3)).step == "replied"
    done = reply_escalation(reply, today=date(2026, 4, 20), reported_upward_on=date(2026, 4, 15))
    assert done.step == "reported_upward"
    assert reply_escalation(None, today=date(2026, 4, 20)).step == "not_started"


def test_notice_reply_start_and_period() -> None:
    issued, served = date(2026, 3, 10), date(2026, 3, 12)
    assert notice_reply_due(issued_on=issued, served_on=None, settings=S) is None
    from_issue = RuleSettings(notice_reply_from="issued")
    d = notice_reply_due(issued_on=issued, served_on=None, settings=from_issue, calendar=CAL)
    assert d is not None and d.due == date(2026, 3, 25)
    assert "自发出之日起算" in d.label
    d = notice_reply_due(issued_on=issued, served_on=served, settings=S, calendar=CAL, reply_period_days=10)
    assert d is not None and d.due == date(2026, 3, 23)  # 03-22 is a Sunday
    assert d.raw_due == date(2026, 3, 22) and d.moved


# --- W14: 检察建议 reply ---------------------------------------------------------------------------------


def test_w14_suggestion_reply_two_months() -> None:
    unmoved(suggestion_reply_due(date(2026, 1, 31), S, CAL), date(2026, 3, 31))
    unmoved(suggestion_reply_due(date(2026, 7, 31), S, CAL), date(2026, 9, 30))
    urgent = suggestion_reply_due(date(2026, 7, 31), S, CAL, reply_days=10)
    assert urgent.due == date(2026, 8, 10)
    assert suggestion_reply_due(date(2026, 3, 1), RuleSettings(month_convention="from_next_day")).due == date(
        2026, 5, 6
    )  # 05-02 is in the 劳动节 break (05-01..05), rolls to 05-06


def test_suggestion_service_only_when_enabled() -> None:
    assert suggestion_service_due(date(2026, 3, 2), S, CAL) is None
    on = RuleSettings(suggestion_service_check=True)
    d = suggestion_service_due(date(2026, 3, 2), on, CAL)
    assert d is not None and d.due == date(2026, 3, 9)


# --- W15: complaints and the rollover setting ---------------------------------------------------------


def test_w15_complaints() -> None:
    letter = letter_review_due(date(2026, 5, 6), S, CAL)
    unmoved(letter, date(2026, 5, 21))
    assert letter.basis == "人民检察院刑事诉讼规则第五百五十六条"
    lawyer = lawyer_complaint_due(date(2026, 5, 11), S, CAL)
    unmoved(lawyer, date(2026, 5, 21))
    assert lawyer.basis == "人民检察院刑事诉讼规则第五十八条"


@pytest.mark.parametrize(
    ("category", "basis"),
    [
        ("accusation", "人民检察院刑事诉讼规则第五百五十六条"),
        ("petition", "人民检察院刑事诉讼规则第五百五十六条"),
        ("meeting_request", "人民检察院监狱检察办法第三十九条（参照：及时与要求约见的在押人员谈话）"),
        ("inquiry", "检察室工作要求（本地设置）"),
        ("report", "检察室工作要求（本地设置）"),
        ("other", "检察室工作要求（本地设置）"),
    ],
)
def test_art_556_only_for_accusations_and_petitions(category: str, basis: str) -> None:
    d = letter_review_due(date(2026, 5, 6), S, CAL, category)
    assert d.basis == basis and d.due == date(2026, 5, 21)  # the same period for every letter
    assert ("第五百五十六条" in d.basis) == (category in ("accusation", "petition"))


def test_w15_rollover_on_and_off() -> None:
    on = letter_review_due(date(2026, 5, 16), S, CAL)
    assert (on.raw_due, on.due, on.moved, on.certain) == (date(2026, 5, 31), date(2026, 6, 1), True, True)
    assert "顺延至2026年6月1日" in on.note and "刑事诉讼法第一百零五条" in on.note
    off = letter_review_due(date(2026, 5, 16), RuleSettings(holiday_rollover={"letter_review": False}), CAL)
    assert (off.raw_due, off.due, off.moved) == (date(2026, 5, 31), date(2026, 5, 31), False)
    assert "按本站设置不顺延" in off.note


# --- W16: lawyer meeting ---------------------------------------------------------------------------------


def test_w16_lawyer_meeting_48_hours() -> None:
    d = lawyer_meeting_due(datetime(2026, 4, 30, 15, 20), S)
    assert d.due == datetime(2026, 5, 2, 15, 20)  # Saturday in the 劳动节 break: hours ignore holidays
    assert d.basis == "刑事诉讼法第三十九条"
    assert "不因节假日顺延" in d.note


# --- calendar edge cases ---------------------------------------------------------------------------------


def test_deadline_in_spring_festival_rolls() -> None:
    d = oral_follow_up_due(date(2026, 2, 11), S, CAL)  # + 7 = 02-18, inside 春节 (02-15..23)
    assert (d.raw_due, d.due, d.moved, d.certain) == (date(2026, 2, 18), date(2026, 2, 24), True, True)
    assert "春节" in d.note
    assert oral_follow_up_due(date(2026, 2, 11), NO_ROLLOVER, CAL).due == date(2026, 2, 18)


def test_deadline_on_adjusted_working_saturday_does_not_move() -> None:
    # 2026-02-28 is a Saturday but a 调休 working day
    d = letter_review_due(date(2026, 2, 13), S, CAL)
    unmoved(d, date(2026, 2, 28))
    assert d.due.weekday() == 5


def test_unknown_year_is_uncertain() -> None:
    d = lawyer_complaint_due(date(UNKNOWN, 1, 5), S, CAL)  # a weekday in an unknown year
    assert not d.certain
    assert f"{UNKNOWN}年节假日安排尚未录入，期限可能顺延" in d.note
    saturday = date(UNKNOWN, 1, 3)
    saturday += timedelta(days=(5 - saturday.weekday()) % 7)
    d = lawyer_complaint_due(saturday - timedelta(days=10), S, CAL)  # rolls past the weekend only
    assert (d.raw_due, d.due, d.moved, d.certain) == (saturday, saturday + timedelta(days=2), True, False)


def test_unknown_year_covered_by_the_extra_table() -> None:
    cal = HolidayCalendar([ExtraDay(date(UNKNOWN, 1, 1), False, "new_year")])
    d = lawyer_complaint_due(date(UNKNOWN - 1, 12, 22), S, cal)  # raw due 01-01 of the unknown year
    assert d.raw_due == date(UNKNOWN, 1, 1)
    assert d.certain
    assert d.due == cal.next_working_day(date(UNKNOWN, 1, 1)).day
    assert "元旦" in d.note


def test_year_end() -> None:
    d = letter_review_due(date(UNKNOWN - 1, 12, 17), S, CAL)  # + 15 = 1 January of the unknown year
    assert d.raw_due == date(UNKNOWN, 1, 1)
    assert not d.certain
    d = letter_review_due(date(2025, 12, 17), S, CAL)  # + 15 = 2026-01-01 (元旦 01-01..03)
    assert (d.raw_due, d.due, d.certain) == (
        date(2026, 1, 1),
        date(2026, 1, 4),
        True,
    )  # 01-04 is a 调休 Sunday


def test_other_periods() -> None:
    assert application_forward_due(date(2026, 3, 3), S, CAL).due == date(2026, 3, 5)
    assert release_suggestion_reply_due(date(2026, 3, 3), S, CAL).due == date(2026, 3, 13)
    assert review_decision_due(date(2026, 9, 24), S, CAL).due == date(2026, 10, 8)  # 10-01 → after 国庆


def test_default_calendar_is_used_when_none_given() -> None:
    assert letter_review_due(date(2026, 5, 16)).due == date(2026, 6, 1)


@pytest.mark.parametrize("days", [0, -1])
def test_invalid_reply_periods(days: int) -> None:
    with pytest.raises(ValueError):
        notice_reply_due(issued_on=None, served_on=date(2026, 3, 1), reply_period_days=days)
    with pytest.raises(ValueError):
        suggestion_reply_due(date(2026, 3, 1), reply_days=days)


def test_days_left() -> None:
    d = oral_follow_up_due(date(2026, 3, 3), S, CAL)
    assert d.days_left(date(2026, 3, 8)) == 2
    assert d.days_left(date(2026, 3, 12)) == -2
