"""Record forms (ui.forms): built from the catalogue, checked while typing, saved through the
services in the background, stale edits refused, roles respected, drafts kept across a close."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from inspector.domain.catalogue import CATALOGUE, FieldKind, kind_label
from inspector.domain.idnumber import make_id_number
from inspector.services import documents, drafts, records
from inspector.services.policy import Actor, actor_for
from inspector.store.models import (
    CustodyEvent,
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    Patrol,
    Talk,
)
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui.forms import FORM_KINDS, NEW_FORM_KINDS, RecordForm, open_record_form
from ui.forms.children import ChildRowsEditor
from ui.forms.fields import (
    NOT_CHOSEN,
    BoolEditor,
    CheckGroup,
    ChoiceEditor,
    DetaineePicker,
    LongTextEditor,
    TemporalEditor,
    TextEditor,
    TextListEditor,
)
from ui.forms.record_form import MIN_HEIGHT
from ui.forms.specs import MadeUnderParentError
from ui.main_window import PATROLS, MainWindow

KINDS = [k for k in NEW_FORM_KINDS if k != "attachment"]  # a new letter is a row of its opening


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


@pytest.fixture
def host(qtbot: Any, idle: Any) -> Iterator[QWidget]:
    """The window forms open over (they are deleted with it)."""
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(400, 300)
    w.show()
    yield w
    idle()


def open_form(
    qtbot: Any, host: QWidget, store: Store, kind: str, record_id: Any = None, **kw: Any
) -> RecordForm:
    form = open_record_form(host, store, kind, record_id, **kw)
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    return form


def type_text(widget: QWidget, text: str) -> None:
    """Type as a user does: ASCII as key clicks, Chinese as a pinyin input method delivers it (a
    committed string; QTest cannot click keys that are not on the keyboard)."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def clear(widget: QWidget) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)


def wait_saved(qtbot: Any, form: RecordForm) -> uuid.UUID:
    """Ctrl+S in ``form`` (a window shortcut: the form must be the active window, as when typing)."""
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    with qtbot.waitSignal(form.saved, timeout=10_000) as blocker:
        QTest.keySequence(form, QKeySequence("Ctrl+S"))
    kind, record_id = blocker.args
    assert kind == form.kind
    assert isinstance(record_id, uuid.UUID)
    return record_id


def focused_line_edit() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


# ---- every kind ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_form_opens_with_its_defaults(
    qtbot: Any, host: QWidget, store: Store, me: Actor, kind: str
) -> None:
    form = open_form(qtbot, host, store, kind, actor=me)
    assert form.windowTitle() == f"新建{kind_label(kind)}"
    assert not form.banner.isVisible()
    fields = CATALOGUE[kind]
    assert {f.name for f in fields} <= set(form.editors), "every catalogue field has an editor"
    expected = records.load_for_edit(store, kind, actor=me).values
    values = form.values()
    for f in fields:
        if f.default == "today":
            assert values[f.name] == today_local(), f.name
        elif f.default == "me":
            assert values[f.name] == [str(me.user_id)], f.name
        elif f.default == "now":
            shown = values[f.name]
            assert shown is not None and abs(
                (datetime.combine(today_local(), shown) if f.kind is FieldKind.TIME else shown)
                - (
                    datetime.combine(today_local(), expected[f.name])
                    if f.kind is FieldKind.TIME
                    else expected[f.name]
                )
            ) <= timedelta(minutes=5), f.name
        elif f.kind in (FieldKind.TEXT, FieldKind.INT, FieldKind.CHOICE, FieldKind.LONG_TEXT):
            assert values[f.name] == expected[f.name], f.name
        # labels on the left, required ones marked, the help as a tooltip
        caption = form.captions[f.name]
        assert caption.text().startswith(f.label)
        assert ("*" in caption.text()) == f.required, f.name
        assert caption.toolTip() == f.help
    # 保存 waits until the required fields are filled
    problems = form.field_errors()
    assert form.save_button.isEnabled() == (not problems)
    assert all(not label.isVisible() for label in form.error_labels.values()), "no red before typing"
    form.close()


# ---- checks while typing ---------------------------------------------------------------------------


def _blank_by_keyboard(form: RecordForm, name: str) -> None:
    editor = form.editors[name]
    if isinstance(editor, TemporalEditor):
        editor.edit.setFocus()
        QTest.keyClick(editor.edit, Qt.Key.Key_Delete)
    elif isinstance(editor, TextEditor | TextListEditor | LongTextEditor):
        target = editor.edit
        type_into(target, "x")
        clear(target)
    elif isinstance(editor, CheckGroup):
        for _value, box in editor.boxes:
            if box.isChecked():
                box.setFocus()
                QTest.keyClick(box, Qt.Key.Key_Space)
    else:
        raise AssertionError(f"no keyboard way to empty {type(editor).__name__}")


