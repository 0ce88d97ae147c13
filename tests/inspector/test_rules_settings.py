"""Station rule settings: defaults (docs/domain.md), stored JSON round trip, validation."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from inspector.domain.enums import TalkType
from inspector.domain.errors import ValidationError
from inspector.domain.settings import ROLLOVER_RULES, SETTING_INFO, RuleSettings


def test_defaults_match_the_reference() -> None:
    s = RuleSettings()
    assert s.month_convention == "from_event_day"
    assert s.extension_convention == "cumulative"
    assert s.excluded_span_convention == "end_minus_start"
    assert (s.custody_warning_days, s.custody_extra_alerts) == (7, (3, 1))
    assert (s.oral_follow_up_days, s.notice_reply_days, s.notice_reply_from) == (7, 15, "served")
    assert (s.review_decision_days, s.suggestion_reply_months) == (7, 2)
    assert (s.letter_review_days, s.lawyer_complaint_days, s.lawyer_meeting_hours) == (15, 10, 48)
    assert (s.delivery_days, s.delivery_convention, s.serve_in_center_limit_months) == (30, "days", 3)
    assert all(s.holiday_rollover[r] for r in ROLLOVER_RULES)
    assert (s.patrols_per_week_min, s.talks_per_week_min) == (2, 2)
    assert (s.mailbox_openings_per_week_min, s.mailbox_openers_required) == (1, 2)
    assert s.new_arrival_talk_days == 3
    assert s.talk_types_counted == TalkType.values()
    assert s.week_start == "monday" and s.week_start_weekday == 0
    assert s.preholiday_inspection_holidays == ("spring_festival", "national_day")
    assert s.preholiday_lead_days == 7
    assert (s.first_instance_warning_months, s.first_instance_limit_months) == (2, 3)
    assert (s.staff_on_duty_min, s.staff_on_duty_max) == (2, 3)
    assert s.suggestion_service_check is False


def test_every_setting_has_a_label_and_an_explanation() -> None:
    names = {f.name for f in fields(RuleSettings)}
    assert names == set(SETTING_INFO)
    for label, explanation in SETTING_INFO.values():
        assert label and explanation


def test_round_trip_through_json() -> None:
    s = RuleSettings(
        month_convention="from_next_day",
        custody_extra_alerts=(5, 2, 1),
        talk_types_counted=frozenset({"routine", "new_admission"}),
        holiday_rollover={"notice_reply": False},
        preholiday_inspection_holidays=("spring_festival", "national_day", "labour_day"),
    )
    stored = json.loads(json.dumps(s.to_mapping()))
    assert RuleSettings.from_mapping(stored) == s
    assert hash(RuleSettings.from_mapping(stored)) == hash(s)


def test_from_mapping_overrides_only_given_keys() -> None:
    s = RuleSettings.from_mapping({"notice_reply_days": 10, "extension_convention": "chained"})
    assert s.notice_reply_days == 10
    assert s.extension_convention == "chained"
    assert s.letter_review_days == 15
    assert s.changed_from_default() == {"notice_reply_days": 10, "extension_convention": "chained"}


def test_rollover_per_rule_keys_and_partial_mapping() -> None:
    s = RuleSettings.from_mapping({"holiday_rollover.letter_review": False})
    assert not s.rolls_over("letter_review")
    assert s.rolls_over("notice_reply")
    s = RuleSettings.from_mapping({"holiday_rollover": {"oral_follow_up": False}})
    assert not s.rolls_over("oral_follow_up")
    assert s.rolls_over("lawyer_complaint")
    with pytest.raises(KeyError):
        s.rolls_over("custody")


def test_unknown_keys_ignored_unless_strict() -> None:
    assert RuleSettings.from_mapping({"doc_number_pattern": "x"}) == RuleSettings()
    with pytest.raises(ValidationError) as info:
        RuleSettings.from_mapping({"doc_number_pattern": "x"}, strict=True)
    assert info.value.errors[0].field == "doc_number_pattern"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("notice_reply_days", "15"),
        ("notice_reply_days", True),
        ("notice_reply_days", 0),
        ("notice_reply_days", 15.0),
        ("month_convention", "from_tomorrow"),
        ("custody_extra_alerts", [3, "1"]),
        ("custody_extra_alerts", 3),
        ("talk_types_counted", ["routine", "chat"]),
        ("preholiday_inspection_holidays", ["christmas"]),
        ("preholiday_inspection_holidays", ["national_day", "national_day"]),
        ("holiday_rollover", {"custody": True}),
        ("holiday_rollover", {"notice_reply": "no"}),
        ("holiday_rollover", [True]),
        ("holiday_rollover.custody", False),
        ("holiday_rollover.notice_reply", 0),
        ("suggestion_service_check", 1),
        ("week_start", "Monday"),
        ("preholiday_joint_units", ["武警中队", ""]),
    ],
)
def test_invalid_values_name_the_key(key: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        RuleSettings.from_mapping({key: value})
    err = info.value.errors[0]
    assert err.field == key
    assert key in err.message_zh and key in err.message_en
    assert info.value.record_kind == "station_setting"


def test_all_errors_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        RuleSettings.from_mapping({"notice_reply_days": "x", "month_convention": "y"})
    assert {e.field for e in info.value.errors} == {"notice_reply_days", "month_convention"}


def test_cross_field_checks() -> None:
    with pytest.raises(ValidationError) as info:
        RuleSettings(staff_on_duty_min=4, staff_on_duty_max=3)
    assert info.value.errors[0].field == "staff_on_duty_max"
    with pytest.raises(ValidationError):
        RuleSettings.from_mapping({"first_instance_warning_months": 4})


def test_direct_construction_is_validated_and_normalised() -> None:
    with pytest.raises(ValidationError):
        RuleSettings(month_convention="bogus")  # type: ignore[arg-type]
    s = RuleSettings(custody_extra_alerts=[2], talk_types_counted=["routine"])  # type: ignore[arg-type]
    assert s.custody_extra_alerts == (2,)
    assert s.talk_types_counted == frozenset({"routine"})
    with pytest.raises(TypeError):
        s.holiday_rollover["notice_reply"] = False  # type: ignore[index]
