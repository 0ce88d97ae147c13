"""附件 in the record forms and on the correction pages (ui.forms.attachments.AttachmentPanel): files
chosen from disk are added through the services in the background, listed, opened, saved elsewhere,
captioned, deleted with 撤销; a new record says to save first; a role that may not edit only reads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from sqlalchemy import delete

from inspector.services import attachments, records
from inspector.services.policy import Actor, actor_for
from inspector.store.models import AppUser, Blob
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import file_dialogs
from ui.forms import RecordForm, open_record_form
from ui.forms import attachments as panel_module
from ui.forms.attachments import UNSAVED_HINT, AttachmentPanel

JPEG = b"\xff\xd8\xff\xe0 photo of cell 103"
PDF = b"%PDF-1.4 written reply"


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


@pytest.fixture
def host(qtbot: Any, idle: Any) -> Iterator[QWidget]:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    yield w
    idle()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    photo, reply = tmp_path / "监室照片.jpg", tmp_path / "书面回复.pdf"
    photo.write_bytes(JPEG)
    reply.write_bytes(PDF)
    return photo, reply


def saved_patrol(store: Store, me: Actor) -> uuid.UUID:
    state = records.load_for_edit(store, "patrol", actor=me)
    values = {**state.values, "areas": ["一监区"], "methods": ["on_site"]}
    return records.save(store, "patrol", None, values, None, me).record_id


def open_form(qtbot: Any, host: QWidget, store: Store, kind: str, record_id: Any, actor: Actor) -> RecordForm:
    form = open_record_form(host, store, kind, record_id, actor=actor)
    qtbot.waitUntil(lambda: form.is_loaded, timeout=10_000)
    return form


def panel_of(form: RecordForm) -> AttachmentPanel:
    assert form.attachment_panel is not None
    return form.attachment_panel


def choose(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The file dialog answers with ``paths`` (as if picked and 打开 pressed)."""
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")),
    )


def add_through_the_dialog(qtbot: Any, panel: AttachmentPanel, count: int) -> None:
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.items) == count and not panel.busy, timeout=10_000)


def test_add_open_save_caption_delete_and_undo_in_a_patrol_form(
    qtbot: Any,
    host: QWidget,
    store: Store,
    me: Actor,
    files: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    idle: Any,
) -> None:
    patrol = saved_patrol(store, me)
    form = open_form(qtbot, host, store, "patrol", patrol, me)
    panel = panel_of(form)
    assert panel.record_id == patrol and panel.empty_label.isVisible() and not panel.table.isVisible()
    assert panel.add_button.isEnabled() and not panel.open_button.isEnabled()

    # 添加附件…: two files picked at once
    choose(monkeypatch, *files)
    add_through_the_dialog(qtbot, panel, 2)
    assert panel.filenames() == ["监室照片.jpg", "书面回复.pdf"]
    assert panel.table.isVisible() and panel.status.text() == "已添加 2 个附件"
    assert [panel.table.item(0, c).text() for c in (0, 1, 2)] == ["监室照片.jpg", f"{len(JPEG)} 字节", ""]
    stored = attachments.list_attachments(store, "patrol", patrol)
    assert [(a.filename, a.media_type) for a in stored] == [
        ("监室照片.jpg", "image/jpeg"),
        ("书面回复.pdf", "application/pdf"),
    ]
    assert form.hint.text() == "没有修改"  # attachments are not part of the form's 保存

    # 打开 (Enter on the row): a copy in the session's temporary folder, handed to the system
    opened: list[Path] = []
    monkeypatch.setattr(panel_module, "open_with_system", lambda path: opened.append(path) or True)
    panel.table.setFocus()
    panel.select(stored[0].id)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].name == "监室照片.jpg" and opened[0].read_bytes() == JPEG
    assert opened[0].is_relative_to(panel_module.temp_directory())

    # 另存为…
    target = tmp_path / "saved" / "reply.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    panel.select(stored[1].id)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("已保存到"), timeout=10_000)
    assert target.read_bytes() == PDF

    # 修改说明 (F2): typed in the cell, saved when Enter leaves it
    panel.select(stored[0].id)
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("103监室电视机")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.status.text() == "说明已保存", timeout=10_000)
    assert len(opened) == 1  # Enter in the cell saved the 说明, it did not open the file
    assert [a.caption for a in attachments.list_attachments(store, "patrol", patrol)] == [
        "103监室电视机",
        None,
    ]

    # 删除 (Delete on the row), one question, then 撤销
    asked: list[str] = []
    panel._confirm = lambda _parent, text: asked.append(text) or True
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.filenames() == ["书面回复.pdf"], timeout=10_000)
    assert asked == ["删除附件「监室照片.jpg」？删除后10秒内可撤销。"]
    assert panel.undo_bar.isVisible() and panel.undo_bar.label.text() == "已删除附件「监室照片.jpg」"
    assert [a.filename for a in attachments.list_attachments(store, "patrol", patrol)] == ["书面回复.pdf"]
    qtbot.mouseClick(panel.undo_bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.filenames() == ["监室照片.jpg", "书面回复.pdf"], timeout=10_000)
    assert not panel.undo_bar.isVisible()
    assert len(attachments.list_attachments(store, "patrol", patrol)) == 2
    form.close()
    idle()


