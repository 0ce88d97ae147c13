"""The small demo: deterministic, complete (every document state), valid, never dated in the future,
with a few custody deadlines near or past (judged by stage_started_on heuristics, not the rules engine)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import inspect

from inspector.demo import DEMO_STATION, DemoSummary, generate
from inspector.demo.dates import add_months, monday
from inspector.domain.enums import DocumentState, Stage
from inspector.domain.records import SPECS
from inspector.domain.validation import local_date
from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store.base import Synced
from inspector.store.models import (
    AppUser,
    CustodyEvent,
    DailyLog,
    Detainee,
    DutyPlan,
    DutySignIn,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    StaffMember,
    Talk,
)
from inspector.store.repository import today_local
from inspector.store.store import Store

TODAY = min(date(2026, 11, 20), today_local())
# Columns the store stamps itself (they differ between two stores by design).
STAMPED = {"station_id", "created_at", "updated_at", "created_by", "updated_by", "device_id"}
# Due dates look ahead by nature.
FUTURE_OK = {"reply_due", "review_due", "follow_up_due", "delivery_due", "term_end"}


@dataclass
class Demo:
    store: Store
    summary: DemoSummary


def make_demo(path: Path, seed: int = 1) -> Demo:
    store = initialise(path, DEMO_STATION, FirstUser("wang", "王检察官", "demo-password"))
    return Demo(store, generate(store, seed=seed, today=TODAY))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    keyring_before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    d = make_demo(tmp_path_factory.mktemp("demo") / "data")
    try:
        yield d
    finally:
        d.store.close()
        keyring.set_keyring(keyring_before)


def rows(store: Store, model: type[Synced]) -> list[dict[str, Any]]:
    keys = [c.key for c in inspect(model).column_attrs]
    return [{k: getattr(obj, k) for k in keys} for obj in store.repo(model).list()]


def synced_models() -> list[type[Synced]]:
    from inspector.store.base import Base

    return [
        m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Synced) and m.class_.__table__.name in SPECS  # type: ignore[attr-defined]
    ]


# --- determinism ---------------------------------------------------------------------------------------


def test_same_seed_and_today_give_the_same_records(demo: Demo, tmp_path: Path) -> None:
    other = make_demo(tmp_path / "again")
    try:
        assert other.summary.counts == demo.summary.counts
        wang, other_wang = first_user(demo.store), first_user(other.store)
        for model in synced_models():
            if model.__tablename__ in ("station", "station_setting"):  # type: ignore[attr-defined]
                continue
            if model in ROSTER:
                assert roster_rows(demo.store, model) == roster_rows(other.store, model), model
                continue
            mine = sorted(rows(demo.store, model), key=lambda r: str(r["id"]))
            theirs = sorted(rows(other.store, model), key=lambda r: str(r["id"]))
            if model is AppUser:  # the first user comes from init, with a random id
                mine = [r for r in mine if r["username"] != "wang"]
                theirs = [r for r in theirs if r["username"] != "wang"]
            assert len(mine) == len(theirs), model
            for a, b in zip(mine, theirs, strict=True):
                assert {k: as_wang(v, wang) for k, v in a.items() if k not in STAMPED} == {
                    k: as_wang(v, other_wang) for k, v in b.items() if k not in STAMPED
                }
    finally:
        other.store.close()


def first_user(store: Store) -> str:
    return str(next(u.id for u in store.repo(AppUser).list() if u.username == "wang"))


def as_wang(value: Any, wang: str) -> Any:
    """The first user's id (random at init; a daily log names them when they signed in) as "wang"."""
    if isinstance(value, list):
        return ["wang" if str(v) == wang else v for v in value]
    return value


# The roster's ids derive from the station's id (random at init): compared by person and day instead.
ROSTER = (StaffMember, DutyPlan, DutySignIn)


