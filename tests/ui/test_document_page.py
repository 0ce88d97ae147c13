"""The page of a 纠正违法通知书 / 检察建议书 / 口头纠正意见 and its step dialogs, driven through the widgets.

The chain from a patrol finding to a closed notice goes through the real record forms (``ui.forms``),
the real background runner and the real services; each stop checks what was stored.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
)
from sqlalchemy import select

from inspector.services import documents as docs
from inspector.services import records
from inspector.services.document_views import load_document
from inspector.services.policy import Actor, actor_for
from inspector.store.models import AppUser, Attachment, AuditLog, Finding, OralCorrection, RectificationNotice
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.forms import RecordForm
from ui.main_window import CORRECTIONS, MainWindow
from ui.models.record_lists import correction_list
from ui.models.record_table_model import RecordTableModel
from ui.views.document_page import DocumentPage, OralCorrectionPage, plan_actions
from ui.views.step_dialogs import OralCorrectedDialog, StepDialog

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"


# ---- helpers ------------------------------------------------------------------------------------------


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


def assistant(store: Store) -> Actor:
    user = store.repo(AppUser).add({"username": "li", "display_name": "李助理", "role": "assistant"})
    return actor_for(store, user.id)


def patrol_finding(store: Store, me: Actor) -> uuid.UUID:
    state = records.load_for_edit(store, "patrol", actor=me)
    saved = records.save(
        store,
        "patrol",
        None,
        {**state.values, "areas": ["一监区"], "methods": ["on_site"]},
        None,
        me,
        children=[
            records.ChildChange(
                {"description": "103监室监控有盲区", "severity": "hazard", "location": "103监室"}
            )
        ],
    )
    return saved.child_ids[0]


def draft_notice(store: Store, me: Actor, **over: Any) -> uuid.UUID:
    state = records.load_for_edit(store, NOTICE, actor=me)
    values = {**state.values, "trigger": "serious_violation", "facts": "值班民警脱岗二十分钟", **over}
    return records.save(store, NOTICE, None, values, None, me).record_id


def stored(store: Store, kind: str, record_id: uuid.UUID) -> Any:
    return store.repo(records.model_of(kind)).require(record_id)


def open_page(qtbot: Any, page: Any) -> Any:
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    active(qtbot, page)
    page.load()
    qtbot.waitUntil(lambda: page.view is not None and not page.is_loading, timeout=10_000)
    return page


def reloaded(qtbot: Any, page: Any, state: str) -> None:
    qtbot.waitUntil(lambda: page.view is not None and page.view.state == state, timeout=10_000)
    qtbot.waitUntil(lambda: not page.is_loading)


def press_primary(qtbot: Any, page: Any) -> StepDialog:
    """Enter on the page: its primary button, focused, opens the step dialog."""
    assert page.primary_button is not None
    active(qtbot, page)  # back from the previous step's dialog
    qtbot.waitUntil(lambda: page.primary_button.hasFocus())
    qtbot.keyClick(page.primary_button, Qt.Key.Key_Return)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, StepDialog), dialog
    return active(qtbot, dialog)


def active(qtbot: Any, window: Any) -> Any:
    """Activate ``window`` as the window manager would (the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def ime_type(widget: Any, text: str) -> None:
    """Type ``text`` as a pinyin input method commits it (QTest's key clicks are ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def wait_closed(qtbot: Any, dialog: Any) -> None:
    """Until the dialog has closed (step dialogs delete themselves on close)."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)


# ---- the primary action --------------------------------------------------------------------------------


def test_plan_puts_the_usual_next_step_first() -> None:
    today = date(2026, 3, 20)
    assert plan_actions("draft") == ("sign", ["withdraw"])
    assert plan_actions("issued") == ("serve", [])
    assert plan_actions("served", reply_due=date(2026, 3, 27), today=today) == (
        "reply",
        ["follow_up", "request_review"],
    )
    assert plan_actions("served", reply_due=date(2026, 3, 27), today=today, reviewable=False) == (
        "reply",
        ["follow_up"],
    )
    late = date(2026, 3, 19)
    assert plan_actions("served", reply_due=late, today=today, reviewable=False) == (
        "follow_up",
        ["reply", "report_upward"],
    )
    assert plan_actions("followed_up", reply_due=late, followed_up=True, today=today, reviewable=False) == (
        "report_upward",
        ["reply", "follow_up"],
    )
    assert plan_actions("review_requested") == ("decide_review", [])
    assert plan_actions("replied") == ("verify", [])
    assert plan_actions("replied", correction_status="not_corrected") == ("report_upward", [])
    assert plan_actions("closed") == (None, [])
    assert plan_actions("withdrawn") == (None, [])


# ---- roles ---------------------------------------------------------------------------------------------


def test_an_assistant_sees_sign_waiting_and_no_sign_button(
    qtbot: Any, store: Store, me: Actor, idle: Any
) -> None:
    notice_id = draft_notice(store, me)
    helper = assistant(store)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=helper))
    idle()
    assert "签发" not in page.action_texts()
    assert page.action_texts() == ["撤回"]
    waiting = page.findChild(type(page.title_label), "signWaiting")
    assert waiting is not None and waiting.text() == "待检察官签发"
    qtbot.waitUntil(waiting.isVisible)
    assert page.title_label.text() == "草稿"
    assert page.edit_button.isVisible()  # an assistant drafts
    # A procurator sees 签发 as the primary (default) button, and no waiting note.
    chief = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    idle()
    assert chief.action_texts() == ["签发", "撤回"]
    assert chief.primary_button is not None and chief.primary_button.text() == "签发"
    assert chief.primary_button.isDefault()
    assert chief.findChild(type(chief.title_label), "signWaiting") is None