def test_a_new_record_says_to_save_first(qtbot: Any, host: QWidget, store: Store, me: Actor) -> None:
    form = open_form(qtbot, host, store, "patrol", None, me)
    panel = panel_of(form)
    assert panel.hint.isVisible() and panel.hint.text() == UNSAVED_HINT == "保存后可添加附件"
    assert not any(b.isVisible() for b in panel.action_buttons()) and not panel.table.isVisible()
    form.close()


def test_the_panel_is_on_the_keyboard_path(qtbot: Any, host: QWidget, store: Store, me: Actor) -> None:
    form = open_form(qtbot, host, store, "patrol", saved_patrol(store, me), me)
    panel = panel_of(form)
    chain = form.focus_chain()
    assert panel.add_button in chain and chain.index(panel.add_button) < chain.index(form.cancel_button)
    form.close()


def _record(store: Store, seed: Any, me: Actor, kind: str) -> uuid.UUID:
    """A saved record of ``kind``."""
    if kind == "patrol":
        return seed.patrol().id  # type: ignore[no-any-return]
    if kind == "talk":
        return seed.talk(seed.detainee(1)).id  # type: ignore[no-any-return]
    if kind == "detainee":
        return seed.detainee(2).id  # type: ignore[no-any-return]
    if kind == "rectification_notice":
        return seed.notice("draft", issued_on=None, served_on=None).id  # type: ignore[no-any-return]
    if kind == "procuratorial_suggestion":
        return seed.suggestion("draft", issued_on=None, served_on=None).id  # type: ignore[no-any-return]
    if kind in ("mailbox_opening", "mailbox_letter"):
        state = records.load_for_edit(store, "mailbox_opening", actor=me)
        letter = records.ChildChange(
            {"serial_no": 1, "category": "inquiry", "subject": "询问刑期", "accepted_on": today_local()}
        )
        saved = records.save(store, "mailbox_opening", None, state.values, None, me, children=[letter])
        return saved.child_ids[0] if kind == "mailbox_letter" else saved.record_id
    values: dict[str, dict[str, Any]] = {
        "finding": {"description": "监控盲区", "severity": "hazard", "source": "video"},
        "oral_correction": {"source": "patrol", "facts": "值班民警脱岗"},
        "custody_event": {
            "detainee_id": seed.detainee(3).id,
            "kind": "arrest",
            "occurred_on": today_local(),
            "authority": "测试区人民检察院",
        },
        "daily_log": {"other_work": "接待家属来访"},
        "monthly_report": {"month": "2026-11"},
    }
    state = records.load_for_edit(store, kind, actor=me)
    return records.save(store, kind, None, {**state.values, **values[kind]}, None, me).record_id


@pytest.mark.parametrize(
    "kind",
    [
        "patrol",
        "talk",
        "mailbox_opening",
        "mailbox_letter",
        "finding",
        "oral_correction",
        "detainee",
        "rectification_notice",
        "procuratorial_suggestion",
        "custody_event",
        "daily_log",
        "monthly_report",
    ],
)
def test_every_saved_record_shows_its_attachments(
    qtbot: Any, host: QWidget, store: Store, seed: Any, me: Actor, kind: str, files: tuple[Path, Path]
) -> None:
    record_id = _record(store, seed, me, kind)
    attachments.add_file(store, kind, record_id, files[1], actor=me)
    form = open_form(qtbot, host, store, kind, record_id, me)
    panel = panel_of(form)
    assert (panel.kind, panel.record_id) == (kind, record_id)
    assert panel.filenames() == ["书面回复.pdf"] and panel.add_button.isEnabled()
    form.close()


