"""据此制发 from a finding's row in a saved record's form (ui.forms.children): a saved finding is raised
as an oral correction, a notice or a suggestion prefilled from it and linked to it; a finding not saved
yet cannot be (the button says to save first); a finding already raised shows what it was raised as."""

from __future__ import annotations

import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QToolTip, QWidget

from inspector.services import records
from inspector.services.policy import Actor, actor_for
from inspector.store.models import Finding, RectificationNotice
from inspector.store.store import Store
from ui.forms import RecordForm, open_record_form
from ui.forms.children import RAISE_KEYS, SAVE_FIRST, ChildRow, ChildRowsEditor
from ui.main_window import MainWindow
from ui.qt_compat import emit
from ui.views.document_page import DocumentPage, OralCorrectionPage

NOTICE = "rectification_notice"
ORAL = "oral_correction"


def saved_patrol(store: Store, me: Actor) -> tuple[uuid.UUID, list[uuid.UUID]]:
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
            ),
            records.ChildChange({"description": "值班民警未按时巡查", "severity": "flaw"}),
        ],
    )
    return saved.record_id, saved.child_ids


def active(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def loaded_rows(qtbot: Any, form: RecordForm) -> ChildRowsEditor:
    """The form's finding rows, once the form is read and what each finding was raised as is known."""
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    rows = form.rows_editor
    assert rows is not None
    qtbot.waitUntil(lambda: all(r.links_read for r in rows.live_rows() if r.record_id), timeout=10_000)
    return rows


def button_of(row: ChildRow) -> Any:
    assert row.raise_button is not None
    return row.raise_button


def choose_from_menu(text: str) -> None:
    """Pick ``text`` in the menu about to open, from the keyboard (the menu runs its own loop)."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), menu
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == text))
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)


def test_a_saved_finding_is_raised_as_a_notice_from_its_row(qtbot: Any, store: Store, idle: Any) -> None:
    me = actor_for(store)
    patrol_id, (first_id, second_id) = saved_patrol(store, me)
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    form = active(qtbot, open_record_form(host, store, "patrol", patrol_id, actor=me))
    rows = loaded_rows(qtbot, form)
    first, second = rows.live_rows()
    assert first.record_id == first_id and second.record_id == second_id
    button = button_of(first)
    assert button.isEnabled() and button.text() == "据此制发" and RAISE_KEYS in button.toolTip()
    assert [a.text() for a in button.menu().actions()] == ["口头纠正", "制发纠正违法通知书", "制发检察建议书"]
    assert button in form.focus_chain()

    # a finding not saved yet cannot be raised: the button says so, and so does Ctrl+J in its row
    QTest.keySequence(form, QKeySequence("Ctrl+Return"))
    new = rows.live_rows()[-1]
    assert new.record_id is None and not button_of(new).isEnabled()
    assert button_of(new).toolTip() == SAVE_FIRST and button_of(new) not in form.focus_chain()
    QTest.keySequence(QApplication.focusWidget(), QKeySequence(RAISE_KEYS))
    assert QToolTip.text() == SAVE_FIRST
    QToolTip.hideText()
    rows.remove_row(new)

    # Ctrl+J in the first finding's row: its menu; 制发纠正违法通知书 opens the notice form prefilled
    description = first.editors["description"].focus_widgets()[0]
    description.setFocus()
    choose_from_menu("制发纠正违法通知书")
    QTest.keySequence(description, QKeySequence(RAISE_KEYS))
    qtbot.waitUntil(
        lambda: any(f.kind == NOTICE and f.is_loaded for f in form.findChildren(RecordForm)), timeout=10_000
    )
    notice_form = next(f for f in form.findChildren(RecordForm) if f.kind == NOTICE)
    assert notice_form.from_finding == first_id
    assert "103监室监控有盲区" in notice_form.editors["facts"].value()
    active(qtbot, notice_form)
    qtbot.waitUntil(notice_form.save_button.isEnabled)
    with qtbot.waitSignal(notice_form.saved, timeout=10_000) as saved:
        QTest.keySequence(notice_form, QKeySequence("Ctrl+S"))
    notice_id = saved.args[1]
    assert store.repo(Finding).require(first_id).rectification_notice_id == notice_id
    assert store.repo(RectificationNotice).require(notice_id).state == "draft"

    # saved: its page opens, and the row shows the notice instead of offering a second one
    qtbot.waitUntil(lambda: bool(form.findChildren(DocumentPage)), timeout=10_000)
    page = form.findChildren(DocumentPage)[0]
    assert page.record_id == notice_id
    qtbot.waitUntil(lambda: bool(first.links), timeout=10_000)
    button = button_of(first)
    assert button.text() == "通知书（草稿）" and button.menu() is None
    assert button.toolTip().startswith("已据此问题制发：纠正违法通知书（草稿）")
    assert button_of(second).text() == "据此制发"  # the other finding is untouched
    page.reject()
    qtbot.waitUntil(lambda: not form.findChildren(DocumentPage), timeout=10_000)
    active(qtbot, form)
    description.setFocus()
    QTest.keySequence(description, QKeySequence(RAISE_KEYS))  # Ctrl+J on a raised row: its page again
    qtbot.waitUntil(lambda: bool(form.findChildren(DocumentPage)), timeout=10_000)
    form.findChildren(DocumentPage)[0].reject()

    # linking gave the finding a new version: the row took it, so editing the row still saves
    assert first.version == records.version_of(store.repo(Finding).require(first_id))
    active(qtbot, form)
    location = first.editors["location"].focus_widgets()[0]
    assert isinstance(location, QLineEdit)
    location.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString("、104监室")
    location.end(False)
    QApplication.sendEvent(location, event)
    qtbot.waitUntil(form.save_button.isEnabled)
    with qtbot.waitSignal(form.saved, timeout=10_000):
        QTest.keySequence(form, QKeySequence("Ctrl+S"))
    finding = store.repo(Finding).require(first_id)
    assert finding.location == "103监室、104监室" and finding.rectification_notice_id == notice_id
    idle()


def test_from_the_main_window_a_raised_finding_shows_its_oral_correction(
    qtbot: Any, store: Store, idle: Any
) -> None:
    me = actor_for(store)
    patrol_id, (first_id, _second) = saved_patrol(store, me)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.edit_record("patrol", patrol_id)
    form = window.last_form
    assert form is not None
    rows = loaded_rows(qtbot, form)
    first = rows.live_rows()[0]

    # 口头纠正 through the window's own action: the form, then (saved) its page, lists read again
    acting = window.acting
    button_of(first).menu().actions()[0].trigger()
    qtbot.waitUntil(
        lambda: isinstance(acting.last_opened, RecordForm) and acting.last_opened.is_loaded, timeout=10_000
    )
    oral_form = acting.last_opened
    assert isinstance(oral_form, RecordForm) and oral_form.kind == ORAL and oral_form.from_finding == first_id
    active(qtbot, oral_form)
    qtbot.waitUntil(oral_form.save_button.isEnabled)
    with qtbot.waitSignal(acting.changed, timeout=10_000) as changed:
        QTest.keySequence(oral_form, QKeySequence("Ctrl+S"))
    kind, oral_id = changed.args
    assert kind == ORAL and store.repo(Finding).require(first_id).oral_correction_id == oral_id
    qtbot.waitUntil(lambda: isinstance(acting.last_opened, OralCorrectionPage), timeout=10_000)
    acting.last_opened.reject()

    # the row follows (the window said something changed): the oral correction, no second menu
    qtbot.waitUntil(lambda: bool(first.links), timeout=10_000)
    assert button_of(first).text() == "口头纠正（跟踪中）" and button_of(first).menu() is None
    qtbot.mouseClick(button_of(first), Qt.MouseButton.LeftButton)  # its page
    qtbot.waitUntil(
        lambda: (
            isinstance(acting.last_opened, OralCorrectionPage) and acting.last_opened.record_id == oral_id
        ),
        timeout=10_000,
    )
    acting.last_opened.reject()
    form.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(rows), timeout=10_000)
    emit(acting.changed, ORAL, oral_id)  # the closed form's rows no longer listen
    window.close()
    idle()
