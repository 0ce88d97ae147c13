"""Acting from where you are: an agenda row, a 纠正与建议 row and 新建 lead to the record, or the new
prefilled record, they ask for (``ui.actions``), through the main window and the real record forms."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from inspector.agenda import AgendaItem, build_agenda
from inspector.domain.validation import SHANGHAI
from inspector.services import records
from inspector.services.policy import Actor, actor_for
from inspector.store.models import CustodyEvent, Talk
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.actions import agenda_action
from ui.forms import RecordForm
from ui.main_window import CORRECTIONS, DASHBOARD, MainWindow
from ui.models.agenda_model import WHAT
from ui.views.agenda_detail import AgendaDetailDialog
from ui.views.document_page import DocumentPage, OralCorrectionPage

NOTICE = "rectification_notice"


def item(kind: str, table: str | None, record: uuid.UUID | None = None) -> AgendaItem:
    return AgendaItem(
        level="overdue",
        kind=kind,
        title="事项",
        subject="张三",
        due=today_local(),
        days_left=0,
        rule="规则",
        basis="依据",
        record_table=table,
        record_id=record if record is not None else (uuid.uuid4() if table else None),
    )


def test_what_each_agenda_item_leads_to() -> None:
    assert agenda_action(item("new_arrival_talk", "detainee")) == "new_talk"
    for kind in ("rectification_notice_reply", "rectification_notice_escalation", "review_decision"):
        assert agenda_action(item(kind, NOTICE)) == "document"
    assert (
        agenda_action(item("procuratorial_suggestion_escalation", "procuratorial_suggestion")) == "document"
    )
    assert agenda_action(item("oral_follow_up", "oral_correction")) == "oral"
    for kind in ("custody", "delivery", "custody_issue"):
        assert agenda_action(item(kind, "detainee")) == "detainee"
    assert agenda_action(item("letter_review", "mailbox_letter")) is None  # its list, as before
    assert agenda_action(item("weekly_target", None)) is None
    for kind in ("duty_staff", "holiday_duty"):  # the roster's day in 值班与在岗
        assert agenda_action(item(kind, None)) == "duty"
    assert agenda_action(item("lawyer_meeting", "lawyer_meeting_check")) is None


# ---- through the window ----------------------------------------------------------------------------


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


def active(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def ime_type(widget: Any, text: str) -> None:
    """Type ``text`` as a pinyin input method commits it."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_window(qtbot: Any, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    active(qtbot, window)
    dashboard = window.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.is_loading, timeout=20_000)
    return window


def press_enter_on(qtbot: Any, window: MainWindow, kind: str) -> AgendaItem:
    """Select the agenda row of ``kind`` and press Enter on it."""
    dashboard = window.dashboard
    model = dashboard.agenda_model
    row = next(r for r in range(model.rowCount()) if model.item(r).kind == kind)
    table = dashboard.agenda_table
    table.setFocus()
    table.setCurrentIndex(model.index(row, WHAT))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    return model.item(row)


def opened(qtbot: Any, window: MainWindow, cls: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(window.acting.last_opened, cls), timeout=10_000)
    return window.acting.last_opened


def test_new_arrival_opens_a_new_talk_with_the_detainee(
    qtbot: Any, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    person = seed.detainee(7, admitted_at=datetime.now(UTC) - timedelta(hours=3))
    window = open_window(qtbot, store)
    press_enter_on(qtbot, window, "new_arrival_talk")
    form = opened(qtbot, window, RecordForm)
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    assert form.kind == "talk" and form.record_id is None
    assert form.editors["detainee_id"].value() == person.id
    assert form.editors["talk_type"].value() == "new_admission"
    assert form.editors["interviewer_ids"].value() == [str(me.user_id)]
    active(qtbot, form)
    ime_type(form.editors["qa_text"].findChild(QPlainTextEdit), "问：身体情况如何？答：良好。")
    qtbot.waitUntil(form.save_button.isEnabled)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.repo(Talk).count() == 1, timeout=10_000)
    talk = store.repo(Talk).list()[0]
    assert talk.detainee_id == person.id and talk.talk_type == "new_admission"
    # the 工作台 is read again: the talk is done
    dashboard = window.dashboard
    qtbot.waitUntil(
        lambda: (
            dashboard.data is not None
            and not dashboard.is_loading
            and not [i for i in dashboard.agenda_model.items() if i.kind == "new_arrival_talk"]
        ),
        timeout=20_000,
    )
    idle()