def test_an_attachment_form_has_no_attachments_of_its_own(
    qtbot: Any, host: QWidget, store: Store, me: Actor, files: tuple[Path, Path]
) -> None:
    patrol = saved_patrol(store, me)
    added = attachments.add_file(store, "patrol", patrol, files[0], actor=me)
    form = open_form(qtbot, host, store, "attachment", added.id, me)
    assert form.attachment_panel is None
    form.close()


def test_a_file_refused_is_said_and_the_others_are_added(
    qtbot: Any,
    host: QWidget,
    store: Store,
    me: Actor,
    files: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_unexpected_dialogs: list[str],
) -> None:
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1024)
    big = tmp_path / "全景.png"
    big.write_bytes(b"\x89PNG" + b"0" * 4096)
    form = open_form(qtbot, host, store, "patrol", saved_patrol(store, me), me)
    panel = panel_of(form)
    choose(monkeypatch, big, files[0])
    add_through_the_dialog(qtbot, panel, 1)
    assert panel.filenames() == ["监室照片.jpg"]
    qtbot.waitUntil(lambda: bool(no_unexpected_dialogs), timeout=10_000)
    assert no_unexpected_dialogs.pop() == (
        "无法完成操作: 文件「全景.png」有 4 KB，超过附件上限 1 KB，未添加。请压缩或分成几个文件后再添加。"
    )
    form.close()


def test_bytes_still_at_the_office_are_listed_but_not_opened(
    qtbot: Any,
    host: QWidget,
    store: Store,
    me: Actor,
    files: tuple[Path, Path],
    no_unexpected_dialogs: list[str],
) -> None:
    patrol = saved_patrol(store, me)
    attachments.add_file(store, "patrol", patrol, files[0], actor=me)
    with store.session() as s:  # a row pulled before its bytes
        s.execute(delete(Blob))
    form = open_form(qtbot, host, store, "patrol", patrol, me)
    panel = panel_of(form)
    assert panel.table.item(0, 1).text().endswith("（未同步到本机）")
    assert not panel.open_button.isEnabled() and not panel.save_button.isEnabled()
    assert panel.delete_button.isEnabled()
    panel.open_selected()  # e.g. a double-click on the row
    assert no_unexpected_dialogs.pop().endswith("还没有从办公室同步到本机。请联网并同步后再打开。")
    form.close()


def test_a_user_who_may_not_edit_only_reads(
    qtbot: Any, host: QWidget, store: Store, me: Actor, files: tuple[Path, Path]
) -> None:
    patrol = saved_patrol(store, me)
    attachments.add_file(store, "patrol", patrol, files[0], actor=me)
    admin_user = store.repo(AppUser).add({"username": "root", "display_name": "管理员", "role": "admin"})
    form = open_form(qtbot, host, store, "patrol", patrol, actor_for(store, admin_user.id))
    panel = panel_of(form)
    assert panel.open_button.isEnabled() and panel.save_button.isEnabled()
    assert not panel.add_button.isEnabled() and not panel.delete_button.isEnabled()
    assert not panel.caption_button.isEnabled()
    assert panel.add_button.toolTip() == "管理员不能录入或修改记录"
    form.close()


def test_the_oral_correction_page_lists_and_adds(
    qtbot: Any,
    store: Store,
    me: Actor,
    files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    idle: Any,
) -> None:
    from ui.views.document_page import OralCorrectionPage

    state = records.load_for_edit(store, "oral_correction", actor=me)
    values = {**state.values, "source": "patrol", "facts": "值班民警脱岗"}
    oral = records.save(store, "oral_correction", None, values, None, me).record_id
    attachments.add_file(store, "oral_correction", oral, files[0], actor=me)
    page = OralCorrectionPage(store, oral, actor=me)
    qtbot.addWidget(page)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10_000)
    assert page.attachments.filenames() == ["监室照片.jpg"]
    choose(monkeypatch, files[1])
    add_through_the_dialog(qtbot, page.attachments, 2)
    assert [a.filename for a in attachments.list_attachments(store, "oral_correction", oral)] == [
        "监室照片.jpg",
        "书面回复.pdf",
    ]
    page.close()
    idle()