def roster_rows(store: Store, model: type[Synced]) -> list[str]:
    names = {s.id: s.name for s in store.repo(StaffMember).list()}
    out = []
    for row in rows(store, model):
        kept = {k: v for k, v in row.items() if k not in STAMPED | {"id", "user_id"}}
        if "staff_id" in kept:
            kept["staff_id"] = names[kept["staff_id"]]
        out.append(repr(sorted(kept.items())))
    return sorted(out)


def test_another_seed_gives_other_records(demo: Demo, tmp_path: Path) -> None:
    other = make_demo(tmp_path / "seed2", seed=2)
    try:
        mine = {r["id"] for r in rows(demo.store, Detainee)}
        theirs = {r["id"] for r in rows(other.store, Detainee)}
        assert not mine & theirs
    finally:
        other.store.close()


def test_today_in_the_future_is_refused(tmp_path: Path) -> None:
    store = initialise(tmp_path / "future", DEMO_STATION, FirstUser("wang", "王检察官", "demo-password"))
    try:
        with pytest.raises(ValueError, match="future"):
            generate(store, today=today_local() + timedelta(days=1))
    finally:
        store.close()


def test_a_second_run_into_the_same_store_is_refused(demo: Demo) -> None:
    with pytest.raises(ValueError, match="new store"):
        generate(demo.store, today=TODAY)


# --- volume --------------------------------------------------------------------------------------------


def test_counts_are_in_the_expected_ranges(demo: Demo) -> None:
    c = demo.summary.counts
    expected = {
        "app_user": (3, 3),
        "detainee": (300, 300),
        "custody_event": (1200, 4000),
        "patrol": (12, 26),
        "talk": (40, 200),
        "mailbox_opening": (7, 8),  # 7 when the current week has no day before today
        "mailbox_letter": (5, 40),
        "finding": (15, 80),
        "oral_correction": (5, 40),
        "rectification_notice": (11, 20),
        "procuratorial_suggestion": (11, 20),
        "incident": (3, 10),
        "preholiday_inspection": (2, 3),
        "execution_delivery_check": (10, 150),
        "lawyer_meeting_check": (8, 30),
        "daily_log": (30, 45),
    }
    for table, (lo, hi) in expected.items():
        assert lo <= c.get(table, 0) <= hi, (table, c.get(table))
    assert demo.store.repo(AppUser).count(AppUser.role == "chief_procurator") == 1
    assert demo.summary.seconds < 15


def test_every_stage_and_a_realistic_population(demo: Demo) -> None:
    detainees = rows(demo.store, Detainee)
    stages = Counter(d["stage"] for d in detainees)
    assert set(stages) == {s.value for s in Stage}
    held = [d for d in detainees if d["discharged_on"] is None]
    assert 150 <= len(held) <= 260
    juveniles = [d for d in held if add_months(d["birth_date"], 18 * 12) > TODAY]
    assert 0.05 <= len(juveniles) / len(held) <= 0.18
    assert all(d["block"] == "五监区" for d in juveniles)
    assert any(d["sentence_kind"] and d["term_end"] for d in held if d["stage"] == "serving_in_center")
    rare = [d["name"] for d in detainees if re.search("[喆堃镕昇燊玥珺璟]", d["name"])]
    assert 3 <= len(rare) <= 20
    assert all(re.fullmatch(r"[一-鿿]{2,4}", d["name"]) for d in detainees)


# --- validity ------------------------------------------------------------------------------------------


def test_every_row_passes_validation_again(demo: Demo) -> None:
    for model in synced_models():
        spec = SPECS[model.__tablename__]  # type: ignore[attr-defined]
        for row in rows(demo.store, model):
            spec.validate(row, today=TODAY)


def test_nothing_is_dated_after_yesterday(demo: Demo) -> None:
    for model in synced_models():
        for row in rows(demo.store, model):
            for key, value in row.items():
                if key in STAMPED or key in FUTURE_OK or not isinstance(value, date):
                    continue
                if model is AppUser or (model is Detainee and key == "birth_date"):
                    continue
                if model is DutyPlan and key == "day":  # the roster is planned ahead
                    continue
                day = local_date(value) if isinstance(value, datetime) else value
                assert day < TODAY, (model.__tablename__, key, value)  # type: ignore[attr-defined]
                if isinstance(value, datetime):
                    assert value.tzinfo is not None and value.utcoffset() == timedelta(0)


