"""The services layer: load for edit, save with version check, children, roles, audit, life cycle."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from inspector.documents.monthly import load_monthly_report
from inspector.domain.catalogue import CATALOGUE, FieldKind, label
from inspector.domain.errors import FieldError, ValidationError
from inspector.domain.lifecycle import (
    ORAL_ESCALATED,
    ORAL_NOT_CORRECTED,
    ORAL_NOTICE_CORRECTED,
    ORAL_REPORTED,
    ORAL_WITHDRAWN,
    LifecycleError,
    next_actions,
    oral_status,
    timeline,
)
from inspector.security.audit import verify_chain
from inspector.services import documents as docs
from inspector.services import lists, lookup, records
from inspector.services.document_views import load_oral_correction
from inspector.services.policy import Actor, Permission, PermissionDeniedError, actor_for, may
from inspector.store.models import (
    AppUser,
    AuditLog,
    Finding,
    MailboxOpening,
    OralCorrection,
    RectificationNotice,
    SyncOutbox,
)
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.conftest import detainee_values


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


def assistant(store: Store) -> Actor:
    user = store.repo(AppUser).add({"username": "li", "display_name": "李助理", "role": "assistant"})
    return actor_for(store, user.id)


def _audit(store: Store) -> list[AuditLog]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.seq)))


def test_every_catalogue_field_is_a_column_with_a_label() -> None:
    for kind, fields in CATALOGUE.items():
        model = records.model_of(kind)
        columns = set(model.__table__.columns.keys())  # type: ignore[attr-defined]
        for f in fields:
            assert f.name in columns, f"{kind}.{f.name} is not a column"
            assert f.label and f.label != f.name, f"{kind}.{f.name} has no Chinese label"
            if f.kind in (FieldKind.CHOICE, FieldKind.MULTI_CHOICE):
                assert f.choices, f"{kind}.{f.name} has no choices"
    assert label("detainee", "id_number") == "身份证号"
    assert label("talk", "qa_text") == "谈话内容"


def test_new_patrol_defaults_today_me_and_last_areas(store: Store, me: Actor) -> None:
    first = records.load_for_edit(store, "patrol", actor=me)
    assert first.values["patrol_date"] == today_local()
    assert first.values["participant_ids"] == [str(me.user_id)]
    assert first.version is None
    records.save(
        store, "patrol", None, {**first.values, "areas": ["一监区"], "methods": ["on_site"]}, None, me
    )
    second = records.load_for_edit(store, "patrol", actor=me)
    assert second.values["areas"] == ["一监区"]
    assert second.values["methods"] == ["on_site"]


def test_patrol_with_findings_in_one_transaction_audited(store: Store, me: Actor) -> None:
    state = records.load_for_edit(store, "patrol", actor=me)
    values = {**state.values, "areas": ["一监区", "二监区"], "methods": ["on_site"]}
    findings = [
        records.ChildChange({"description": "103监室电视机损坏", "severity": "hazard"}),
        records.ChildChange({"description": "值班民警未按时巡查", "severity": "flaw", "location": "105监室"}),
    ]
    saved = records.save(store, "patrol", None, values, None, me, children=findings)
    assert len(saved.child_ids) == 2
    loaded = records.load_for_edit(store, "patrol", saved.record_id)
    assert [c.values["description"] for c in loaded.children] == ["103监室电视机损坏", "值班民警未按时巡查"]
    assert all(c.values["source"] == "patrol" for c in loaded.children)
    assert all(c.values["found_on"] == today_local() for c in loaded.children)
    entries = _audit(store)
    assert [(e.action, e.table_name) for e in entries[-3:]] == [
        ("create", "patrol"),
        ("create", "finding"),
        ("create", "finding"),
    ]
    assert entries[-1].user_id == me.user_id and entries[-1].device_id == me.device_id
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []
        outbox = {r.row_id for r in s.scalars(select(SyncOutbox))}
    assert {saved.record_id, *saved.child_ids} <= outbox


def test_a_bad_child_writes_nothing(store: Store, me: Actor) -> None:
    state = records.load_for_edit(store, "patrol", actor=me)
    values = {**state.values, "areas": ["一监区"], "methods": ["on_site"]}
    bad = [
        records.ChildChange({"description": "x", "severity": "hazard"}),
        records.ChildChange({"severity": "flaw"}),
    ]
    before = len(_audit(store))
    with pytest.raises(ValidationError) as err:
        records.save(store, "patrol", None, values, None, me, children=bad)
    assert "问题描述" in err.value.message_zh
    assert store.repo(records.model_of("patrol")).count() == 0
    assert store.repo(Finding).count() == 0
    assert len(_audit(store)) == before


def test_validation_names_the_field(store: Store, me: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        records.save(store, "patrol", None, {"patrol_date": today_local(), "methods": ["on_site"]}, None, me)
    assert err.value.for_field("areas")
    with pytest.raises(ValidationError) as err:
        records.save(store, "patrol", None, {"patrol_date": today_local(), "secret": 1}, None, me)
    assert err.value.for_field("secret")


def test_stale_edit_is_refused_with_their_values(store: Store, me: Actor) -> None:
    person = store.repo(records.model_of("detainee")).add(detainee_values())
    window_a = records.load_for_edit(store, "detainee", person.id)
    window_b = records.load_for_edit(store, "detainee", person.id)
    records.save(store, "detainee", person.id, {"cell": "201"}, window_a.version, me)
    with pytest.raises(records.StaleEditError) as err:
        records.save(store, "detainee", person.id, {"cell": "305"}, window_b.version, me)
    assert err.value.theirs["cell"] == "201"
    assert err.value.fields == ["cell"]
    assert "监室" in err.value.message_zh
    assert records.load_for_edit(store, "detainee", person.id).values["cell"] == "201"


def test_roles(store: Store, me: Actor) -> None:
    helper = assistant(store)
    assert may(me, Permission.SIGN) and not may(helper, Permission.SIGN)
    assert may(helper, Permission.EDIT)
    admin = Actor(me.station_id, me.device_id, me.user_id, "admin")
    with pytest.raises(PermissionDeniedError) as err:
        records.save(store, "finding", None, {"description": "x"}, None, admin)
    assert "管理员" in err.value.message_zh


def test_delete_and_restore(store: Store, me: Actor) -> None:
    state = records.load_for_edit(store, "mailbox_opening", actor=me)
    letters = [
        records.ChildChange(
            {"serial_no": 1, "category": "accusation", "subject": "反映被打", "accepted_on": today_local()}
        ),
        records.ChildChange(
            {"serial_no": 2, "category": "inquiry", "subject": "询问刑期", "accepted_on": today_local()}
        ),
    ]
    saved = records.save(store, "mailbox_opening", None, state.values, None, me, children=letters)
    assert store.repo(MailboxOpening).require(saved.record_id).letter_count == 2
    records.delete(store, "mailbox_letter", saved.child_ids[0], me)
    assert store.repo(MailboxOpening).require(saved.record_id).letter_count == 1
    records.restore(store, "mailbox_letter", saved.child_ids[0], me)
    assert store.repo(MailboxOpening).require(saved.record_id).letter_count == 2
    assert [e.action for e in _audit(store)[-2:]] == ["delete", "restore"] or "restore" in [
        e.action for e in _audit(store)
    ]


def test_talk_keeps_the_detainee_as_at_the_talk(store: Store, me: Actor) -> None:
    person = store.repo(records.model_of("detainee")).add(detainee_values(cell="108"))
    state = records.load_for_edit(store, "talk", actor=me)
    values = {
        **state.values,
        "detainee_id": person.id,
        "talk_type": "new_admission",
        "qa_text": "问：身体如何？答：好。",
    }
    saved = records.save(store, "talk", None, values, None, me)
    talk = store.repo(records.model_of("talk")).require(saved.record_id)
    assert talk.detainee_snapshot["cell"] == "108"  # type: ignore[attr-defined]


# ---- the notice life cycle --------------------------------------------------------------------------


def _oral_then_notice(store: Store, me: Actor) -> uuid.UUID:
    patrol = records.load_for_edit(store, "patrol", actor=me)
    saved = records.save(
        store,
        "patrol",
        None,
        {**patrol.values, "areas": ["一监区"], "methods": ["on_site"]},
        None,
        me,
        children=[
            records.ChildChange(
                {"description": "103监室监控有盲区", "severity": "hazard", "location": "103监室"}
            )
        ],
    )
    finding_id = saved.child_ids[0]
    oral = docs.raise_from_finding(store, finding_id, "oral_correction", me)
    assert "103监室" in oral.values["facts"]
    oral_saved = records.save(
        store, "oral_correction", None, oral.values, None, me, from_finding=oral.links["from_finding"]
    )
    oral_row = store.repo(records.model_of("oral_correction")).require(oral_saved.record_id)
    assert oral_row.follow_up_due == today_local() + timedelta(days=7)  # type: ignore[attr-defined]
    assert store.repo(Finding).require(finding_id).oral_correction_id == oral_saved.record_id
    notice = docs.escalate_oral(store, oral_saved.record_id, me)
    assert notice.values["trigger"] == "oral_not_corrected"
    assert notice.values["facts"].startswith(oral.values["facts"])
    assert notice.values["facts"].endswith("提出口头纠正意见，你所至今未予纠正。")
    assert notice.values["discovery"].endswith("在巡视检察中发现")
    values = {k: v for k, v in notice.values.items()}
    saved_notice = records.save(
        store,
        "rectification_notice",
        None,
        values | {"oral_correction_id": notice.links["oral_correction_id"]},
        None,
        me,
        from_finding=notice.links["from_finding"],
    )
    return saved_notice.record_id


def test_notice_life_cycle_from_a_patrol_finding(store: Store, me: Actor) -> None:
    notice_id = _oral_then_notice(store, me)
    kind = "rectification_notice"
    state = records.load_for_edit(store, kind, notice_id)
    assert [a.name for a in next_actions("draft")] == ["sign", "withdraw"]
    with pytest.raises(LifecycleError) as err:
        docs.step(store, kind, notice_id, "serve", {}, state.version, me)
    assert "草稿" in err.value.message_zh
    helper = assistant(store)
    with pytest.raises(PermissionDeniedError) as denied:
        docs.step(
            store,
            kind,
            notice_id,
            "sign",
            {"approved_by": "张检察长", "issued_on": today_local()},
            None,
            helper,
        )
    assert "待检察官签发" in denied.value.message_zh
    with pytest.raises(ValidationError) as missing:
        docs.step(store, kind, notice_id, "sign", {"issued_on": today_local()}, None, me)
    assert missing.value.for_field("approved_by")
    issued = today_local() - timedelta(days=30)
    signed = docs.step(
        store, kind, notice_id, "sign", {"approved_by": "张检察长", "issued_on": issued}, state.version, me
    )
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.doc_number and row.state == "issued"  # type: ignore[attr-defined]
    served = docs.step(
        store,
        kind,
        notice_id,
        "serve",
        {"served_on": issued, "service_method": "written", "receiver_name": "刘所长"},
        signed.version,
        me,
    )
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.reply_due is not None and row.reply_due > issued  # type: ignore[attr-defined]
    replied = docs.step(
        store,
        kind,
        notice_id,
        "reply",
        {"replied_on": today_local(), "reply_text": "已整改"},
        served.version,
        me,
    )
    docs.step(
        store, kind, notice_id, "verify", {"outcome": "corrected", "on": today_local()}, replied.version, me
    )
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.state == "closed" and row.correction_status == "corrected"  # type: ignore[attr-defined]
    steps = timeline(
        {c: getattr(row, c) for c in ("state", "issued_on", "served_on", "replied_on", "correction_status")}
    )
    assert [s.label for s in steps if s.reached] == ["草稿", "已签发", "已送达", "已回复", "已整改"]
    assert store.repo(Finding).list()[0].resolved_on == today_local()
    entries = [(e.action, e.table_name) for e in _audit(store)]
    assert [action for action, _ in entries[-6:-2]] == ["sign", "serve", "reply", "verify"]
    assert entries[-2:] == [("update", "finding"), ("update", "oral_correction")]  # resolved, corrected
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []


def test_report_upward_only_when_overdue_or_not_corrected(store: Store, me: Actor) -> None:
    notice_id = _oral_then_notice(store, me)
    kind = "rectification_notice"
    docs.step(
        store, kind, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today_local()}, None, me
    )
    docs.step(
        store,
        kind,
        notice_id,
        "serve",
        {"served_on": today_local(), "service_method": "written", "receiver_name": "刘所长"},
        None,
        me,
    )
    with pytest.raises(LifecycleError) as err:
        docs.step(store, kind, notice_id, "report_upward", {"on": today_local()}, None, me)
    assert "未届满" in err.value.message_zh
    docs.step(
        store, kind, notice_id, "reply", {"replied_on": today_local(), "reply_text": "正在整改"}, None, me
    )
    docs.step(store, kind, notice_id, "verify", {"outcome": "not_corrected", "on": today_local()}, None, me)
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert [a.name for a in next_actions(row.state, correction_status=row.correction_status)] == [
        "report_upward"
    ]  # type: ignore[attr-defined]
    docs.step(store, kind, notice_id, "report_upward", {"on": today_local()}, None, me)
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.state == "reported_upward" and row.reported_upward_on == today_local()  # type: ignore[attr-defined]


def _oral_state(store: Store, oral_id: uuid.UUID) -> str:
    [row] = lists.list_rows(store, lists.CORRECTIONS, [oral_id])
    return str(row.record.state)


def _to_reply(store: Store, notice_id: uuid.UUID, me: Actor) -> None:
    kind, today = "rectification_notice", today_local()
    docs.step(store, kind, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today}, None, me)
    docs.step(
        store,
        kind,
        notice_id,
        "serve",
        {"served_on": today, "service_method": "written", "receiver_name": "刘所长"},
        None,
        me,
    )
    docs.step(store, kind, notice_id, "reply", {"replied_on": today, "reply_text": "已整改"}, None, me)


def test_an_escalated_oral_correction_is_corrected_when_its_notice_is(store: Store, me: Actor) -> None:
    """核实整改 as 已整改 records the oral correction the notice escalated as corrected, in the same
    transaction: it reads 已纠正（经纠正违法通知书）, no longer 未纠正."""
    notice_id = _oral_then_notice(store, me)
    notice = store.repo(RectificationNotice).require(notice_id)
    oral_id = notice.oral_correction_id
    assert oral_id is not None
    assert _oral_state(store, oral_id) == ORAL_ESCALATED  # a draft notice: escalated already
    _to_reply(store, notice_id, me)
    assert _oral_state(store, oral_id) == ORAL_ESCALATED  # replied, not yet verified
    verify = {"outcome": "corrected", "on": today_local(), "note": "实地查看，监控盲区已加装摄像头"}

    def refused(*_args: object) -> None:
        raise ValidationError("oral_correction", [FieldError("corrected_on", "整改日期无效", "bad date")])

    with pytest.MonkeyPatch.context() as patch:  # the oral correction's write fails: nothing is written
        patch.setattr(docs, "_oral_corrected_by", refused)
        with pytest.raises(ValidationError):
            docs.step(store, "rectification_notice", notice_id, "verify", verify, None, me)
    assert store.repo(RectificationNotice).require(notice_id).state == "replied"
    assert _oral_state(store, oral_id) == ORAL_ESCALATED

    docs.step(store, "rectification_notice", notice_id, "verify", verify, None, me)
    notice = store.repo(RectificationNotice).require(notice_id)
    oral = store.repo(OralCorrection).require(oral_id)
    assert notice.state == "closed"
    assert oral.corrected and oral.corrected_on == today_local()
    assert oral.verified_how is not None and str(notice.doc_number) in oral.verified_how
    assert oral.verified_how.endswith("：实地查看，监控盲区已加装摄像头")
    assert _oral_state(store, oral_id) == ORAL_NOTICE_CORRECTED
    status = load_oral_correction(store, oral_id).status  # what its page reads
    assert status == oral_status(oral.corrected, notice.state, notice.correction_status)
    assert status.label == "已纠正（经纠正违法通知书）" and status.corrected
    last = _audit(store)[-1]
    assert (last.action, last.table_name, last.row_id) == ("update", "oral_correction", oral_id)
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []
        captured = s.scalars(select(SyncOutbox).where(SyncOutbox.row_id == oral_id)).all()
    assert captured and captured[-1].op == "update"  # it syncs with the notice
    # the month's report still counts it as escalated, not as corrected on the oral correction
    today = today_local()
    counts = load_monthly_report(store, today.year, today.month).counts["oral_corrections"]
    assert counts == {"count": 1, "corrected": 0, "corrected_in_time": 0, "escalated": 1}


def test_an_escalated_oral_correction_reads_as_its_notice_was_verified(store: Store, me: Actor) -> None:
    notice_id = _oral_then_notice(store, me)
    oral_id = store.repo(RectificationNotice).require(notice_id).oral_correction_id
    assert oral_id is not None
    _to_reply(store, notice_id, me)
    kind, today = "rectification_notice", today_local()
    docs.step(store, kind, notice_id, "verify", {"outcome": "partly", "on": today}, None, me)
    assert _oral_state(store, oral_id) == ORAL_NOT_CORRECTED
    assert load_oral_correction(store, oral_id).status.label == "部分整改（纠正违法通知书核实）"
    docs.step(store, kind, notice_id, "report_upward", {"on": today}, None, me)
    assert _oral_state(store, oral_id) == ORAL_REPORTED
    assert not store.repo(OralCorrection).require(oral_id).corrected


def test_withdraw_only_a_draft(store: Store, me: Actor) -> None:
    notice_id = _oral_then_notice(store, me)
    docs.step(store, "rectification_notice", notice_id, "withdraw", {}, None, me)
    oral_id = store.repo(RectificationNotice).require(notice_id).oral_correction_id
    assert oral_id is not None and _oral_state(store, oral_id) == ORAL_WITHDRAWN
    with pytest.raises(LifecycleError):
        docs.step(
            store,
            "rectification_notice",
            notice_id,
            "sign",
            {"approved_by": "x", "issued_on": date.today()},
            None,
            me,
        )


def test_drafts_round_trip_and_stay_local(store: Store, me: Actor) -> None:
    from datetime import datetime, time

    from inspector.services import drafts

    values = {
        "patrol_date": today_local(),
        "start_time": time(9, 5),
        "areas": ["一监区"],
        "when": datetime.now(),
    }
    with store.session(read_only=True) as s:
        outbox_before = len(list(s.scalars(select(SyncOutbox))))
    drafts.save_draft(store, me.user_id, "patrol", None, values)
    found = drafts.find_draft(store, me.user_id, "patrol", None)
    assert found is not None and found.values == values
    assert [d.kind for d in drafts.list_drafts(store, me.user_id)] == ["patrol"]
    assert drafts.list_drafts(store, uuid.uuid4()) == []
    with store.session(read_only=True) as s:
        assert len(list(s.scalars(select(SyncOutbox)))) == outbox_before
    drafts.discard_draft(store, me.user_id, "patrol", None)
    assert drafts.find_draft(store, me.user_id, "patrol", None) is None


def test_daily_log_prefilled_edited_confirmed(store: Store, me: Actor) -> None:
    from inspector.services import reports

    patrol = records.load_for_edit(store, "patrol", actor=me)
    records.save(
        store, "patrol", None, {**patrol.values, "areas": ["一监区"], "methods": ["on_site"]}, None, me
    )
    state = reports.daily_log_for_edit(store, today_local(), me)
    assert state.record_id is None
    assert "巡视检察1次" in state.values["supervision_summary"]
    assert "一监区" in state.values["supervision_summary"]
    saved = records.save(store, "daily_log", None, {**state.values, "other_work": "参加监管例会"}, None, me)
    again = reports.daily_log_for_edit(store, today_local(), me)
    assert again.record_id == saved.record_id and again.values["other_work"] == "参加监管例会"
    confirmed = reports.confirm_daily_log(store, saved.record_id, again.version, me)
    row = store.repo(records.model_of("daily_log")).require(confirmed.record_id)
    assert row.confirmed and row.counts["patrols"] == 1  # type: ignore[attr-defined]


def test_monthly_report_submitted_then_approved(store: Store, me: Actor) -> None:
    from inspector.domain.errors import InspectorError
    from inspector.services import reports

    today = today_local()
    with pytest.raises(InspectorError):
        reports.monthly_report_for_edit(store, today.year + 1, 1, me)
    state = reports.monthly_report_for_edit(store, today.year, today.month, me)
    saved = records.save(store, "monthly_report", None, state.values, None, me)
    submitted = reports.submit_monthly_report(store, saved.record_id, saved.version, me)
    with pytest.raises(PermissionDeniedError):
        reports.approve_monthly_report(store, saved.record_id, submitted.version, assistant(store))
    reports.approve_monthly_report(store, saved.record_id, submitted.version, me)
    row = store.repo(records.model_of("monthly_report")).require(saved.record_id)
    assert row.status == "approved" and row.counted_items and row.approved_on == today  # type: ignore[attr-defined]


def test_review_requested_then_upheld_waits_for_the_reply_again(store: Store, me: Actor) -> None:
    notice_id = _oral_then_notice(store, me)
    kind = "rectification_notice"
    docs.step(
        store, kind, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today_local()}, None, me
    )
    served = {"served_on": today_local(), "service_method": "written", "receiver_name": "刘所长"}
    docs.step(store, kind, notice_id, "serve", served, None, me)
    assert [a.name for a in next_actions("served")][:1] == ["reply"]
    docs.step(store, kind, notice_id, "request_review", {"on": today_local()}, None, me)
    assert [a.name for a in next_actions("review_requested")] == ["decide_review"]
    with pytest.raises(ValidationError):
        docs.step(store, kind, notice_id, "decide_review", {"on": today_local()}, None, me)
    docs.step(store, kind, notice_id, "decide_review", {"on": today_local(), "upheld": True}, None, me)
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.state == "served" and row.review_result == "经复查，维持原纠正意见"  # type: ignore[attr-defined]
    docs.step(
        store, kind, notice_id, "reply", {"replied_on": today_local(), "reply_text": "已整改"}, None, me
    )
    docs.step(
        store,
        kind,
        notice_id,
        "verify",
        {"outcome": "corrected", "on": today_local(), "note": "实地查看"},
        None,
        me,
    )
    row = store.repo(records.model_of(kind)).require(notice_id)
    assert row.follow_ups[-1]["note"] == "实地查看"  # type: ignore[attr-defined]
    from inspector.domain.lifecycle import urgings, verifications

    assert urgings(row.follow_ups) == []  # type: ignore[attr-defined]  # a check is not a 督促
    assert [e["note"] for e in verifications(row.follow_ups)] == ["实地查看"]  # type: ignore[attr-defined]


def test_a_second_log_for_the_same_day_is_refused_by_name(store: Store, me: Actor) -> None:
    from inspector.services import reports

    state = reports.daily_log_for_edit(store, today_local(), me)
    records.save(store, "daily_log", None, state.values, None, me)
    with pytest.raises(records.DuplicateRecordError) as err:
        records.save(store, "daily_log", None, state.values, None, me)
    assert err.value.for_field("log_date") and "日志日期" in err.value.message_zh


def test_a_signed_notice_cannot_be_deleted(store: Store, me: Actor) -> None:
    from inspector.domain.errors import InspectorError

    notice_id = _oral_then_notice(store, me)
    docs.step(
        store,
        "rectification_notice",
        notice_id,
        "sign",
        {"approved_by": "张检察长", "issued_on": today_local()},
        None,
        me,
    )
    with pytest.raises(InspectorError) as err:
        records.delete(store, "rectification_notice", notice_id, me)
    assert "不能删除" in err.value.message_zh
    assert store.repo(records.model_of("rectification_notice")).get(notice_id) is not None


def test_finding_links_name_what_a_finding_was_raised_as(store: Store, me: Actor) -> None:
    """What a form's finding row shows: the live corrections raised from it, the written ones first,
    with the finding's version now (raising one links the finding: a new version)."""
    notice_id = _oral_then_notice(store, me)
    [finding] = store.repo(Finding).list()
    before = records.load_for_edit(store, "patrol", finding.patrol_id).children[0].version
    found = lookup.finding_links(store, [finding.id, uuid.uuid4()])
    assert list(found) == [finding.id]  # an unknown id is left out
    now = found[finding.id]
    assert now.version == records.version_of(finding) == before
    assert now.values["description"] == "103监室监控有盲区"
    assert [(link.kind, link.label, link.short) for link in now.links] == [
        ("rectification_notice", "纠正违法通知书（草稿）", "通知书（草稿）"),
        ("oral_correction", "口头纠正（已制发通知书）", "口头纠正（已制发通知书）"),
    ]
    signing = {"approved_by": "张检察长", "issued_on": today_local()}
    docs.step(store, "rectification_notice", notice_id, "sign", signing, None, me)
    number = store.repo(RectificationNotice).require(notice_id).doc_number
    assert number is not None
    [notice, _oral] = lookup.finding_links(store, [finding.id])[finding.id].links
    assert notice.label == f"纠正违法通知书 {number}（已签发）"
    assert notice.short == "通知书" + number[number.index("〔") :]
    suggestion = docs.raise_from_finding(store, finding.id, "procuratorial_suggestion", me)
    values = suggestion.values | {"recommendations": ["增设摄像头"]}
    saved = records.save(store, "procuratorial_suggestion", None, values, None, me, from_finding=finding.id)
    records.delete(store, "procuratorial_suggestion", saved.record_id, me)  # deleted: not a link
    kinds = [link.kind for link in lookup.finding_links(store, [finding.id])[finding.id].links]
    assert kinds == ["rectification_notice", "oral_correction"]
    assert lookup.finding_links(store, []) == {}