def test_an_assistant_who_tries_to_sign_is_told_why(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    notice_id = draft_notice(store, me)
    helper = assistant(store)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=helper))
    dialog = active(qtbot, page.take_step("sign"))  # e.g. a page opened before the role changed
    dialog.inputs["approved_by"].setText("张检察长")
    qtbot.keyClick(dialog.inputs["approved_by"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.refusal() != "", timeout=10_000)
    idle()
    assert "待检察官签发" in dialog.refusal() and dialog.isVisible()
    assert stored(store, NOTICE, notice_id).state == "draft"
    dialog.reject()


# ---- refusals ------------------------------------------------------------------------------------------


def test_a_step_out_of_order_is_refused_with_the_reason(
    qtbot: Any, store: Store, me: Actor, idle: Any
) -> None:
    notice_id = draft_notice(store, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    dialog = active(qtbot, page.take_step("reply"))  # a draft cannot be replied to
    assert [f.name for f in dialog.fields] == ["replied_on", "reply_text", "scan"]
    assert not dialog.ok_button.isEnabled()  # 回复内容 is required
    ime_type(dialog.inputs["reply_text"], "已整改")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.inputs["reply_text"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.refusal() != "", timeout=10_000)
    idle()
    assert dialog.refusal().startswith("文书当前为「草稿」，不能登记回复（登记回复只能在")
    assert "已送达" in dialog.refusal()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert stored(store, NOTICE, notice_id).state == "draft"
    dialog.reject()


def test_a_step_on_a_changed_record_is_refused(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    notice_id = draft_notice(store, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    idle()
    # Another window signs it after this page was read.
    docs.step(
        store, NOTICE, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today_local()}, None, me
    )
    dialog = press_primary(qtbot, page)
    dialog.inputs["approved_by"].setText("李检察长")
    qtbot.keyClick(dialog.inputs["approved_by"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.refusal() != "", timeout=10_000)
    idle()
    assert "已被修改" in dialog.refusal()
    assert stored(store, NOTICE, notice_id).approved_by == "张检察长"
    dialog.reject()


# ---- the life cycle, step by step ----------------------------------------------------------------------


def test_notice_life_cycle_on_the_page(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    notice_id = draft_notice(store, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    changes: list[tuple[str, Any]] = []
    page.changed.connect(lambda kind, rid: changes.append((kind, rid)))
    assert page.bar.labels() == ["草稿", "已签发", "已送达", "已回复", "已整改 / 未整改", "已上报"]
    assert page.bar.reached() == ["草稿"] and page.bar.current() == "草稿"
    today = today_local()

    sign = press_primary(qtbot, page)
    assert [f.name for f in sign.fields] == ["approved_by", "issued_on"]
    assert sign.value("issued_on") == today
    ime_type(sign.inputs["approved_by"], "张检察长")
    qtbot.keyClick(sign.inputs["approved_by"], Qt.Key.Key_Return)
    wait_closed(qtbot, sign)
    reloaded(qtbot, page, "issued")
    row = stored(store, NOTICE, notice_id)
    assert re.fullmatch(r"测检刑执纠违〔\d{4}〕1号", row.doc_number), row.doc_number
    assert row.approved_by == "张检察长" and row.issued_on == today
    assert page.title_label.text() == row.doc_number
    assert page.bar.reached() == ["草稿", "已签发"]
    assert page.bar.sub_texts()[1] == [today.isoformat(), row.doc_number]
    assert page.action_texts() == ["登记送达"] and not page.edit_button.isVisible()
    assert changes == [(NOTICE, notice_id)]

    serve = press_primary(qtbot, page)
    assert [f.name for f in serve.fields] == ["served_on", "service_method", "receiver_name"]
    assert not serve.ok_button.isEnabled()
    ime_type(serve.inputs["receiver_name"], "刘所长")
    qtbot.keyClick(serve.inputs["receiver_name"], Qt.Key.Key_Return)
    wait_closed(qtbot, serve)
    reloaded(qtbot, page, "served")
    row = stored(store, NOTICE, notice_id)
    assert row.served_on == today and row.service_method == "written" and row.receiver_name == "刘所长"
    assert row.reply_due is not None and 15 <= (row.reply_due - today).days <= 25
    assert page.handling.text("reply_due").startswith(row.reply_due.isoformat())
    assert page.bar.sub_texts()[2] == [today.isoformat()]
    assert page.action_texts() == ["登记回复", "登记督促", "登记申请复查"]

    follow = active(qtbot, page.take_step("follow_up"))
    assert [f.name for f in follow.fields] == ["on", "how", "note"]
    follow.inputs["note"].setPlainText("电话询问整改进度")
    qtbot.keyClick(follow.ok_button, Qt.Key.Key_Space)
    wait_closed(qtbot, follow)
    reloaded(qtbot, page, "followed_up")
    assert stored(store, NOTICE, notice_id).follow_ups == [
        {"on": today.isoformat(), "how": "当面督促", "note": "电话询问整改进度"}
    ]
    assert "电话询问整改进度" in page.handling.text("follow_ups")

    reply = press_primary(qtbot, page)
    assert reply.windowTitle() == "登记回复"
    ime_type(reply.inputs["reply_text"], "已调整值班安排")
    qtbot.keyClick(reply.inputs["reply_text"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_closed(qtbot, reply)
    reloaded(qtbot, page, "replied")
    assert stored(store, NOTICE, notice_id).reply_text == "已调整值班安排"
    assert page.action_texts() == ["核实整改"]

    verify = press_primary(qtbot, page)
    assert not verify.ok_button.isEnabled()  # no outcome chosen yet
    corrected = next(b for b in verify.findChildren(QRadioButton) if b.text() == "已整改")
    qtbot.keyClick(corrected, Qt.Key.Key_Space)
    assert verify.value("outcome") == "corrected" and verify.ok_button.isEnabled()
    qtbot.keyClick(corrected, Qt.Key.Key_Return)
    wait_closed(qtbot, verify)
    reloaded(qtbot, page, "closed")
    row = stored(store, NOTICE, notice_id)
    assert row.correction_status == "corrected"
    assert page.bar.reached() == ["草稿", "已签发", "已送达", "已回复", "已整改"]
    assert page.bar.current() == "已整改" and page.bar.labels()[4] == "已整改"
    assert page.action_texts() == [] and page.primary_button is None
    assert page.state_chip.text() == "已办结"
    idle()
    with store.session(read_only=True) as s:
        steps = [a.action for a in s.scalars(select(AuditLog).where(AuditLog.row_id == notice_id))]
    assert steps[-5:] == ["sign", "serve", "follow_up", "reply", "verify"]


def test_verified_not_corrected_is_reported_upward(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    notice_id = draft_notice(store, me)
    today = today_local()
    for action, values in (
        ("sign", {"approved_by": "张检察长", "issued_on": today}),
        ("serve", {"served_on": today, "service_method": "written", "receiver_name": "刘所长"}),
        ("reply", {"replied_on": today, "reply_text": "正在整改"}),
    ):
        docs.step(store, NOTICE, notice_id, action, values, None, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    # replied, not verified yet: 已回复 is where it is; the outcome is neither reached nor ringed
    assert page.bar.current() == "已回复" and page.bar.labels()[4] == "已整改 / 未整改"
    assert page.bar.reached()[-1] == "已回复" and page.action_texts() == ["核实整改"]
    page.close()
    docs.step(
        store,
        NOTICE,
        notice_id,
        "verify",
        {"outcome": "not_corrected", "on": today, "note": "实地查看"},
        None,
        me,
    )
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    assert page.bar.labels()[4] == "未整改" and page.action_texts() == ["上报"]
    assert page.bar.current() == "未整改" and page.bar.sub_texts()[4] == [today.isoformat()]  # 核实 on
    report = press_primary(qtbot, page)
    assert [f.name for f in report.fields] == ["on"]  # a notice goes to the higher procuratorate
    qtbot.keyClick(report.inputs["on"], Qt.Key.Key_Return)
    wait_closed(qtbot, report)
    reloaded(qtbot, page, "reported_upward")
    idle()
    assert stored(store, NOTICE, notice_id).reported_upward_on == today
    assert page.bar.reached()[-1] == "已上报" and page.bar.sub_texts()[5] == [today.isoformat()]


def test_reply_with_a_scan_attaches_it_with_an_audit_entry(
    qtbot: Any, store: Store, me: Actor, tmp_path: Path, idle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    notice_id = draft_notice(store, me)
    today = today_local()
    docs.step(store, NOTICE, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today}, None, me)
    docs.step(
        store,
        NOTICE,
        notice_id,
        "serve",
        {"served_on": today, "service_method": "announced", "receiver_name": "刘所长"},
        None,
        me,
    )
    scan = tmp_path / "回复函.pdf"
    scan.write_bytes(b"%PDF-1.4 reply scan")
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    dialog = press_primary(qtbot, page)
    from ui import file_dialogs

    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), ""))
    )
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    assert dialog.scan_line.text() == "回复函.pdf"
    ime_type(dialog.inputs["reply_text"], "已整改，附书面回复")
    qtbot.keyClick(dialog.inputs["reply_text"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_closed(qtbot, dialog)
    reloaded(qtbot, page, "replied")
    idle()
    with store.session(read_only=True) as s:
        attached = s.scalars(select(Attachment).where(Attachment.record_id == notice_id)).one()
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "attach")).one()
    assert attached.filename == "回复函.pdf" and attached.media_type == "application/pdf"
    assert attached.record_table == NOTICE and attached.size == len(b"%PDF-1.4 reply scan")
    assert entry.row_id == notice_id and entry.detail["filename"] == "回复函.pdf"
    assert entry.user_id == me.user_id
    assert page.attachments.filenames() == ["回复函.pdf"]  # shown in the page's 附件 panel
    assert [a.filename for a in load_document(store, NOTICE, notice_id).attachments] == ["回复函.pdf"]


def test_suggestion_report_asks_where_to(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    state = records.load_for_edit(store, SUGGESTION, actor=me)
    values = {**state.values, "facts_found": "监控存在盲区", "recommendations": ["增设摄像头"]}
    sid = records.save(store, SUGGESTION, None, values, None, me).record_id
    past = today_local() - timedelta(days=90)
    docs.step(store, SUGGESTION, sid, "sign", {"approved_by": "张检察长", "issued_on": past}, None, me)
    docs.step(
        store,
        SUGGESTION,
        sid,
        "serve",
        {"served_on": past, "service_method": "written", "receiver_name": "刘"},
        None,
        me,
    )
    docs.step(store, SUGGESTION, sid, "follow_up", {"on": past + timedelta(days=70)}, None, me)
    page = open_page(qtbot, DocumentPage(store, SUGGESTION, sid, actor=me))
    idle()
    # Late, and urged once: 上报 is the next step; a reply can still be entered.
    assert page.action_texts() == ["上报", "登记回复", "登记督促"]
    assert page.handling.values["reply_due"].styleSheet().startswith("color: #c62828")
    assert page.state_chip.text() == "已督促"
    report = press_primary(qtbot, page)
    assert [f.name for f in report.fields] == ["on", "to"]
    # The station has no higher procuratorate on record: the user names it.
    assert report.value("to") is None and not report.ok_button.isEnabled()
    ime_type(report.inputs["to"], "测试市人民检察院")
    assert report.ok_button.isEnabled()
    qtbot.keyClick(report.inputs["to"], Qt.Key.Key_Return)
    wait_closed(qtbot, report)
    reloaded(qtbot, page, "reported_upward")
    idle()
    row = stored(store, SUGGESTION, sid)
    assert row.escalated_to == "测试市人民检察院" and row.escalated_on == today_local()


# ---- oral corrections -----------------------------------------------------------------------------------


def oral(store: Store, me: Actor, issued: date | None = None) -> uuid.UUID:
    finding = patrol_finding(store, me)
    state = docs.raise_from_finding(store, finding, ORAL, me)
    values = dict(state.values)
    if issued is not None:
        values.update(issued_on=issued, follow_up_due=None)
    return records.save(store, ORAL, None, values, None, me, from_finding=finding).record_id


def listed(qtbot: Any, store: Store, spec: Any) -> dict[uuid.UUID, dict[str, str]]:
    """The rows of a list as the table shows them: id → header → text."""
    model = RecordTableModel(store, spec.source, spec.columns, sort_column=spec.sort_column)
    model.reload()
    qtbot.waitUntil(lambda: model.has_loaded, timeout=10_000)
    while model.canFetchMore():
        model.fetchMore()
    headers = [c.header for c in spec.columns]
    return {
        model.data(model.index(r, 0), Qt.ItemDataRole.UserRole): {
            h: model.data(model.index(r, c)) for c, h in enumerate(headers)
        }
        for r in range(model.rowCount())
    }


def test_oral_corrections_are_in_the_correction_list(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    open_id = oral(store, me, today_local() - timedelta(days=9))
    corrected_id = oral(store, me)
    records.save(
        store,
        ORAL,
        corrected_id,
        {"corrected": True, "corrected_on": today_local(), "verified_how": "实地查看"},
        None,
        me,
    )
    notice_id = draft_notice(store, me)
    today = today_local()
    docs.step(store, NOTICE, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today}, None, me)
    docs.step(
        store,
        NOTICE,
        notice_id,
        "serve",
        {"served_on": today, "service_method": "written", "receiver_name": "刘"},
        None,
        me,
    )
    rows = listed(qtbot, store, correction_list())
    assert set(rows) == {open_id, corrected_id, notice_id}
    follow_up = stored(store, ORAL, open_id).follow_up_due
    assert rows[open_id]["类型"] == "口头纠正" and rows[open_id]["状态"] == "跟踪中"
    assert rows[open_id]["回复期限"] == follow_up.isoformat()
    assert rows[open_id]["剩余天数"] == f"逾期 {(today - follow_up).days} 天"
    assert rows[open_id]["事由"] == "103监室监控有盲区" and rows[open_id]["文号"] == "—"
    assert rows[corrected_id]["状态"] == "已纠正" and rows[corrected_id]["剩余天数"] == ""
    assert rows[notice_id]["类型"] == "纠正违法通知书" and rows[notice_id]["状态"] == "已送达"
    # The 工作台's list of documents awaiting a reply has no oral corrections.
    assert set(listed(qtbot, store, correction_list(awaiting_reply_only=True))) == {notice_id}
    idle()


def test_oral_page_registers_the_correction(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    oral_id = oral(store, me)
    page = open_page(qtbot, OralCorrectionPage(store, oral_id, actor=me))
    follow_up = stored(store, ORAL, oral_id).follow_up_due
    assert page.info.text("follow_up").startswith(follow_up.isoformat())
    assert "103监室监控有盲区" in page.info.text("facts")
    assert page.action_texts() == ["登记已纠正", "制发纠正违法通知书"]  # not yet due: correcting comes first
    assert page.state_chip.text() == "跟踪中"
    qtbot.waitUntil(lambda: page.primary_button.hasFocus())
    qtbot.keyClick(page.primary_button, Qt.Key.Key_Return)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, OralCorrectedDialog)
    active(qtbot, dialog)
    assert not dialog.ok_button.isEnabled()  # 核实方式 is required
    ime_type(dialog.inputs["verified_how"], "实地查看，已补装摄像头")
    qtbot.keyClick(dialog.inputs["verified_how"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: page.view is not None and page.view.corrected, timeout=10_000)
    idle()
    row = stored(store, ORAL, oral_id)
    assert (
        row.corrected and row.corrected_on == today_local() and row.verified_how == "实地查看，已补装摄像头"
    )
    assert page.state_chip.text() == "已纠正" and page.action_texts() == []
    assert "实地查看" in page.info.text("result")


def test_an_overdue_oral_correction_puts_the_notice_first(
    qtbot: Any, store: Store, me: Actor, idle: Any
) -> None:
    oral_id = oral(store, me, today_local() - timedelta(days=10))
    page = open_page(qtbot, OralCorrectionPage(store, oral_id, actor=me))
    idle()
    assert page.action_texts() == ["制发纠正违法通知书", "登记已纠正"]
    assert page.state_chip.text() == "逾期未纠正"
    assert "逾期" in page.info.text("follow_up")


def test_document_page_shows_its_oral_correction_and_finding(
    qtbot: Any, store: Store, me: Actor, idle: Any
) -> None:
    oral_id = oral(store, me, today_local() - timedelta(days=10))
    state = docs.escalate_oral(store, oral_id, me)
    notice_id = records.save(
        store,
        NOTICE,
        None,
        {**state.values, "oral_correction_id": oral_id},
        None,
        me,
        from_finding=state.links["from_finding"],
    ).record_id
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    idle()
    assert page.content.text("trigger") == "口头纠正后未整改"
    text = "\n".join(label.text() for label in page.body.findChildren(type(page.title_label)))
    assert "由口头纠正意见升级" in text and "103监室监控有盲区" in text
    with store.session(read_only=True) as s:
        finding = s.scalars(select(Finding)).one()
    assert finding.rectification_notice_id == notice_id and finding.oral_correction_id == oral_id
    # and the oral correction now says where it went
    oral_page = open_page(qtbot, OralCorrectionPage(store, oral_id, actor=me))
    idle()
    assert oral_page.action_texts() == ["打开纠正违法通知书"]
    assert oral_page.state_chip.text() == "已制发纠正违法通知书"
    with store.session(read_only=True) as s:
        assert s.get(OralCorrection, oral_id) is not None
        assert s.get(RectificationNotice, notice_id).oral_correction_id == oral_id


def test_step_dialog_fields_are_the_steps() -> None:
    from ui.views.step_dialogs import step_fields

    assert [f.name for f in step_fields(SUGGESTION, "report_upward")] == ["on", "to"]
    assert [f.name for f in step_fields(NOTICE, "report_upward")] == ["on"]
    assert [f.name for f in step_fields(NOTICE, "verify")] == ["outcome", "on", "note"]
    assert [f.label for f in step_fields(NOTICE, "sign")] == ["批准人（检察长）", "签发日期"]
    assert step_fields(NOTICE, "withdraw") == []


def test_step_labels_mark_required_fields_as_the_forms_do(qtbot: Any, store: Store, me: Actor) -> None:
    from ui.style import RED, required_mark

    dialog = StepDialog(store, NOTICE, uuid.uuid4(), "verify", actor=me, base_version=None)
    qtbot.addWidget(dialog)
    assert dialog.labels["on"].text() == required_mark("核实日期", True)
    assert f'<span style="color:{RED}">*</span>' in dialog.labels["outcome"].text()
    assert dialog.labels["note"].text() == "核实情况"  # optional: no mark
    assert all("：" not in label.text() and "*：" not in label.text() for label in dialog.labels.values())
    assert dialog.labels["on"].buddy() is dialog.inputs["on"]


def test_the_bar_rings_only_a_step_that_was_reached(qtbot: Any) -> None:
    from inspector.domain.lifecycle import Step
    from ui.views.document_page import LifecycleBar

    bar = LifecycleBar()
    qtbot.addWidget(bar)
    bar.set_steps([Step("草稿", True), Step("已签发", False, None, True)])
    assert bar.current() is None and "当前" not in bar.toolTip()
    bar.set_steps([Step("草稿", True, None, True), Step("已签发", False)])
    assert bar.current() == "草稿"


def test_dates_default_to_today_and_have_a_calendar(qtbot: Any, store: Store, me: Actor) -> None:
    dialog = StepDialog(store, NOTICE, uuid.uuid4(), "serve", actor=me, base_version=None)
    qtbot.addWidget(dialog)
    edit = dialog.inputs["served_on"]
    assert isinstance(edit, QDateEdit) and edit.calendarPopup()
    assert dialog.value("served_on") == today_local()
    assert isinstance(dialog.inputs["receiver_name"], QLineEdit)
    assert dialog.value("service_method") == "written"
    reply = StepDialog(store, NOTICE, uuid.uuid4(), "reply", actor=me, base_version=None)
    qtbot.addWidget(reply)
    assert isinstance(reply.inputs["reply_text"], QPlainTextEdit)


# ---- the whole chain, through the record forms -----------------------------------------------------------


def wait_form(qtbot: Any, get: Any) -> RecordForm:
    """The record form ``get()`` returns, once it has read its values; activated."""
    qtbot.waitUntil(lambda: isinstance(get(), RecordForm) and get().is_loaded, timeout=10_000)
    form = get()
    return active(qtbot, form)  # type: ignore[no-any-return]


def save_form(qtbot: Any, form: RecordForm) -> None:
    """Ctrl+S, as the user saves a form."""
    qtbot.waitUntil(form.save_button.isEnabled)
    qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_from_a_patrol_finding_to_a_closed_notice(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    today = today_local()
    finding_id = patrol_finding(store, me)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    acting = window.acting

    # 据此制发 口头纠正: the oral correction form, prefilled from the finding
    acting.raise_from_finding(finding_id, ORAL)
    form = wait_form(qtbot, lambda: acting.last_opened)
    assert form.kind == ORAL and "103监室监控有盲区" in form.editors["facts"].value()
    assert form.editors["issued_on"].value() == today
    save_form(qtbot, form)
    qtbot.waitUntil(lambda: isinstance(acting.last_opened, OralCorrectionPage), timeout=10_000)
    oral_page = acting.last_opened
    qtbot.waitUntil(lambda: oral_page.view is not None, timeout=10_000)
    oral_id = oral_page.record_id
    oral_row = stored(store, ORAL, oral_id)
    assert oral_row.follow_up_due == today + timedelta(days=7) and not oral_row.corrected
    assert store.repo(Finding).require(finding_id).oral_correction_id == oral_id
    assert oral_page.action_texts() == ["登记已纠正", "制发纠正违法通知书"]

    # not corrected: 制发纠正违法通知书 → the notice form, prefilled
    active(qtbot, oral_page)
    escalate = oral_page.button("制发纠正违法通知书")
    assert escalate is not None
    escalate.setFocus()
    qtbot.keyClick(escalate, Qt.Key.Key_Space)
    notice_form = wait_form(qtbot, lambda: oral_page.form)
    assert notice_form.kind == NOTICE
    assert notice_form.editors["facts"].value().startswith(oral_row.facts)  # + the oral correction
    assert notice_form.editors["trigger"].value() == "oral_not_corrected"
    save_form(qtbot, notice_form)

    # saved: the notice's page opens, a draft
    qtbot.waitUntil(lambda: oral_page.child_page is not None, timeout=10_000)
    page = oral_page.child_page
    qtbot.waitUntil(lambda: page.view is not None and not page.is_loading, timeout=10_000)
    notice_id = page.record_id
    row = stored(store, NOTICE, notice_id)
    assert row.state == "draft" and row.oral_correction_id == oral_id and row.trigger == "oral_not_corrected"
    assert store.repo(Finding).require(finding_id).rectification_notice_id == notice_id
    assert page.title_label.text() == "草稿" and page.action_texts() == ["签发", "撤回"]
    assert page.bar.labels() == ["草稿", "已签发", "已送达", "已回复", "已整改 / 未整改", "已上报"]
    qtbot.waitUntil(lambda: oral_page.view is not None and oral_page.view.escalated, timeout=10_000)
    assert oral_page.action_texts() == ["打开纠正违法通知书"]

    # 签发 (a procurator)
    sign = press_primary(qtbot, page)
    ime_type(sign.inputs["approved_by"], "张检察长")
    qtbot.keyClick(sign.inputs["approved_by"], Qt.Key.Key_Return)
    wait_closed(qtbot, sign)
    reloaded(qtbot, page, "issued")
    row = stored(store, NOTICE, notice_id)
    assert re.fullmatch(r"测检刑执纠违〔\d{4}〕1号", row.doc_number), row.doc_number
    assert page.title_label.text() == row.doc_number

    # 登记送达: the reply due is worked out
    serve = press_primary(qtbot, page)
    ime_type(serve.inputs["receiver_name"], "刘所长")
    qtbot.keyClick(serve.inputs["receiver_name"], Qt.Key.Key_Return)
    wait_closed(qtbot, serve)
    reloaded(qtbot, page, "served")
    row = stored(store, NOTICE, notice_id)
    assert row.served_on == today and row.reply_due is not None
    assert 15 <= (row.reply_due - today).days <= 25  # 15 days, later only if a holiday ends them
    assert page.handling.text("reply_due").startswith(row.reply_due.isoformat())

    # 登记回复
    reply = press_primary(qtbot, page)
    ime_type(reply.inputs["reply_text"], "已在103监室增设摄像头")
    qtbot.keyClick(reply.inputs["reply_text"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_closed(qtbot, reply)
    reloaded(qtbot, page, "replied")

    # 核实整改: 已整改
    verify = press_primary(qtbot, page)
    corrected = next(b for b in verify.findChildren(QRadioButton) if b.text() == "已整改")
    qtbot.keyClick(corrected, Qt.Key.Key_Space)
    qtbot.keyClick(corrected, Qt.Key.Key_Return)
    wait_closed(qtbot, verify)
    reloaded(qtbot, page, "closed")
    row = stored(store, NOTICE, notice_id)
    assert row.correction_status == "corrected" and row.replied_on == today
    assert store.repo(Finding).require(finding_id).resolved_on == today
    assert page.bar.reached() == ["草稿", "已签发", "已送达", "已回复", "已整改"]
    assert page.bar.sub_texts()[1:4] == [
        [today.isoformat(), row.doc_number],
        [today.isoformat()],
        [today.isoformat()],
    ]
    assert page.action_texts() == []
    # the oral correction it escalated is corrected through it, no longer 未纠正
    oral_row = stored(store, ORAL, oral_id)
    assert oral_row.corrected and oral_row.corrected_on == today and row.doc_number in oral_row.verified_how
    qtbot.waitUntil(lambda: oral_page.view is not None and oral_page.view.corrected, timeout=10_000)
    assert oral_page.state_chip.text() == "已纠正"

    # the 纠正与建议 list was read again after each step
    window.show_page(CORRECTIONS)
    corrections = window.pages[CORRECTIONS]
    qtbot.waitUntil(
        lambda: corrections.model.has_loaded and corrections.model.rowCount() == 2, timeout=10_000
    )
    qtbot.waitUntil(lambda: "已办结" in texts_of(corrections.model), timeout=10_000)
    assert "已纠正（经通知书）" in texts_of(corrections.model)
    assert "已制发通知书" not in texts_of(corrections.model)
    idle()


def texts_of(model: Any) -> list[str]:
    return [
        str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def test_a_step_the_record_rules_refuse_says_which_field(
    qtbot: Any, store: Store, me: Actor, idle: Any
) -> None:
    notice_id = draft_notice(store, me)
    today = today_local()
    docs.step(store, NOTICE, notice_id, "sign", {"approved_by": "张检察长", "issued_on": today}, None, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    serve = press_primary(qtbot, page)
    before = today - timedelta(days=3)
    serve.inputs["served_on"].setDate(QDate(before.year, before.month, before.day))  # before it was issued
    ime_type(serve.inputs["receiver_name"], "刘所长")
    qtbot.keyClick(serve.inputs["receiver_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: serve.refusal() != "", timeout=10_000)
    idle()
    assert "送达日期" in serve.refusal() and serve.isVisible()
    assert stored(store, NOTICE, notice_id).state == "issued"
    serve.reject()


def test_preview_opens_the_documents_pdf(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    from ui.pdf_preview import PdfPreviewDialog

    notice_id = draft_notice(store, me)
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    assert page.preview_button.isEnabled()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, PdfPreviewDialog) for w in page.findChildren(QDialog)))
    preview = next(w for w in page.findChildren(PdfPreviewDialog))
    assert preview.request.kind == "notice" and preview.request.key == str(notice_id)
    assert preview.request.title == "纠正违法通知书 草稿"
    qtbot.waitUntil(lambda: preview.pdf is not None, timeout=20_000)
    idle()
    assert preview.page_count > 0
    preview.close()


def test_a_linked_finding_becomes_a_suggestion(qtbot: Any, store: Store, me: Actor, idle: Any) -> None:
    finding_id = patrol_finding(store, me)
    state = docs.raise_from_finding(store, finding_id, NOTICE, me)
    notice_id = records.save(store, NOTICE, None, state.values, None, me, from_finding=finding_id).record_id
    page = open_page(qtbot, DocumentPage(store, NOTICE, notice_id, actor=me))
    raise_button = page.body.findChild(QPushButton, "raiseFromFinding")
    assert raise_button is not None and raise_button.text() == "据此问题制发"
    menu = raise_button.menu()
    assert [a.text() for a in menu.actions()] == ["口头纠正", "检察建议书"]  # not another notice
    menu.actions()[1].trigger()
    form = wait_form(qtbot, lambda: page.form)
    assert form.kind == SUGGESTION and form.from_finding == finding_id
    assert "103监室监控有盲区" in form.editors["facts_found"].value()
    recommendations = form.editors["recommendations"]
    ime_type(recommendations.findChild(QPlainTextEdit) or recommendations.findChild(QLineEdit), "增设摄像头")
    save_form(qtbot, form)
    qtbot.waitUntil(lambda: isinstance(page.child_page, DocumentPage), timeout=10_000)
    child = page.child_page
    qtbot.waitUntil(lambda: child.view is not None, timeout=10_000)
    assert child.kind == SUGGESTION and child.title_label.text() == "草稿"
    finding = store.repo(Finding).require(finding_id)
    assert finding.procuratorial_suggestion_id == child.record_id
    assert finding.rectification_notice_id == notice_id  # still the notice's too
    assert stored(store, SUGGESTION, child.record_id).recommendations == ["增设摄像头"]
    child.reject()
    idle()