def test_timelines_are_consistent(demo: Demo) -> None:
    events: dict[Any, list[dict[str, Any]]] = {}
    for e in rows(demo.store, CustodyEvent):
        events.setdefault(e["detainee_id"], []).append(e)
    start_kinds = {
        "detention": {"detention"},
        "own_case_detention": {"own_case_detention"},
        "supervision_detention": {"supervision_detention"},
        "arrest_review": {"arrest_requested"},
        "investigation": {"arrest"},
        "prosecution_review": {"transferred_for_prosecution", "retransferred"},
        "supplementary_investigation": {"returned_for_investigation"},
        "first_instance": {"indicted", "remanded"},
        "summary_trial": {"indicted", "remanded"},
        "fast_track_trial": {"indicted", "remanded"},
        "second_instance": {"second_instance_accepted"},
        "retrial": {"custody_handover"},
        "awaiting_execution": {"judgment_effective"},
        "serving_in_center": {"serve_in_center_decided"},
    }
    for d in rows(demo.store, Detainee):
        admitted = local_date(d["admitted_at"])
        mine = events[d["id"]]
        assert min(e["occurred_on"] for e in mine) == admitted
        assert all(admitted <= e["occurred_on"] < TODAY for e in mine)
        assert admitted <= d["stage_started_on"] < TODAY
        if d["stage"] == "discharged":
            assert d["stage_started_on"] == d["discharged_on"]
        else:
            on_start = {e["kind"] for e in mine if e["occurred_on"] == d["stage_started_on"]}
            assert on_start & start_kinds[d["stage"]], (d["stage"], on_start)
            assert d["discharged_on"] is None
        if d["stage"] in ("awaiting_execution", "serving_in_center"):
            assert d["legal_status"] == "convict" and d["judgment_effective_on"] is not None
        if d["stage"] == "serving_in_center" and d["sentence_kind"] == "fixed_term":
            # 留所服刑: at most three months left when the execution notice came
            assert d["term_end"] <= add_months(d["execution_notice_received_on"], 3)
        if d["term_start"] is not None:
            assert d["term_start"] == admitted
            assert add_months(d["term_start"], d["sentence_months"]) - timedelta(days=1) == d["term_end"]


def test_talks_show_the_detainee_as_at_the_talk(demo: Demo) -> None:
    detainees = {d["id"]: d for d in rows(demo.store, Detainee)}
    talks = rows(demo.store, Talk)
    for t in talks:
        d = detainees[t["detainee_id"]]
        day = local_date(t["talk_at"])
        assert local_date(d["admitted_at"]) <= day
        assert d["discharged_on"] is None or day < d["discharged_on"]
        assert t["detainee_snapshot"]["name"] == d["name"]
        assert len(t["interviewer_ids"]) >= 2
    assert {t["talk_type"] for t in talks} >= {"new_admission", "routine", "requested", "during_patrol"}


# --- documents -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "code"), [(RectificationNotice, "纠违"), (ProcuratorialSuggestion, "建")])
def test_documents_in_every_state_with_unique_numbers(demo: Demo, model: type[Synced], code: str) -> None:
    docs = rows(demo.store, model)
    assert {d["state"] for d in docs} == {s.value for s in DocumentState}
    numbered = [d for d in docs if d["doc_number"] is not None]
    assert len({(d["doc_year"], d["doc_seq"]) for d in numbered}) == len(numbered)
    assert len({d["doc_number"] for d in numbered}) == len(numbered)
    for d in docs:
        assert (d["doc_number"] is None) == (d["state"] in ("draft", "approved")), d["state"]
        if d["doc_number"] is not None:
            assert d["doc_number"] == f"七检刑执{code}〔{d['doc_year']}〕{d['doc_seq']}号"
            assert d["doc_year"] == d["issued_on"].year
            assert d["approved_on"] <= d["issued_on"]
        if d["served_on"] is not None:
            due = d["served_on"] + timedelta(days=15) if code == "纠违" else add_months(d["served_on"], 2)
            assert d["reply_due"] == due
        if d["state"] == "overdue":
            assert d["reply_due"] < TODAY and d["replied_on"] is None
        if d["state"] == "served":
            assert d["reply_due"] >= TODAY
    # numbers follow the issue dates within a year
    by_year: dict[int, list[dict[str, Any]]] = {}
    for d in numbered:
        by_year.setdefault(d["doc_year"], []).append(d)
    for docs_of_year in by_year.values():
        ordered = sorted(docs_of_year, key=lambda d: d["doc_seq"])
        assert [d["issued_on"] for d in ordered] == sorted(d["issued_on"] for d in ordered)
        assert ordered[0]["doc_seq"] == 1