@pytest.mark.parametrize("kind", KINDS)
def test_a_required_field_left_empty_is_named_under_it(
    qtbot: Any, host: QWidget, store: Store, me: Actor, kind: str
) -> None:
    form = open_form(qtbot, host, store, kind, actor=me)
    blankable = (TemporalEditor, TextEditor, TextListEditor, LongTextEditor, CheckGroup)
    name = next(n for n, e in form.editors.items() if e.field.required and isinstance(e, blankable))
    _blank_by_keyboard(form, name)
    label = form.error_labels[name]
    assert label.isVisible()
    assert form.editors[name].field.label in label.text()
    assert "必填" in label.text() or "请填写" in label.text()
    assert not form.save_button.isEnabled()
    assert form.editors[name].field.label in form.hint.text()
    form.close()


def test_detainee_id_number_checked_while_typing_and_fills_birth_date_and_gender(
    qtbot: Any, host: QWidget, store: Store, me: Actor
) -> None:
    form = open_form(qtbot, host, store, "detainee", actor=me)
    good = make_id_number("520102", date(1990, 5, 17), 123)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    id_edit = form.editors["id_number"].focus_widgets()[0]
    type_into(id_edit, wrong.lower())
    label = form.error_labels["id_number"]
    assert label.isVisible() and "身份证号校验位错误" in label.text()
    assert not form.save_button.isEnabled()
    clear(id_edit)
    type_into(id_edit, good[:17] + good[17].lower())
    assert form.editors["id_number"].value() == good.upper()
    assert not form.error_labels["id_number"].isVisible()
    assert form.editors["birth_date"].value() == date(1990, 5, 17)
    assert form.editors["gender"].value() == "male"
    # the name is required: typed, then removed
    name_edit = form.editors["name"].focus_widgets()[0]
    type_into(name_edit, "张三")
    clear(name_edit)
    assert "姓名为必填项" in form.error_labels["name"].text()
    assert not form.save_button.isEnabled()
    form.close()


# ---- keyboard only: Ctrl+N on 巡视检察, two findings, Ctrl+S ------------------------------------------


def test_patrol_with_two_findings_from_the_keyboard(qtbot: Any, store: Store, idle: Any) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    assert window.stack.currentIndex() == PATROLS
    QTest.keySequence(window, QKeySequence("Ctrl+N"))
    qtbot.waitUntil(lambda: window.last_form is not None and window.last_form.is_loaded)
    form = window.last_form
    assert form is not None and form.kind == "patrol"
    form.activateWindow()
    # Defaults are there: today, now, the signed-in user; the cursor waits in 巡视区域.
    assert form.editors["patrol_date"].value() == today_local()
    assert form.editors["participant_ids"].value() == [str(window.actor.user_id)]
    areas = focused_line_edit()
    assert areas is form.editors["areas"].focus_widgets()[0]
    type_text(areas, "一监区、医疗室")
    QTest.keyClick(areas, Qt.Key.Key_Tab)  # 检察方式: the first box, 实地查看
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # 检察人员
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # 情况摘要
    assert isinstance(QApplication.focusWidget(), QPlainTextEdit)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the first finding's 问题描述
    first = focused_line_edit()
    type_text(first, "103监室电视机损坏")
    QTest.keySequence(form, QKeySequence("Ctrl+Return"))  # another finding, cursor in it
    second = focused_line_edit()
    assert second is not first
    type_text(second, "值班民警未按时巡查")
    assert form.save_button.isEnabled(), form.hint.text()
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        QTest.keySequence(QApplication.focusWidget(), QKeySequence("Ctrl+S"))
    patrol_id = saved.args[1]
    idle()
    patrol = store.repo(Patrol).require(patrol_id)
    assert patrol.areas == ["一监区", "医疗室"]
    assert patrol.methods == ["on_site"]
    assert patrol.patrol_date == today_local()
    with store.session(read_only=True) as s:
        found = list(
            s.scalars(select(Finding).where(Finding.patrol_id == patrol_id).order_by(Finding.created_at))
        )
    assert [f.description for f in found] == ["103监室电视机损坏", "值班民警未按时巡查"]
    assert all(f.severity == "flaw" and f.source == "patrol" for f in found)
    window.close()


# ---- a group of check boxes is one Tab stop -----------------------------------------------------------


def focused_in(form: RecordForm) -> str | None:
    """The field the keyboard is in."""
    widget = QApplication.focusWidget()
    return next((name for name, e in form.editors.items() if e.isAncestorOf(widget)), None)


