"""The detainee's page: particulars, custody stages with their deadlines (red / amber / grey, the legal
basis in grey), the timeline of every record about the person, opening records by Enter or a
double-click, 编辑 and 新建谈话, Esc, and 人员详情 in the 在押人员 list."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QHeaderView, QPlainTextEdit

from inspector.domain.validation import SHANGHAI
from inspector.services.policy import actor_for
from inspector.store.models import (
    AppUser,
    CustodyEvent,
    Detainee,
    Finding,
    MailboxLetter,
    Talk,
)
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.ui.conftest import Seeder, run_now
from ui import errors
from ui.forms import RecordForm
from ui.main_window import DETAINEES, MainWindow
from ui.models.agenda_model import DETAIL_ROLE, LEVEL_ROLE
from ui.style import AMBER, GREY, RED
from ui.views.detainee_page import DetaineePage, StagesModel, TimelineModel

FG = Qt.ItemDataRole.ForegroundRole


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]


def _event(store: Store, person: Detainee, kind: str, on: date, **over: Any) -> CustodyEvent:
    return store.repo(CustodyEvent).add({"detainee_id": person.id, "kind": kind, "occurred_on": on, **over})


@pytest.fixture
def w2(store: Store, seed: Seeder) -> dict[str, Any]:
    """李四: 拘留 → 提请批准逮捕 → 逮捕 2026-01-20 (W2) → art 156, art 158 extensions; a talk, a
    confidential letter, a finding and a notice about him."""
    person = seed.detainee(
        1,
        name="李四",
        admitted_at=local(2026, 1, 10, 9, 0),
        stage="investigation",
        stage_started_on=date(2026, 1, 20),
        charges="盗窃罪",
    )
    out: dict[str, Any] = {"person": person}
    _event(store, person, "detention", date(2026, 1, 10))
    _event(store, person, "arrest_requested", date(2026, 1, 13))
    out["arrest"] = _event(store, person, "arrest", date(2026, 1, 20))
    _event(store, person, "investigation_extended", date(2026, 3, 15), extension_months=1)
    _event(store, person, "investigation_extended", date(2026, 4, 15), extension_months=2)
    out["talk"] = seed.talk(person, at=local(2026, 2, 1, 10, 0), talk_type="new_admission")
    opening = seed.opening(at=local(2026, 3, 1, 9, 0))
    out["letter"] = store.repo(MailboxLetter).add(
        {
            "opening_id": opening.id,
            "serial_no": 1,
            "detainee_id": person.id,
            "category": "accusation",
            "subject": "控告管教民警打骂",
            "confidential": True,
            "accepted_on": date(2026, 3, 1),
        }
    )
    out["finding"] = store.repo(Finding).add(
        {
            "found_on": date(2026, 4, 1),
            "description": "夜间值班人员脱岗",
            "severity": "hazard",
            "source": "patrol",
            "detainee_ids": [person.id.hex],
        }
    )
    out["notice"] = seed.notice(
        issued_on=date(2026, 5, 1),
        served_on=date(2026, 5, 2),
        detainee_id=person.id,
        trigger="overdue_custody",
        addressee="测试区公安分局",
        facts="李四侦查羁押期限届满后未变更强制措施",
    )
    return out


def loaded_page(qtbot: Any, store: Store, person: Detainee, **kwargs: Any) -> DetaineePage:
    page = DetaineePage(store, person.id, runner=run_now, **kwargs)
    qtbot.addWidget(page)
    page.load()
    assert page.overview is not None
    return page


def column(model: Any, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_the_page_shows_particulars_stages_with_deadlines_and_the_timeline(
    qtbot: Any, store: Store, w2: dict[str, Any]
) -> None:
    person = w2["person"]
    page = loaded_page(qtbot, store, person)

    assert page.title_label.text() == "李四" and page.stage_chip.text() == "侦查羁押"
    assert page.held_chip.text() == "在押"
    assert page.fields["charges"].text() == "盗窃罪"
    assert page.fields["id_number"].text() == "*" * 14 + person.id_number[-4:]
    page.reveal_button.click()
    assert page.fields["id_number"].text() == person.id_number
    page.reveal_button.click()
    assert page.fields["id_number"].text().startswith("****")

    stages = page.stages_model
    assert column(stages, StagesModel.DATE) == [
        "2026-01-10",
        "2026-01-13",
        "2026-01-20",
        "2026-03-15",
        "2026-04-15",
    ]
    assert column(stages, StagesModel.WHAT) == [
        "拘留 → 刑事拘留",
        "提请批准逮捕 → 审查逮捕",
        "逮捕 → 侦查羁押",
        "延长侦查羁押期限 → 侦查羁押",
        "延长侦查羁押期限 → 侦查羁押",
    ]
    assert column(stages, StagesModel.DEADLINE) == [  # art 91 (W4), then W2
        "2026-01-13（周二）",
        "2026-01-20（周二）",
        "2026-03-20（周五）",
        "2026-04-20（周一）",
        "2026-06-20（周六）",
    ]
    details = column(stages, StagesModel.WHAT, DETAIL_ROLE)
    assert details[0] == "提请审查批准逮捕3日（刑事诉讼法第九十一条）"
    assert details[2] == "逮捕后侦查羁押2个月（刑事诉讼法第一百五十六条）"
    assert "经省级人民检察院批准延长2个月（刑事诉讼法第一百五十八条）" in details[4]
    # superseded rows in grey; the limit running now passed long ago (the real today): red
    assert column(stages, StagesModel.WHAT, LEVEL_ROLE) == ["info"] * 4 + ["overdue"]
    assert column(stages, StagesModel.DEADLINE, FG) == [QColor(GREY)] * 4 + [QColor(RED)]
    days = (today_local() - date(2026, 6, 20)).days
    assert column(stages, StagesModel.STATE) == ["未超期"] * 4 + [f"逾期{days}天"]
    tip = stages.data(stages.index(4, StagesModel.WHAT), Qt.ItemDataRole.ToolTipRole)
    assert "羁押期限届满日：2026年6月20日（周六）" in tip

    assert "2026-06-20" in page.deadline_label.text() and RED in page.deadline_label.styleSheet()
    assert page.left_chip.text() == f"逾期{days}天"
    assert "刑事诉讼法第一百五十八条" in page.basis_label.text()
    assert page.explanation.isHidden()
    page.explain_button.click()
    assert not page.explanation.isHidden()
    assert "羁押期限届满日：2026年6月20日" in page.explanation.toPlainText()

    timeline = page.timeline_model
    assert column(timeline, TimelineModel.DATE) == [
        "2026-05-01",
        "2026-04-15",
        "2026-04-01",
        "2026-03-15",
        "2026-03-01",
        "2026-02-01",
        "2026-01-20",
        "2026-01-13",
        "2026-01-10",
    ]
    kinds = column(timeline, TimelineModel.KIND)
    assert kinds[:6] == [
        "纠正违法通知书",
        "羁押期限事件",
        "发现问题",
        "羁押期限事件",
        "检察官信箱来信 · 保密",
        "个别谈话",
    ]
    assert column(timeline, TimelineModel.KIND, FG)[4] == QColor(AMBER)
    assert column(timeline, TimelineModel.SUMMARY)[5] == "新收押谈话 · 未反映问题"
    assert page.timeline_heading.text() == "相关记录（9）"
    assert page.stages_heading.text() == "诉讼环节与羁押期限（5）"


def test_a_limit_within_the_week_is_amber(qtbot: Any, store: Store, seed: Seeder) -> None:
    yesterday = today_local() - timedelta(days=1)
    person = seed.detainee(
        2, admitted_at=local(yesterday.year, yesterday.month, yesterday.day, 9, 0), stage="detention"
    )
    _event(store, person, "detention", yesterday)
    page = loaded_page(qtbot, store, person)
    stages = page.stages_model
    assert column(stages, StagesModel.WHAT, LEVEL_ROLE) == ["warning"]
    assert column(stages, StagesModel.DEADLINE, FG) == [QColor(AMBER)]
    assert column(stages, StagesModel.STATE) == ["余2天"]
    assert AMBER in page.deadline_label.styleSheet() and page.left_chip.text() == "余2天"


def test_the_tables_scroll_by_whole_rows_and_the_text_columns_take_the_room(
    qtbot: Any, store: Store, w2: dict[str, Any]
) -> None:
    for month in range(5, 12):  # more stage rows than the table shows: it scrolls to the last one
        _event(store, w2["person"], "custody_handover", date(2026, month, 1), authority="测试区人民检察院")
    page = loaded_page(qtbot, store, w2["person"])
    page.resize(1240, 620)
    page.show()
    qtbot.waitExposed(page)
    stages, timeline = page.stages_view, page.timeline_view
    last = page.stages_model.rowCount() - 1
    qtbot.waitUntil(lambda: stages.verticalScrollBar().value() > 0)
    assert stages.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
    top = stages.rowAt(0)
    assert top > 0 and stages.rowViewportPosition(top) == 0  # the top row shows whole
    for view in (stages, timeline):  # each table is a whole number of rows tall
        assert view.viewport().height() % view.rowHeight(0) == 0
    shown = stages.visualRect(page.stages_model.index(last, 0))
    assert shown.bottom() <= stages.viewport().height()  # and so does the row running now
    # dates and states as wide as they are; the event and the summary take the rest, elided, with
    # their whole text in the tooltip
    for view, stretch in ((stages, StagesModel.WHAT), (timeline, TimelineModel.SUMMARY)):
        header = view.horizontalHeader()
        model = view.model()
        for col in range(model.columnCount()):
            expected = (
                QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.ResizeToContents
            )
            assert header.sectionResizeMode(col) == expected
        others = sum(header.sectionSize(c) for c in range(model.columnCount()) if c != stretch)
        assert header.sectionSize(stretch) > others
        assert view.textElideMode() == Qt.TextElideMode.ElideRight
    date_width = timeline.horizontalHeader().sectionSize(TimelineModel.DATE)
    assert date_width >= timeline.fontMetrics().horizontalAdvance("2026-01-10")
    summary = page.timeline_model.index(0, TimelineModel.SUMMARY)
    text = summary.data()
    assert text and text in summary.data(Qt.ItemDataRole.ToolTipRole)
    what = page.stages_model.index(0, StagesModel.WHAT)
    tip = what.data(Qt.ItemDataRole.ToolTipRole)
    assert what.data() in tip and what.data(DETAIL_ROLE) in tip


def test_enter_and_double_click_open_records_and_esc_closes(
    qtbot: Any, store: Store, w2: dict[str, Any]
) -> None:
    page = loaded_page(qtbot, store, w2["person"])
    page.show()
    qtbot.waitExposed(page)
    view = page.timeline_view
    view.setFocus()
    view.setCurrentIndex(page.timeline_model.index(5, 0))  # the talk
    with qtbot.waitSignal(page.openRecord) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["talk", w2["talk"].id]
    assert page.isVisible()  # Enter opened the entry and pressed no button

    at = view.visualRect(page.timeline_model.index(4, TimelineModel.SUMMARY)).center()  # the letter
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)  # as a real double-click starts
    with qtbot.waitSignal(page.openRecord) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == ["mailbox_letter", w2["letter"].id]

    stages = page.stages_view
    stages.setFocus()
    stages.setCurrentIndex(page.stages_model.index(2, 0))
    with qtbot.waitSignal(page.openRecord) as opened:
        qtbot.keyClick(stages, Qt.Key.Key_Enter)
    assert opened.args == ["custody_event", w2["arrest"].id]

    qtbot.keyClick(stages, Qt.Key.Key_Escape)
    assert not page.isVisible()


def test_loads_in_the_background_when_shown(qtbot: Any, store: Store, w2: dict[str, Any], idle: Any) -> None:
    page = DetaineePage(store, w2["person"].id)
    qtbot.addWidget(page)
    assert page.overview is None
    page.show()
    assert page.is_loading and page.status.text() == "正在读取…"
    qtbot.waitUntil(lambda: page.overview is not None and not page.is_loading, timeout=10_000)
    assert page.status.isHidden() and page.stages_model.rowCount() == 5
    assert page.edit_button.isEnabled() and page.talk_button.isEnabled()
    idle()


def test_a_missing_detainee_says_so(qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    page = DetaineePage(store, uuid.uuid4(), runner=run_now)
    qtbot.addWidget(page)
    page.load()
    assert page.overview is None and not page.is_loading
    assert page.status.text().startswith("读取失败")
    assert len(shown) == 1 and "找不到记录" in shown[0]


def test_an_administrator_sees_the_page_but_cannot_edit(qtbot: Any, store: Store, w2: dict[str, Any]) -> None:
    admin = store.repo(AppUser).add({"username": "admin2", "display_name": "管理员", "role": "admin"})
    page = loaded_page(qtbot, store, w2["person"], actor=actor_for(store, admin.id))
    assert not page.edit_button.isEnabled() and not page.talk_button.isEnabled()
    assert page.edit() is None


def active(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_new_talk_is_prefilled_and_saving_it_reads_the_page_again(
    qtbot: Any, store: Store, w2: dict[str, Any], idle: Any
) -> None:
    person = w2["person"]
    page = DetaineePage(store, person.id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and not page.is_loading, timeout=10_000)
    page.talk_button.click()
    qtbot.waitUntil(
        lambda: isinstance(page.last_form, RecordForm) and page.last_form.is_loaded, timeout=10_000
    )
    form = page.last_form
    assert isinstance(form, RecordForm)
    assert form.kind == "talk" and form.record_id is None
    assert form.editors["detainee_id"].value() == person.id
    active(qtbot, form)
    kind = form.editors["talk_type"].findChild(QComboBox)
    kind.setCurrentIndex(kind.findData("routine"))
    kind.activated.emit(kind.currentIndex())  # as when picked
    editor = form.editors["qa_text"].findChild(QPlainTextEdit)
    editor.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString("问：身体情况如何？答：良好。")
    QApplication.sendEvent(editor, event)
    qtbot.waitUntil(form.save_button.isEnabled)
    with qtbot.waitSignal(page.changed, timeout=10_000) as changed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # The form closed on Ctrl+S before QTest let go of Ctrl: let go here, or Ctrl stays held for
    # the tests that follow (their arrow keys then extend selections instead of moving).
    qtbot.keyRelease(page, Qt.Key.Key_Control)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    assert changed.args[0] == "talk"
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 10 and not page.is_loading, timeout=10_000)
    assert page.timeline_model.entry(0).kind == "talk"  # today's talk, the newest
    assert store.repo(Talk).count() == 2
    idle()


def test_edit_opens_the_detainee_form(qtbot: Any, store: Store, w2: dict[str, Any], idle: Any) -> None:
    page = loaded_page(qtbot, store, w2["person"])
    form = page.edit()
    assert isinstance(form, RecordForm)
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    assert form.kind == "detainee" and form.record_id == w2["person"].id
    assert form.editors["name"].value() == "李四"
    form.close()
    idle()


# ---- from the 在押人员 list -----------------------------------------------------------------------


def test_the_detainee_list_opens_the_page_of_the_selected_person(
    qtbot: Any, store: Store, w2: dict[str, Any], idle: Any
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page(DETAINEES)
    view = window.pages[DETAINEES]
    qtbot.waitUntil(lambda: view.model.has_loaded and view.model.rowCount() == 1, timeout=10_000)
    assert window.open_detainee_page(view.selected_id()) is None  # nothing selected: a hint, no page
    assert "请先在列表中选中" in window.statusBar().currentMessage()
    view.table.selectRow(0)
    window.detainee_page_button.click()
    pages = window.findChildren(DetaineePage)
    assert len(pages) == 1
    page = pages[0]
    qtbot.waitUntil(lambda: page.overview is not None and not page.is_loading, timeout=10_000)
    assert page.title_label.text() == "李四"
    # a record of the timeline opens in its form: the talk
    with qtbot.waitSignal(page.openRecord):
        page.timeline_view.activated.emit(page.timeline_model.index(5, 0))  # the talk
    qtbot.waitUntil(
        lambda: isinstance(window.last_form, RecordForm) and window.last_form.is_loaded, timeout=10_000
    )
    assert window.last_form.kind == "talk" and window.last_form.record_id == w2["talk"].id
    window.last_form.close()
    page.reject()
    idle()


def test_stage_rows_without_an_event_open_the_detainee(qtbot: Any, store: Store, seed: Seeder) -> None:
    person = seed.detainee(
        3,
        admitted_at=datetime(2026, 4, 1, 1, 0, tzinfo=UTC),
        stage="prosecution_review",
        stage_started_on=date(2026, 4, 10),
    )
    page = loaded_page(qtbot, store, person)
    assert column(page.stages_model, StagesModel.WHAT) == ["登记的诉讼环节：审查起诉"]
    assert column(page.stages_model, StagesModel.DEADLINE) == ["2026-05-10（周日）"]  # W5
    with qtbot.waitSignal(page.openRecord) as opened:
        page.stages_view.activated.emit(page.stages_model.index(0, 0))
    assert opened.args == ["detainee", person.id]
    assert page.timeline_model.rowCount() == 0 and not page.timeline_empty.isHidden()