# --- weekly work -------------------------------------------------------------------------------------------


def test_weekly_work_shows_targets_met_and_one_shortfall(demo: Demo) -> None:
    last_full_week = monday(TODAY - timedelta(days=1)) - timedelta(weeks=1)
    weeks = [last_full_week - timedelta(weeks=i) for i in range(7)]
    patrols = Counter(monday(p["patrol_date"]) for p in rows(demo.store, Patrol))
    assert [patrols[w] for w in weeks].count(1) >= 1  # the shortfall week (or a short holiday week)
    assert sum(patrols[w] >= 2 for w in weeks) >= 5
    assert all(patrols[w] >= 1 for w in weeks)
    talks = Counter(monday(local_date(t["talk_at"])) for t in rows(demo.store, Talk))
    assert all(talks[w] >= 2 for w in weeks)
    openings = rows(demo.store, MailboxOpening)
    assert any(o["letter_count"] == 0 for o in openings)
    letters = rows(demo.store, MailboxLetter)
    assert sum(o["letter_count"] for o in openings) == len(letters)
    assert any(letter["confidential"] for letter in letters)
    assert all(letter["review_due"] == letter["accepted_on"] + timedelta(days=15) for letter in letters)


# --- custody deadlines (heuristics; the rules engine computes the real ones) --------------------------------


def heuristic_deadline(d: dict[str, Any], events: list[dict[str, Any]]) -> date | None:
    start: date = d["stage_started_on"]
    since = [e for e in events if e["occurred_on"] >= start]
    months = sum(e["extension_months"] or 0 for e in since)
    days = sum(e["extension_days"] or 0 for e in since)
    stage = d["stage"]
    if any(e["kind"] == "first_judgment" for e in since):
        return None  # judged: waiting for the judgment to take effect, no trial limit left to run
    if stage == "detention":
        return start + timedelta(days=30 if d["multiple_or_gang"] else 7)
    if stage == "arrest_review":
        return start + timedelta(days=7)
    if stage == "investigation":
        return add_months(start, 2 + months)
    if stage == "prosecution_review":
        return add_months(start, 1) + timedelta(days=days)
    if stage == "supplementary_investigation":
        return add_months(start, 1)
    if stage == "first_instance":
        return add_months(start, 3 + months)
    if stage == "summary_trial":
        return start + timedelta(days=20)
    if stage == "fast_track_trial":
        return start + timedelta(days=10)
    if stage == "second_instance":
        return add_months(start, 2)
    if stage == "retrial":
        return add_months(start, 3)
    if stage == "awaiting_execution" and d["execution_notice_received_on"] is not None:
        notice: date = d["execution_notice_received_on"]
        return notice + timedelta(days=30)
    return None