def test_a_check_group_is_one_tab_stop_in_the_patrol_form(
    qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any
) -> None:
    form = open_form(qtbot, host, store, "patrol", actor=me)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    methods = form.editors["methods"]
    assert isinstance(methods, CheckGroup) and len(methods.boxes) == 5
    boxes = [box for _, box in methods.boxes]
    form.editors["areas"].focus_widgets()[0].setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # into 检察方式: its first box
    assert QApplication.focusWidget() is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Tab)  # one Tab leaves the group: 检察人员
    assert focused_in(form) == "participant_ids"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused_in(form) == "summary"

    # back in: the arrows move, Space ticks, and Tab still leaves at once
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Right)
    QTest.keyClick(boxes[1], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is boxes[2]
    QTest.keyClick(boxes[2], Qt.Key.Key_Space)
    assert methods.value() == [methods.boxes[2][0]]
    assert boxes[2].focusPolicy() == Qt.FocusPolicy.StrongFocus  # the group's one Tab stop ...
    assert all(b.focusPolicy() == Qt.FocusPolicy.ClickFocus for b in boxes if b is not boxes[2])
    QTest.keyClick(boxes[2], Qt.Key.Key_Tab)
    assert focused_in(form) == "participant_ids"
    # ... where Shift+Tab comes back in: the box last used, not the first
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is boxes[2]
    QTest.keyClick(boxes[2], Qt.Key.Key_End)
    assert QApplication.focusWidget() is boxes[4]
    QTest.keyClick(boxes[4], Qt.Key.Key_Right)  # wraps round
    assert QApplication.focusWidget() is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused_in(form) == "areas"
    form.close()
    idle()


def test_a_check_group_enters_at_its_first_ticked_box_and_walks_rows(qtbot: Any, store: Store) -> None:
    """Outside a record form too (Qt's own focus chain): one Tab stop, at the first ticked box; ↑/↓
    move a row in a group of several rows, Home/End to its ends."""
    spec = CATALOGUE["patrol"][[f.name for f in CATALOGUE["patrol"]].index("methods")]
    choices = [(f"c{i}", f"选项{i}") for i in range(8)]  # two rows of 5 and 3
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    before, after = QLineEdit(), QLineEdit()
    group = CheckGroup(spec, choices)
    for w in (before, group, after):
        layout.addWidget(w)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    boxes = [box for _, box in group.boxes]
    group.set_value(["c6", "c3"])
    before.setFocus()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is boxes[3]  # the first ticked
    QTest.keyClick(boxes[3], Qt.Key.Key_Down)  # 选项8 does not exist: stays
    assert QApplication.focusWidget() is boxes[3]
    QTest.keyClick(boxes[3], Qt.Key.Key_Left)
    QTest.keyClick(boxes[2], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is boxes[7]
    QTest.keyClick(boxes[7], Qt.Key.Key_Up)
    assert QApplication.focusWidget() is boxes[2]
    QTest.keyClick(boxes[2], Qt.Key.Key_Home)
    assert QApplication.focusWidget() is boxes[0]
    QTest.keyClick(boxes[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    QTest.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is boxes[0]
    assert group.value() == ["c6", "c3"]  # moving ticks nothing


# ---- the detainee picker -----------------------------------------------------------------------------


def press(key: Qt.Key) -> None:
    """A key as Qt delivers it: to the open popup (the picker's list) if there is one."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key)


def test_talk_with_a_new_arrival_chosen_by_typing(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    for i in range(5):
        seed.detainee(i)
    arrival = seed.detainee(
        50, name="新收押人员甲", cell="108", admitted_at=datetime.now(UTC) - timedelta(days=1)
    )
    form = open_form(qtbot, host, store, "talk", actor=me)
    form.activateWindow()
    picker = form.editors["detainee_id"]
    assert isinstance(picker, DetaineePicker)
    line = focused_line_edit()  # the first thing a new talk needs
    assert line is picker.edit
    with qtbot.waitSignal(picker.searched, timeout=10_000):
        type_text(line, "新收")
    assert [h.id for h in picker.hits] == [arrival.id]
    popup = picker.completer.popup()
    assert popup is not None and popup.isVisible()
    assert popup.model().index(0, 0).data() == f"新收押人员甲 · 108监室 · 尾号{arrival.id_number[-4:]}"
    press(Qt.Key.Key_Return)
    assert picker.value() == arrival.id
    assert not form.error_labels["detainee_id"].isVisible()
    press(Qt.Key.Key_Tab)  # 谈话类型
    press(Qt.Key.Key_Down)  # the first type: 新收押
    assert form.editors["talk_type"].value() == "new_admission"
    press(Qt.Key.Key_Tab)  # 谈话人
    press(Qt.Key.Key_Tab)  # 谈话内容
    type_text(QApplication.focusWidget(), "问：身体如何？答：还好。")
    talk_id = wait_saved(qtbot, form)
    idle()
    talk = store.repo(Talk).require(talk_id)
    assert talk.detainee_id == arrival.id
    assert talk.talk_type == "new_admission"
    assert talk.qa_text == "问：身体如何？答：还好。"
    assert talk.interviewer_ids == [str(me.user_id)]
    assert talk.detainee_snapshot["cell"] == "108"


def test_picker_shows_the_newest_query_only(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, deferred: Any
) -> None:
    seed.detainee(1, name="张一")
    seed.detainee(2, name="张二")
    form = open_record_form(host, store, "talk", actor=me, runner=deferred)
    deferred.run()  # the form's own read
    assert form.is_loaded
    picker = form.editors["detainee_id"]
    assert isinstance(picker, DetaineePicker)
    type_into(picker.edit, "张")
    assert deferred.jobs == []  # one character: no search yet
    type_text(picker.edit, "一")  # 张一
    clear(picker.edit)
    type_text(picker.edit, "张二")
    assert len(deferred.jobs) == 2
    deferred.run(1)  # the newer query answers first …
    assert [h.name for h in picker.hits] == ["张二"]
    deferred.run(0)  # … and the older answer, arriving late, is dropped
    assert [h.name for h in picker.hits] == ["张二"]
    assert picker.last_query == "张二"
    form._finished = True
    form.close()


# ---- a mailbox opening with a confidential letter ------------------------------------------------------


def test_mailbox_opening_with_a_confidential_letter(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    writer = seed.detainee(7, name="写信人乙", cell="203")
    form = open_form(qtbot, host, store, "mailbox_opening", actor=me)
    form.activateWindow()
    type_into(form.editors["mailbox_location"].focus_widgets()[0], "一监区走廊")
    QTest.keySequence(form, QKeySequence("Ctrl+Return"))  # a letter; the cursor in its 序号
    rows = form.rows_editor
    assert isinstance(rows, ChildRowsEditor) and len(rows.live_rows()) == 1
    row = rows.live_rows()[0]
    assert row.editors["serial_no"].value() == 1
    assert row.editors["accepted_on"].value() == today_local()
    assert row.editors["status"].value() == "registered"
    press(Qt.Key.Key_Tab)  # 类别
    press(Qt.Key.Key_Down)  # 控告
    assert row.editors["category"].value() == "accusation"
    press(Qt.Key.Key_Tab)  # 写信人
    picker = row.editors["detainee_id"]
    assert isinstance(picker, DetaineePicker)
    with qtbot.waitSignal(picker.searched, timeout=10_000):
        type_text(QApplication.focusWidget(), "写信")
    press(Qt.Key.Key_Return)
    assert picker.value() == writer.id
    press(Qt.Key.Key_Tab)  # 保密
    press(Qt.Key.Key_Space)
    assert row.editors["confidential"].value() is True
    press(Qt.Key.Key_Tab)  # 事由
    type_text(QApplication.focusWidget(), "反映被同监室人员殴打")
    assert form.save_button.isEnabled(), form.hint.text()
    opening_id = wait_saved(qtbot, form)
    idle()
    opening = store.repo(MailboxOpening).require(opening_id)
    assert opening.letter_count == 1 and opening.mailbox_location == "一监区走廊"
    with store.session(read_only=True) as s:
        letter = s.scalars(select(MailboxLetter).where(MailboxLetter.opening_id == opening_id)).one()
    assert (letter.serial_no, letter.category, letter.detainee_id) == (1, "accusation", writer.id)
    assert letter.confidential is True
    assert letter.subject == "反映被同监室人员殴打"


def test_letter_column_heads_stand_where_the_rows_will_be(
    qtbot: Any, host: QWidget, store: Store, me: Actor
) -> None:
    form = open_form(qtbot, host, store, "mailbox_opening", actor=me)
    rows = form.rows_editor
    assert rows is not None and not rows.live_rows() and rows.empty_label.isVisible()
    assert "Ctrl+Enter" in rows.empty_label.text()
    heads = [rows.grid.itemAtPosition(0, col).widget() for col in range(len(rows.fields))]
    before = [(h.x(), h.width()) for h in heads]
    assert [x for x, _ in before] == sorted(x for x, _ in before)
    row = rows.add_row()
    qtbot.waitUntil(lambda: row.editors["subject"].isVisible())
    QApplication.processEvents()
    # adding a row widens no column (the 事由 column takes what is left: a scroll bar may take some)
    stretch = [f.name for f in rows.fields].index("subject")
    after = [(h.x(), h.width()) for h in heads]
    assert after[:stretch] == before[:stretch]
    assert [w for _, w in after[stretch + 1 :]] == [w for _, w in before[stretch + 1 :]]
    for head, editor in zip(heads, row.editors.values(), strict=True):
        if isinstance(editor, BoolEditor):  # a tick box sits in the middle of its column
            assert abs(editor.geometry().center().x() - head.geometry().center().x()) <= 1
        else:
            assert editor.x() == head.x(), head.text()
    form.close()


def test_a_form_is_as_tall_as_its_content_up_to_the_screen(
    qtbot: Any, host: QWidget, store: Store, me: Actor
) -> None:
    screen = host.screen().availableGeometry()
    small = open_form(qtbot, host, store, "finding", actor=me)
    qtbot.waitUntil(lambda: small.scroll_area.viewport().height() > 0)
    assert MIN_HEIGHT <= small.height() < 700
    assert small.scroll_area.verticalScrollBar().maximum() == 0  # nothing hidden below
    assert small.scroll_area.viewport().height() - small.body.sizeHint().height() < 24  # nor much blank
    tall = open_form(qtbot, host, store, "talk", actor=me)
    assert tall.height() > small.height()
    assert tall.height() <= max(screen.height() - 60, MIN_HEIGHT)
    assert small.frameGeometry().top() >= screen.top() and tall.frameGeometry().top() >= screen.top()
    small.close()
    tall.close()


def test_a_new_letter_is_registered_in_a_new_opening(
    qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any
) -> None:
    assert "mailbox_letter" in FORM_KINDS and "mailbox_letter" not in NEW_FORM_KINDS  # edited alone
    with pytest.raises(MadeUnderParentError, match="信箱开启记录"):
        RecordForm(store, "mailbox_letter", actor=me)
    form = open_form(qtbot, host, store, "mailbox_letter", actor=me)
    assert form.kind == "mailbox_opening" and form.windowTitle() == "新建信箱开启"
    assert form.rows_editor is not None and len(form.rows_editor.live_rows()) == 1
    assert form.banner.isVisible() and "在下方“信件”中逐行填写" in form.banner.text.text()
    row = form.rows_editor.live_rows()[0]
    assert row.untouched() and form.hint.text() == "按 Ctrl+S 保存"  # an empty row is no error
    qtbot.waitUntil(lambda: form.banner.height() > 0)
    blank = form.scroll_area.viewport().height() - form.body.sizeHint().height()
    assert 0 <= blank < 24  # as tall as the form with its note and its row
    _fill(form, {"mailbox_location": "一监区走廊"})
    row.editors["category"].set_value("inquiry")
    row.editors["subject"].set_value("询问刑期")
    form.validate()
    assert form.save_button.isEnabled(), form.hint.text()
    opening_id = wait_saved(qtbot, form)
    idle()
    with store.session(read_only=True) as s:
        letter = s.scalars(select(MailboxLetter).where(MailboxLetter.opening_id == opening_id)).one()
    assert (letter.serial_no, letter.subject) == (1, "询问刑期")

    # with its opening given, a letter is typed in its own form (and saved under that opening)
    state = records.load_for_edit(store, "mailbox_letter", actor=me, links={"opening_id": opening_id})
    alone = open_form(qtbot, host, store, "mailbox_letter", actor=me, prefill=state)
    assert alone.kind == "mailbox_letter"
    _fill(alone, {"serial_no": 2, "category": "inquiry", "subject": "申请会见律师"})
    second = wait_saved(qtbot, alone)
    idle()
    assert store.repo(MailboxLetter).require(second).opening_id == opening_id


def test_an_optional_choice_left_empty_says_so(qtbot: Any, host: QWidget, store: Store, me: Actor) -> None:
    form = open_form(qtbot, host, store, "detainee", actor=me)
    for name in ("sentence_kind", "discharge_kind"):
        editor = form.editors[name]
        assert isinstance(editor, ChoiceEditor) and not editor.field.required
        assert editor.value() is None
        assert editor.edit.currentText() == NOT_CHOSEN and editor.edit.shows_blank()
    editor = form.editors["sentence_kind"]
    assert isinstance(editor, ChoiceEditor)
    editor.set_value("fixed_term")
    assert editor.edit.currentText() == "有期徒刑" and not editor.edit.shows_blank()
    editor.edit.setCurrentIndex(0)  # 未选择 chosen again: empty
    assert editor.value() is None and editor.edit.shows_blank()
    required = form.editors["gender"]
    assert isinstance(required, ChoiceEditor) and required.edit.findText(NOT_CHOSEN) < 0
    form.close()


# ---- editing a detainee: only what changed is sent, custody events in the same save -----------------


def test_detainee_edit_sends_the_changed_fields_and_a_custody_event(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    person = seed.detainee(3, cell="101")
    form = open_form(qtbot, host, store, "detainee", person.id, actor=me)
    assert form.windowTitle() == "修改在押人员"
    assert form.editors["name"].value() == person.name
    assert form.hint.text() == "没有修改" and not form.save_button.isEnabled()
    cell = form.editors["cell"].focus_widgets()[0]
    clear(cell)
    type_into(cell, "305")
    assert form.changes() == {"cell": "305"}
    QTest.keySequence(form, QKeySequence("Ctrl+Return"))  # a custody event: the cursor in 类型
    press(Qt.Key.Key_Down)  # 拘留
    press(Qt.Key.Key_Tab)  # 日期: today
    press(Qt.Key.Key_Tab)  # 延长月数
    press(Qt.Key.Key_Tab)  # 延长天数
    press(Qt.Key.Key_Tab)  # 依据
    type_text(QApplication.focusWidget(), "刑事诉讼法第八十二条")
    wait_saved(qtbot, form)
    idle()
    stored = store.repo(Detainee).require(person.id)
    assert stored.cell == "305" and stored.name == person.name
    with store.session(read_only=True) as s:
        events = list(s.scalars(select(CustodyEvent).where(CustodyEvent.detainee_id == person.id)))
    assert [(e.kind, e.occurred_on, e.legal_basis) for e in events] == [
        ("detention", today_local(), "刑事诉讼法第八十二条")
    ]
    with store.session(read_only=True) as s:
        from inspector.store.models import AuditLog

        update = s.scalars(
            select(AuditLog).where(AuditLog.table_name == "detainee", AuditLog.action == "update")
        ).one()
    assert update.detail["fields"] == ["cell"]


# ---- a record changed after the form opened ---------------------------------------------------------


def test_stale_edit_shows_both_values_and_writes_nothing(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    person = seed.detainee(4, cell="101")
    first = open_form(qtbot, host, store, "detainee", person.id, actor=me)
    second = open_form(qtbot, host, store, "detainee", person.id, actor=me)
    clear(first.editors["cell"].focus_widgets()[0])
    type_into(first.editors["cell"].focus_widgets()[0], "201")
    wait_saved(qtbot, first)
    idle()
    clear(second.editors["cell"].focus_widgets()[0])
    type_into(second.editors["cell"].focus_widgets()[0], "305")
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    QTest.keySequence(second, QKeySequence("Ctrl+S"))
    qtbot.waitUntil(second.conflict_panel.isVisible)
    idle()
    assert second.isVisible(), "the form stays open"
    table = second.conflict_table
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert rows == [("监室", "305", "201")]
    assert "未保存" in second.conflict_text.text()
    assert store.repo(Detainee).require(person.id).cell == "201"  # nothing written
    # Reload: the record's new version, the typed value kept; the next save goes through.
    second.keep_mine_button.click()
    qtbot.waitUntil(lambda: second.save_button.isEnabled())
    assert second.editors["cell"].value() == "305"
    assert second.changes() == {"cell": "305"}
    wait_saved(qtbot, second)
    idle()
    assert store.repo(Detainee).require(person.id).cell == "305"


# ---- roles ---------------------------------------------------------------------------------------------


def test_an_administrator_cannot_save(qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any) -> None:
    admin = Actor(me.station_id, me.device_id, me.user_id, "admin", "管理员")
    form = open_form(qtbot, host, store, "patrol", actor=admin)
    assert form.banner.isVisible()
    assert "管理员不能录入或修改记录" in form.banner.text.text()
    type_into(form.editors["areas"].focus_widgets()[0], "一监区")
    form.editors["methods"].focus_widgets()[0].setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert not form.field_errors()
    assert not form.save_button.isEnabled() and form.hint.text() == "没有修改权限"
    form.save()  # even if asked to, the service refuses
    qtbot.waitUntil(lambda: "未保存" in form.banner.text.text())
    idle()
    assert "管理员不能录入或修改记录" in form.banner.text.text()
    assert store.repo(Patrol).count() == 0
    form.reject()  # closes without asking: there is nothing this user could keep
    assert form.close_question is None


# ---- drafts --------------------------------------------------------------------------------------------


def test_draft_kept_on_close_and_offered_back(
    qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any
) -> None:
    text = "问：身体如何？答：还好，就是睡不着。"
    form = open_form(qtbot, host, store, "talk", actor=me)
    form.activateWindow()
    type_into(form.editors["qa_text"].focus_widgets()[0], text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    box = form.close_question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert {b.text() for b in box.buttons()} == {"保存草稿并关闭", "放弃修改", "继续编辑"}
    QTest.keyClick(box, Qt.Key.Key_Return)  # the default: 保存草稿并关闭
    qtbot.waitUntil(lambda: drafts.find_draft(store, me.user_id, "talk", None) is not None)
    idle()

    again = open_form(qtbot, host, store, "talk", actor=me)
    assert again.banner.isVisible() and "草稿" in again.banner.text.text()
    assert again.editors["qa_text"].value() is None
    restore = next(b for b in again.banner.buttons if b.text() == "恢复草稿")
    restore.click()
    assert again.editors["qa_text"].value() == text
    assert not again.banner.isVisible()
    assert again.dirty()
    # discarded once the record is saved
    person = store.repo(Detainee).add(
        {
            "name": "赵某",
            "gender": "male",
            "admitted_at": datetime.now(UTC) - timedelta(days=3),
            "legal_status": "suspect",
            "stage": "investigation",
        }
    )
    again.ctx.detainee_labels[person.id] = "赵某"  # type: ignore[union-attr]
    again.editors["detainee_id"].set_value(person.id)
    again.editors["talk_type"].set_value("routine")
    again.field_edited("detainee_id")
    wait_saved(qtbot, again)
    idle()
    assert drafts.find_draft(store, me.user_id, "talk", None) is None


def test_autosave_while_typing_and_esc_without_changes(
    qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any
) -> None:
    form = open_form(qtbot, host, store, "oral_correction", actor=me)
    form.activateWindow()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # nothing typed: closes, no question
    assert form.close_question is None
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    form = open_form(qtbot, host, store, "oral_correction", actor=me)
    type_into(form.editors["facts"].focus_widgets()[0], "值班民警脱岗")
    with qtbot.waitSignal(form.draftStored, timeout=10_000):
        form.autosave()  # what the timer does every few seconds
    draft = drafts.find_draft(store, me.user_id, "oral_correction", None)
    assert draft is not None and draft.values["fields"]["facts"] == "值班民警脱岗"
    idle()
    form._finished = True
    form.close()


# ---- prefilled from elsewhere: a correction raised from a finding ------------------------------------------


def test_prefilled_correction_keeps_its_links(
    qtbot: Any, host: QWidget, store: Store, me: Actor, idle: Any
) -> None:
    patrol = records.load_for_edit(store, "patrol", actor=me)
    saved = records.save(
        store,
        "patrol",
        None,
        {**patrol.values, "areas": ["一监区"], "methods": ["on_site"]},
        None,
        me,
        children=[records.ChildChange({"description": "103监室监控有盲区", "severity": "hazard"})],
    )
    finding_id = saved.child_ids[0]
    state = documents.raise_from_finding(store, finding_id, "oral_correction", me)
    form = open_form(qtbot, host, store, "oral_correction", actor=me, prefill=state)
    assert form.editors["facts"].value() == state.values["facts"]
    assert form.from_finding == finding_id
    oral_id = wait_saved(qtbot, form)
    idle()
    assert store.repo(Finding).require(finding_id).oral_correction_id == oral_id

    notice = documents.escalate_oral(store, oral_id, me)
    form = open_form(qtbot, host, store, "rectification_notice", actor=me, prefill=notice)
    assert form.changes()["oral_correction_id"] == oral_id
    notice_id = wait_saved(qtbot, form)
    idle()
    from inspector.store.models import RectificationNotice

    row = store.repo(RectificationNotice).require(notice_id)
    assert row.oral_correction_id == oral_id
    assert store.repo(Finding).require(finding_id).rectification_notice_id == notice_id


# ---- from a list row -------------------------------------------------------------------------------


def test_enter_on_a_list_row_opens_its_form_and_the_list_is_read_again(
    qtbot: Any, store: Store, seed: Any, idle: Any
) -> None:
    patrol = seed.patrol(today_local())
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page(PATROLS)
    page = window.pages[PATROLS]
    qtbot.waitUntil(lambda: page.model.has_loaded and page.model.rowCount() == 1)
    assert window.new_buttons[PATROLS].text() == "新建"
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_form is not None and window.last_form.is_loaded)
    form = window.last_form
    assert form is not None and form.record_id == patrol.id and form.kind == "patrol"
    type_into(form.editors["summary"].focus_widgets()[0], "未发现问题")
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        wait_saved(qtbot, form)
    idle()
    assert store.repo(Patrol).require(patrol.id).summary == "未发现问题"
    window.close()


# ---- every kind saves ------------------------------------------------------------------------------


def _fill(form: RecordForm, values: dict[str, Any]) -> None:
    for name, value in values.items():
        form.editors[name].set_value(value)
        form.field_edited(name)


@pytest.mark.parametrize(
    "kind",
    [
        "finding",
        "oral_correction",
        "rectification_notice",
        "procuratorial_suggestion",
        "custody_event",
        "daily_log",
        "monthly_report",
    ],
)
def test_every_kind_saves(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any, kind: str
) -> None:
    person = seed.detainee(5)
    values: dict[str, dict[str, Any]] = {
        "finding": {"description": "监控盲区", "severity": "hazard", "source": "video"},
        "oral_correction": {"source": "patrol", "facts": "值班民警脱岗"},
        "rectification_notice": {"trigger": "serious_violation", "facts": "超时提讯"},
        "procuratorial_suggestion": {"facts_found": "监控存在盲区", "recommendations": ["增设摄像头"]},
        "custody_event": {"detainee_id": person.id, "kind": "arrest", "authority": "测试区人民检察院"},
        "daily_log": {"other_work": "接待家属来访"},
        "monthly_report": {"month": "2026-11"},
    }
    form = open_form(qtbot, host, store, kind, actor=me)
    assert form.ctx is not None
    form.ctx.detainee_labels[person.id] = person.name
    _fill(form, values[kind])
    assert form.save_button.isEnabled(), form.hint.text()
    record_id = wait_saved(qtbot, form)
    idle()
    stored = records.load_for_edit(store, kind, record_id)
    for name, value in values[kind].items():
        assert stored.values.get(name, stored.links.get(name)) == value, name
    # and opened again, it edits that record
    again = open_form(qtbot, host, store, kind, record_id, actor=me)
    assert again.windowTitle() == f"修改{kind_label(kind)}"
    assert again.hint.text() == "没有修改"
    again.close()


def test_a_letter_edited_on_its_own(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    state = records.load_for_edit(store, "mailbox_opening", actor=me)
    letter = records.ChildChange(
        {"serial_no": 1, "category": "inquiry", "subject": "询问刑期", "accepted_on": today_local()}
    )
    saved = records.save(store, "mailbox_opening", None, state.values, None, me, children=[letter])
    form = open_form(qtbot, host, store, "mailbox_letter", saved.child_ids[0], actor=me)
    assert form.editors["subject"].value() == "询问刑期"
    _fill(form, {"status": "answered", "replied_on": today_local()})
    wait_saved(qtbot, form)
    idle()
    row = store.repo(MailboxLetter).require(saved.child_ids[0])
    assert (row.status, row.replied_on, row.subject) == ("answered", today_local(), "询问刑期")


def test_what_the_service_refuses_is_shown_under_the_field(
    qtbot: Any, host: QWidget, store: Store, me: Actor
) -> None:
    from inspector.domain.errors import FieldError, ValidationError

    form = open_form(qtbot, host, store, "patrol", actor=me)
    _fill(form, {"areas": ["一监区"], "methods": ["on_site"]})
    assert form.save_button.isEnabled()
    refusal = ValidationError("patrol", [FieldError("areas", "巡视区域不在本所", "unknown area")])
    form._save_failed(refusal)  # what the save's error handler receives from the service
    assert form.error_labels["areas"].isVisible()
    assert form.error_labels["areas"].text() == "巡视区域不在本所"
    assert not form.save_button.isEnabled()
    type_into(form.editors["areas"].focus_widgets()[0], "、二监区")  # edited: the refusal is gone
    assert not form.error_labels["areas"].isVisible() and form.save_button.isEnabled()
    form._save_failed(ValidationError("finding", [FieldError("description", "问题描述为必填项", "x")]))
    assert form.banner.isVisible() and "发现问题" in form.banner.text.text()
    form._finished = True
    form.close()


def test_closing_the_main_window_keeps_what_is_typed(qtbot: Any, store: Store, idle: Any) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.new_record("talk")
    form = window.last_form
    assert form is not None
    qtbot.waitUntil(lambda: form.is_loaded)
    type_into(form.editors["qa_text"].focus_widgets()[0], "问：有何要求？答：想见律师。")
    window.close()
    idle()
    draft = drafts.find_draft(store, window.actor.user_id, "talk", None)
    assert draft is not None and draft.values["fields"]["qa_text"] == "问：有何要求？答：想见律师。"


def test_stale_edit_can_take_the_current_content(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, idle: Any
) -> None:
    person = seed.detainee(6, cell="101", ethnicity="汉族")
    first = open_form(qtbot, host, store, "detainee", person.id, actor=me)
    second = open_form(qtbot, host, store, "detainee", person.id, actor=me)
    _fill(first, {"cell": "201"})
    wait_saved(qtbot, first)
    idle()
    _fill(second, {"cell": "305", "ethnicity": "苗族"})
    second.save()
    qtbot.waitUntil(second.conflict_panel.isVisible)
    idle()
    table = second.conflict_table
    assert {table.item(r, 0).text() for r in range(table.rowCount())} == {"监室", "民族"}
    assert not second.save_button.isEnabled()  # not before the current content is loaded
    second.take_theirs_button.click()
    qtbot.waitUntil(lambda: second.save_button.isEnabled())
    assert second.editors["cell"].value() == "201"
    assert second.changes() == {"ethnicity": "苗族"}  # only what was changed here alone
    wait_saved(qtbot, second)
    idle()
    stored = store.repo(Detainee).require(person.id)
    assert (stored.cell, stored.ethnicity) == ("201", "苗族")