def test_an_unanswered_notice_opens_at_its_next_step(
    qtbot: Any, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    today = today_local()
    notice = seed.notice(
        "served",
        today - timedelta(days=4),
        issued_on=today - timedelta(days=20),
        served_on=today - timedelta(days=19),
        reply_period_days=15,
        doc_number="测检刑执纠违〔2026〕7号",
    )
    window = open_window(qtbot, store)
    entered = press_enter_on(qtbot, window, "rectification_notice_escalation")
    assert entered.record_id == notice.id
    page = opened(qtbot, window, DocumentPage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    assert page.record_id == notice.id and page.title_label.text() == "测检刑执纠违〔2026〕7号"
    # late and never urged: 登记督促 is the step it asks for
    assert page.primary_button is not None and page.primary_button.text() == "登记督促"
    assert page.action_texts() == ["登记督促", "登记回复", "上报", "登记申请复查"]
    page.reject()
    idle()


def test_an_oral_correction_due_opens_its_page(
    qtbot: Any, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    state = records.load_for_edit(store, "oral_correction", actor=me)
    values = {**state.values, "issued_on": today_local() - timedelta(days=10), "source": "patrol"}
    values.update(facts="监室地面湿滑未及时处理", follow_up_due=None)
    oral_id = records.save(store, "oral_correction", None, values, None, me).record_id
    window = open_window(qtbot, store)
    press_enter_on(qtbot, window, "oral_follow_up")
    page = opened(qtbot, window, OralCorrectionPage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    assert page.record_id == oral_id
    assert page.action_texts() == ["制发纠正违法通知书", "登记已纠正"]
    page.reject()
    idle()


def test_a_custody_deadline_opens_the_detainee(qtbot: Any, store: Store, seed: Any, idle: Any) -> None:
    on = today_local() - timedelta(days=75)
    admitted = datetime.combine(on - timedelta(days=5), time(10), tzinfo=SHANGHAI).astimezone(UTC)
    person = seed.detainee(1, admitted_at=admitted, stage="investigation", stage_started_on=on)
    store.repo(CustodyEvent).add({"detainee_id": person.id, "kind": "arrest", "occurred_on": on})
    window = open_window(qtbot, store)
    press_enter_on(qtbot, window, "custody")
    form = opened(qtbot, window, RecordForm)
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    assert form.kind == "detainee" and form.record_id == person.id
    assert form.editors["name"].value() == person.name
    form.close()
    idle()


def test_other_items_keep_the_detail_and_alt_enter_shows_it(
    qtbot: Any, store: Store, seed: Any, idle: Any
) -> None:
    person = seed.detainee(7, admitted_at=datetime.now(UTC) - timedelta(hours=3))
    window = open_window(qtbot, store)
    items = window.dashboard.agenda_model.items()
    target = next((i for i in items if i.kind == "weekly_target"), None)
    assert target is not None, [i.kind for i in build_agenda(store).items]
    press_enter_on(qtbot, window, "weekly_target")  # no record: the detail, as before
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AgendaDetailDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.item.kind == "weekly_target"
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    # Alt+Enter explains any row, even one that has an action of its own
    active(qtbot, window)
    model = window.dashboard.agenda_model
    row = next(r for r in range(model.rowCount()) if model.item(r).kind == "new_arrival_talk")
    table = window.dashboard.agenda_table
    table.setFocus()
    table.setCurrentIndex(model.index(row, WHAT))
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AgendaDetailDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.item.record_id == person.id
    assert window.acting.last_opened is None  # no talk form was opened
    dialog.reject()
    idle()


def test_correction_rows_open_their_page_and_new_offers_the_three_kinds(
    qtbot: Any, store: Store, seed: Any, idle: Any
) -> None:
    today = today_local()
    notice = seed.notice("served", today + timedelta(days=5), doc_number="测检刑执纠违〔2026〕2号")
    window = open_window(qtbot, store)
    # the 工作台's 待回复文书: the document itself
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.awaiting_model.has_loaded and dashboard.awaiting_model.rowCount() == 1)
    dashboard.awaiting_table.setFocus()
    dashboard.awaiting_table.setCurrentIndex(dashboard.awaiting_model.index(0, 0))
    qtbot.keyClick(dashboard.awaiting_table, Qt.Key.Key_Return)
    page = opened(qtbot, window, DocumentPage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    assert page.record_id == notice.id and page.action_texts() == ["登记回复", "登记督促", "登记申请复查"]
    page.reject()
    window.acting.last_opened = None
    # 纠正与建议: Enter on a row opens its page
    window.show_page(CORRECTIONS)
    view = window.pages[CORRECTIONS]
    qtbot.waitUntil(lambda: view.model.has_loaded and view.model.rowCount() == 1, timeout=10_000)
    view.table.setFocus()
    view.select_record(notice.id)
    qtbot.waitUntil(lambda: view.selected_id() == notice.id)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = opened(qtbot, window, DocumentPage)
    assert page.record_id == notice.id
    page.reject()
    # 新建: 口头纠正 / 纠正违法通知书 / 检察建议书, each its form
    button = window.new_correction_button
    menu = button.menu()
    assert [a.text() for a in menu.actions()] == ["口头纠正", "纠正违法通知书", "检察建议书"]
    for action, kind in zip(
        menu.actions(), ("oral_correction", NOTICE, "procuratorial_suggestion"), strict=True
    ):
        window.acting.last_opened = None
        action.trigger()
        form = opened(qtbot, window, RecordForm)
        qtbot.waitUntil(lambda f=form: f.is_loaded, timeout=10_000)
        assert form.kind == kind and form.record_id is None
        form.close()
        qtbot.waitUntil(lambda f=form: not shiboken6.isValid(f) or not f.isVisible())
    idle()