def test_a_few_custody_deadlines_are_near_and_one_or_two_are_past(demo: Demo) -> None:
    events: dict[Any, list[dict[str, Any]]] = {}
    for e in rows(demo.store, CustodyEvent):
        events.setdefault(e["detainee_id"], []).append(e)
    left: list[tuple[str, int]] = []
    for d in rows(demo.store, Detainee):
        if d["discharged_on"] is None:
            deadline = heuristic_deadline(d, events[d["id"]])
            if deadline is not None:
                left.append((d["stage"], (deadline - TODAY).days))
    overdue = [x for x in left if x[1] < 0]
    assert 1 <= len(overdue) <= 2
    assert {stage for stage, _ in overdue} <= {"investigation", "prosecution_review"}
    # near: within the centre's 7-day warning window, in the stages with longer limits
    near = [
        x for x in left if 0 <= x[1] <= 7 and x[0] not in ("detention", "arrest_review", "fast_track_trial")
    ]
    assert len(near) >= 3
    warned = [d for d in rows(demo.store, Detainee) if d["warning_notice_sent_on"] is not None]
    assert warned and all(w["warning_notice_sent_on"] < TODAY for w in warned)


def test_no_detention_runs_past_its_limit_without_an_extension(demo: Demo) -> None:
    """拘留 lasts 3 days (CPL art 91); the demo's longer ones carry the 1-to-4-day extension (or are
    流窜作案、多次作案、结伙作案, 30 days), so the engine finds no 刑事拘留 row overdue on any page."""
    from sqlalchemy import select

    from inspector.services.detainee_views import detainee_overview

    with demo.store.session(read_only=True) as s:
        ids = list(s.scalars(select(Detainee.id)))
    overdue: Counter[str] = Counter()
    extended = 0
    for detainee_id in ids:
        overview = detainee_overview(demo.store, detainee_id, today=TODAY)
        overdue.update(r.stage for r in overview.stages if r.overdue)
        extended += any(
            r.stage == "detention" and r.event_kind == "investigation_extended" for r in overview.stages
        )
    assert overdue["detention"] == 0, overdue
    assert set(overdue) <= {"investigation", "prosecution_review"}  # the scripted 超期羁押 examples
    assert extended >= 10  # the extensions are there, not the detentions shortened
    for e in rows(demo.store, CustodyEvent):
        if e["kind"] == "investigation_extended" and e["extension_days"] is not None:
            assert 1 <= e["extension_days"] <= 4 and "第九十一条" in (e["legal_basis"] or "")


def test_no_past_stage_reads_overdue_by_accident(demo: Demo) -> None:
    """Every stage a person went through closed within its limit (a trial by the time its judgment
    took effect or the 二审 accepted the appeal, a delivery within 30 days of the 执行通知书), so a
    detainee's page shows 超期 only for the scripted 超期羁押 examples: held, in the stage running now."""
    from sqlalchemy import select

    from inspector.services.detainee_views import detainee_overview

    with demo.store.session(read_only=True) as s:
        ids = list(s.scalars(select(Detainee.id)))
    flagged: dict[Any, str] = {}
    for detainee_id in ids:
        overview = detainee_overview(demo.store, detainee_id, today=TODAY)
        now = overview.current_row
        for row in overview.stages:
            if not row.overdue:
                continue
            # rows of the stage running now (its opening event, the 换押 the same day) share its limit
            assert now is not None and now.overdue, (overview.particulars.name, row)
            assert (row.stage, row.deadline) == (now.stage, now.deadline), (overview.particulars.name, row)
            flagged[detainee_id] = row.stage
    assert 1 <= len(flagged) <= 2 and set(flagged.values()) <= {"investigation", "prosecution_review"}


