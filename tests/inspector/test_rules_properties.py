"""Property tests for the rules engine (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.domain.settings import ROLLOVER_RULES, RuleSettings
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.rules.deadlines import (
    lawyer_complaint_due,
    letter_review_due,
    notice_reply_due,
    oral_follow_up_due,
    review_decision_due,
    suggestion_reply_due,
)
from inspector.rules.periods import add_months, span_days

E = CustodyEventInput
CAL = HolidayCalendar()
# every day from 2003 to 2032 a holiday
ALL_HOLIDAYS = HolidayCalendar(
    {date(2003, 1, 1) + timedelta(days=i): False for i in range((date(2033, 1, 1) - date(2003, 1, 1)).days)},
    use_package=False,
)
TODAY = date(2020, 1, 1)

days = st.dates(min_value=date(2005, 1, 1), max_value=date(2028, 12, 31))
conventions = st.builds(
    RuleSettings,
    month_convention=st.sampled_from(["from_event_day", "from_next_day"]),
    extension_convention=st.sampled_from(["cumulative", "chained"]),
    excluded_span_convention=st.sampled_from(["end_minus_start", "inclusive"]),
)

# stage → (event that starts its clock, extension event kind or None)
STAGES: dict[str, tuple[str, str | None]] = {
    "detention": ("detention", "investigation_extended"),
    "arrest_review": ("arrest_requested", None),
    "investigation": ("arrest", "investigation_extended"),
    "prosecution_review": ("transferred_for_prosecution", "prosecution_extended"),
    "supplementary_investigation": ("returned_for_investigation", None),
    "first_instance": ("indicted", "trial_extended"),
    "summary_trial": ("indicted", "trial_extended"),
    "fast_track_trial": ("indicted", "trial_extended"),
    "second_instance": ("second_instance_accepted", "trial_extended"),
}


@st.composite
def timelines(draw: st.DrawFn) -> DetaineeCustodyInput:
    stage = draw(st.sampled_from(sorted(STAGES)))
    start_kind, ext_kind = STAGES[stage]
    start = draw(days)
    events = [E(start_kind, start)]
    if ext_kind is not None:
        for _ in range(draw(st.integers(0, 4))):
            on = start + timedelta(days=draw(st.integers(0, 90)))
            months = draw(st.one_of(st.none(), st.integers(0, 3)))
            events.append(E(ext_kind, on, extension_months=months))
    if draw(st.booleans()):
        a = start + timedelta(days=draw(st.integers(0, 40)))
        b = a + timedelta(days=draw(st.integers(0, 40)))
        events += [E("psych_assessment_start", a), E("psych_assessment_end", b)]
    return DetaineeCustodyInput(
        stage,
        None,
        start,
        multiple_or_gang=draw(st.booleans()),
        events=tuple(draw(st.permutations(events))),
    )


@given(timelines(), conventions)
def test_custody_deadline_never_before_its_start(inp: DetaineeCustodyInput, s: RuleSettings) -> None:
    r = custody_deadline(inp, s, TODAY)
    assert r.deadline is not None and r.started_on is not None
    assert r.deadline > r.started_on
    assert r.warning_from is not None and r.started_on <= r.warning_from <= r.deadline


@settings(max_examples=60)
@given(timelines(), conventions)
def test_holidays_never_extend_a_custody_deadline(inp: DetaineeCustodyInput, s: RuleSettings) -> None:
    plain = custody_deadline(inp, s, TODAY)
    for cal in (CAL, ALL_HOLIDAYS):
        r = custody_deadline(inp, s, TODAY, calendar=cal)
        assert (r.deadline, r.warning_from, r.status, r.alert_dates) == (
            plain.deadline,
            plain.warning_from,
            plain.status,
            plain.alert_dates,
        )


@given(timelines(), conventions, st.integers(0, 120), st.one_of(st.none(), st.integers(0, 3)))
def test_an_extension_never_shortens_a_deadline(
    inp: DetaineeCustodyInput, s: RuleSettings, after: int, months: int | None
) -> None:
    ext_kind = STAGES[inp.stage][1]
    if ext_kind is None:
        ext_kind = "trial_extended"  # irrelevant to the stage: must change nothing
    before = custody_deadline(inp, s, TODAY)
    # a newly granted extension: dated on or after everything already recorded (extensions are
    # numbered in date order — art 156, then 158, then 159 — so a back-dated one renumbers the others)
    latest = max(e.occurred_on for e in inp.events)
    extra = E(ext_kind, latest + timedelta(days=after), extension_months=months)
    longer = DetaineeCustodyInput(
        inp.stage, None, inp.admitted_on, inp.multiple_or_gang, (*inp.events, extra)
    )
    after_r = custody_deadline(longer, s, TODAY)
    assert before.deadline is not None and after_r.deadline is not None
    assert after_r.deadline >= before.deadline


@given(
    st.sampled_from(["investigation", "prosecution_review", "first_instance", "second_instance"]),
    days,
    st.integers(0, 60),
    st.integers(0, 200),
    conventions,
)
def test_an_excluded_span_shifts_the_deadline_by_its_length(
    stage: str, start: date, offset: int, length: int, s: RuleSettings
) -> None:
    base = E(STAGES[stage][0], start)
    a = start + timedelta(days=offset)
    b = a + timedelta(days=length)
    without = custody_deadline(DetaineeCustodyInput(stage, None, start, events=(base,)), s, TODAY)
    span = (base, E("psych_assessment_start", a), E("psych_assessment_end", b))
    with_span = custody_deadline(DetaineeCustodyInput(stage, None, start, events=span), s, TODAY)
    assert without.deadline is not None and with_span.deadline is not None
    n = span_days(a, b, s.excluded_span_convention)
    assert with_span.deadline - without.deadline == timedelta(days=n)
    assert with_span.excluded_days == n


@given(days, st.integers(0, 40))
def test_from_next_day_never_earlier_than_from_event_day(start: date, months: int) -> None:
    assert add_months(start, months, "from_next_day") >= add_months(start, months, "from_event_day")


@given(timelines())
def test_from_next_day_custody_never_earlier(inp: DetaineeCustodyInput) -> None:
    event_day = custody_deadline(inp, RuleSettings(), TODAY).deadline
    next_day = custody_deadline(inp, RuleSettings(month_convention="from_next_day"), TODAY).deadline
    assert event_day is not None and next_day is not None
    assert next_day >= event_day


@given(days, st.integers(-30, 40))
def test_add_months_clamps(start: date, months: int) -> None:
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or (end.day < start.day and (end + timedelta(days=1)).day == 1)


@given(days, st.booleans())
def test_non_custody_deadline_never_before_its_start_and_lands_on_a_working_day(
    start: date, rollover: bool
) -> None:
    s = RuleSettings(holiday_rollover=dict.fromkeys(ROLLOVER_RULES, rollover))
    reply = notice_reply_due(issued_on=start, served_on=start, settings=s, calendar=CAL)
    assert reply is not None
    for d in (
        oral_follow_up_due(start, s, CAL),
        reply,
        review_decision_due(start, s, CAL),
        suggestion_reply_due(start, s, CAL),
        letter_review_due(start, s, CAL),
        lawyer_complaint_due(start, s, CAL),
    ):
        assert d.raw_due > start
        assert d.due >= d.raw_due
        if not rollover:
            assert d.due == d.raw_due and not d.moved
        elif d.certain:
            assert CAL.is_working_day(d.due)
            assert d.moved == (d.due != d.raw_due)