def test_replied_notices_wait_for_verification_or_for_the_report_upward(demo: Demo) -> None:
    """As in the app, 核实整改 sets correction_status after the reply: a 已回复 notice is either not
    verified yet (its reply awaits checking) or verified as not corrected (上报 next); a closed one is
    corrected, with the verification's date in its history."""
    from inspector.domain.lifecycle import VERIFY_HOW, next_actions, timeline

    notices = rows(demo.store, RectificationNotice)
    replied = [d for d in notices if d["state"] == "replied"]
    waiting = [d for d in replied if d["correction_status"] is None]
    not_done = [d for d in replied if d["correction_status"] is not None]
    assert waiting and not_done
    for d in waiting:
        assert [a.name for a in next_actions("replied")] == ["verify"]
        steps = timeline(d)
        assert [s.label for s in steps if s.reached][-1] == "已回复" and steps[3].current
        assert "完毕" not in d["reply_text"]
    for d in not_done:
        assert d["correction_status"] in ("not_corrected", "partly")
        assert [a.name for a in next_actions("replied", correction_status=d["correction_status"])] == [
            "report_upward"
        ]
        assert "尚未" in d["reply_text"]
        steps = timeline(d)
        assert steps[4].reached and steps[4].current and steps[4].on is not None
    for d in notices:
        if d["state"] == "closed":
            assert d["correction_status"] == "corrected"
            assert any(f["how"] == VERIFY_HOW for f in d["follow_ups"])
    # an oral correction a notice escalated is corrected exactly when the notice was verified 已整改
    orals = {o["id"]: o for o in rows(demo.store, OralCorrection)}
    for d in notices:
        if d["oral_correction_id"] is not None:
            oral = orals[d["oral_correction_id"]]
            assert oral["corrected"] == (d["state"] == "closed"), d["state"]
            if oral["corrected"]:
                verified = [f["on"] for f in d["follow_ups"] if f["how"] == VERIFY_HOW]
                assert oral["corrected_on"].isoformat() == verified[-1]
                assert oral["verified_how"].startswith("经纠正违法通知书")
    for d in rows(demo.store, ProcuratorialSuggestion):
        if d["state"] == "replied":
            assert d["adopted"] is None  # what the verification will find


def test_documents_signed_later_continue_the_numbering(demo: Demo) -> None:
    from sqlalchemy import func, select

    from inspector.documents.numbering import NOTICE, issue_number

    year = TODAY.year
    with demo.store.session() as s:
        used = s.scalar(
            select(func.max(RectificationNotice.doc_seq)).where(RectificationNotice.doc_year == year)
        )
        if year != today_local().year or not used:
            pytest.skip("init grants number blocks for the current year only")
        assert issue_number(s, NOTICE, year) == used + 1


def test_a_roster_with_sign_ins_and_a_short_day_ahead(demo: Demo) -> None:
    from inspector.agenda import build_agenda
    from inspector.rules.calendar import HolidayCalendar
    from inspector.rules.duty import roster_day
    from inspector.services import duty

    staff = duty.list_staff(demo.store)
    assert [s.position for s in staff] == ["检察室主任", "检察官", "检察官", "检察官", "检察官助理"]
    assert sum(1 for s in staff if s.user_id is None) == 1  # the assistant has no account
    month = duty.load_month(demo.store, TODAY.year, TODAY.month, today=TODAY)
    signs = demo.store.repo(DutySignIn).list()
    assert signs and all(s.day < TODAY for s in signs)
    assert max(s.day for s in demo.store.repo(DutyPlan).list()) > TODAY + timedelta(days=20)  # planned ahead
    # on site on working days: two or three as a rule, now and then one
    past = [c for c in month.checks if c.day.kind == "workday" and c.day.day < TODAY]
    assert past and sum(1 for c in past if c.on_site >= 2) >= len(past) - 2
    # the daily logs name who signed in (those with an account)
    names = {s.id: s.user_id for s in staff}
    for log in demo.store.repo(DailyLog).list(DailyLog.log_date >= TODAY - timedelta(days=20)):
        signed = {str(names[s.staff_id]) for s in signs if s.day == log.log_date and names[s.staff_id]}
        assert set(log.staff_on_duty) == signed, log.log_date
    # the next working day within three days is planned with one person: the 工作台 says so
    cal = HolidayCalendar()
    ahead = [TODAY + timedelta(days=k) for k in range(1, 4)]
    soon = next((d for d in ahead if roster_day(d, cal).kind == "workday"), None)
    items = [i for i in build_agenda(demo.store, TODAY).items if i.kind == "duty_staff"]
    if soon is not None:
        assert [i.due for i in items] == [soon] and items[0].title == "工作日在岗人数不足（1/2）"
