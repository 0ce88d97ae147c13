"""用户: the administrator's users page — the table, the dialogs' checks as typed, the service's
refusals under the field they name, and each action (add, password, name and role, deactivate)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from inspector.services import auth, users
from inspector.services.policy import ROLES, Actor, actor_for, role_summary
from inspector.store.models import AppUser
from inspector.store.store import Store
from ui.views.users_view import NAME, PASSWORD, ROLE, STATE, USERNAME, UserDialog, UsersView

PASSWORD_TEXT = "Zhang-pass-2026"


def _admin(store: Store, username: str = "admin", name: str = "刘管理员") -> Actor:
    user = store.repo(AppUser).add({"username": username, "display_name": name, "role": "admin"})
    return actor_for(store, user.id)


@pytest.fixture
def admin(store: Store) -> Actor:
    return _admin(store)


def open_view(qtbot: Any, store: Store, actor: Actor) -> UsersView:
    view = UsersView(store, actor=actor)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.activate()
    qtbot.waitUntil(lambda: view.loaded, timeout=10_000)
    return view


def cells(view: UsersView, column: int) -> list[str]:
    return [view.table.item(r, column).text() for r in range(view.table.rowCount())]  # type: ignore[union-attr]


def type_into(qtbot: Any, dialog: UserDialog, name: str, text: str) -> None:
    """Replace an input's text as a user does: select all and delete, then type (Chinese as an input
    method commits it)."""
    edit = dialog.inputs[name]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    for ascii_run, chunk in itertools.groupby(text, key=str.isascii):
        typed = "".join(chunk)
        if ascii_run:
            qtbot.keyClicks(edit, typed)
        else:
            event = QInputMethodEvent()
            event.setCommitString(typed)
            QApplication.sendEvent(edit, event)
    assert edit.text() == text


def submit(qtbot: Any, dialog: UserDialog) -> None:
    assert dialog.ok_button.isEnabled(), {n: dialog.error_text(n) for n in dialog.error_labels}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_the_table_shows_each_user_with_role_state_and_password_here(
    qtbot: Any, store: Store, admin: Actor, idle: Any
) -> None:
    gone = users.add_user(store, admin, username="lisi", display_name="李四", role="assistant",
                          password=PASSWORD_TEXT)  # fmt: skip
    users.set_active(store, admin, gone.user_id, False)
    store.repo(AppUser).add({"username": "chen", "display_name": "陈芳", "role": "clerk"})  # from the office
    view = open_view(qtbot, store, admin)
    idle()
    assert [view.table.horizontalHeaderItem(c).text() for c in range(5)] == [  # type: ignore[union-attr]
        "用户名", "姓名", "角色", "状态", "本机密码",
    ]  # fmt: skip
    assert cells(view, USERNAME) == ["wang", "admin", "lisi", "chen"]
    assert cells(view, NAME) == ["王检察官", "刘管理员", "李四", "陈芳"]
    assert cells(view, ROLE) == ["检察官", "管理员", "检察官助理", "书记员"]
    assert cells(view, STATE) == ["在用", "在用", "停用", "在用"]
    assert cells(view, PASSWORD) == ["有", "无", "有", "无"]
    assert view.count_label.text() == "共 4 人，在用 3 人"
    assert view.table.item(3, ROLE).toolTip() == role_summary("clerk")  # type: ignore[union-attr]
    # What each role may do, as the services' policy says.
    assert {k: v.text() for k, v in view.role_lines.items()} == {
        r.value: role_summary(r.value) for r in ROLES
    }
    assert view.role_lines["admin"].text() == "可以修改检察室设置、管理用户；不能录入或修改记录、签发文书"

    view.select_user("chen")
    assert view.password_button.text() == "设置本机密码…"
    view.select_user("lisi")
    assert view.active_button.text() == "启用…" and view.password_button.text() == "重设密码…"
    view.select_user("admin")  # oneself
    assert not view.active_button.isEnabled() and "不能停用自己" in view.active_button.toolTip()
    assert view.edit_button.isEnabled() and view.password_button.isEnabled()


def test_a_new_user_is_checked_as_typed_then_added_and_can_sign_in(
    qtbot: Any, store: Store, admin: Actor, idle: Any
) -> None:
    view = open_view(qtbot, store, admin)
    dialog = view.new_user()
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_text("username") == ""  # nothing said about what has not been typed yet

    type_into(qtbot, dialog, "username", "张三")
    assert dialog.error_text("username") == "用户名只能由英文字母、数字和 . _ - 组成，并以字母开头"
    type_into(qtbot, dialog, "username", "z")
    assert dialog.error_text("username") == "用户名须为2至32个字符"
    type_into(qtbot, dialog, "username", "zhangsan")
    assert dialog.error_text("username") == ""
    type_into(qtbot, dialog, "display_name", "张三")
    role = dialog.inputs["role"]
    role.setCurrentIndex(role.findData("clerk"))  # type: ignore[attr-defined]
    summary = dialog.findChild(type(dialog.heading), "roleSummary")
    assert summary is not None and summary.text() == role_summary("clerk")
    type_into(qtbot, dialog, "password", "short")
    assert dialog.error_text("password") == "密码至少需要8个字符"
    type_into(qtbot, dialog, "password", PASSWORD_TEXT)
    type_into(qtbot, dialog, "confirm", PASSWORD_TEXT + "x")
    assert dialog.error_text("confirm") == "两次输入的密码不一致"
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "confirm", PASSWORD_TEXT)
    submit(qtbot, dialog)

    qtbot.waitUntil(lambda: "zhangsan" in cells(view, USERNAME), timeout=10_000)
    idle()
    assert dialog.saved is not None and dialog.saved.role == "clerk"
    assert view.selected_user() is not None and view.selected_user().username == "zhangsan"  # type: ignore[union-attr]
    assert view.result.text() == "已新增用户 张三（zhangsan），可以在本机登录"
    assert auth.sign_in(store, "zhangsan", PASSWORD_TEXT).role == "clerk"


def test_a_name_already_taken_is_said_under_the_user_name_and_the_dialog_stays(
    qtbot: Any, store: Store, admin: Actor, idle: Any
) -> None:
    view = open_view(qtbot, store, admin)
    dialog = view.new_user()
    type_into(qtbot, dialog, "username", "Wang")  # wang exists: letter case does not make it another
    type_into(qtbot, dialog, "display_name", "另一个王")
    type_into(qtbot, dialog, "password", PASSWORD_TEXT)
    type_into(qtbot, dialog, "confirm", PASSWORD_TEXT)
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_text("username") != "", timeout=10_000)
    idle()
    assert dialog.error_text("username") == "用户名“wang”已被使用（含已停用的用户），请换一个"
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "username", "wang2")  # typing again clears the refusal
    assert dialog.error_text("username") == "" and dialog.ok_button.isEnabled()
    assert store.repo(AppUser).count() == 2
    dialog.reject()


def test_reset_password_sets_a_new_one_here(qtbot: Any, store: Store, admin: Actor, idle: Any) -> None:
    view = open_view(qtbot, store, admin)
    view.select_user("wang")
    dialog = view.reset_password()
    assert dialog is not None and dialog.windowTitle() == "重设密码"
    type_into(qtbot, dialog, "password", "New-password-1")
    type_into(qtbot, dialog, "confirm", "New-password-1")
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: view.result.text() != "", timeout=10_000)
    idle()
    assert view.result.text() == "已设置 王检察官（wang）在本机的新密码"
    assert auth.sign_in(store, "wang", "New-password-1").display_name == "王检察官"
    # A user with no password here gets a first one the same way.
    view.select_user("admin")
    first = view.reset_password()
    assert first is not None and first.windowTitle() == "设置本机密码"
    first.reject()


def test_name_and_role_change_in_the_edit_dialog(qtbot: Any, store: Store, admin: Actor, idle: Any) -> None:
    users.add_user(
        store, admin, username="zhangsan", display_name="张三", role="clerk", password=PASSWORD_TEXT
    )
    view = open_view(qtbot, store, admin)
    view.select_user("zhangsan")
    dialog = view.edit_user()
    assert dialog is not None
    type_into(qtbot, dialog, "display_name", "")
    assert dialog.error_text("display_name") == "请填写姓名" and not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "display_name", "张助理")
    role = dialog.inputs["role"]
    role.setCurrentIndex(role.findData("assistant"))  # type: ignore[attr-defined]
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: "张助理" in cells(view, NAME), timeout=10_000)
    idle()
    row = cells(view, USERNAME).index("zhangsan")
    assert cells(view, ROLE)[row] == "检察官助理"
    assert store.repo(AppUser).require(dialog.user.user_id).role == "assistant"  # type: ignore[attr-defined]
    # One's own role cannot be changed here (the service refuses it too).
    view.select_user("admin")
    own = view.edit_user()
    assert own is not None and not own.inputs["role"].isEnabled()
    own.reject()


def test_deactivate_and_reactivate(qtbot: Any, store: Store, admin: Actor, idle: Any) -> None:
    added = users.add_user(store, admin, username="zhangsan", display_name="张三", role="clerk",
                           password=PASSWORD_TEXT)  # fmt: skip
    view = open_view(qtbot, store, admin)
    view.select_user("zhangsan")
    assert view.active_button.text() == "停用…"
    dialog = view.toggle_active()
    assert dialog is not None and dialog.heading.text() == "停用 张三（zhangsan）？"
    assert "记录照旧保留" in dialog.note.text()
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: "停用" in cells(view, STATE), timeout=10_000)
    idle()
    assert view.active_button.text() == "启用…"
    assert (
        view.table.item(cells(view, USERNAME).index("zhangsan"), NAME).foreground().color().name()
        == "#8a94a3"
    )  # type: ignore[union-attr]
    with pytest.raises(auth.SignInError, match="已停用"):
        auth.sign_in(store, "zhangsan", PASSWORD_TEXT)

    again = view.toggle_active()
    assert again is not None
    submit(qtbot, again)
    qtbot.waitUntil(lambda: "停用" not in cells(view, STATE), timeout=10_000)
    idle()
    assert auth.sign_in(store, "zhangsan", PASSWORD_TEXT).user_id == added.user_id


def test_the_last_administrator_refusal_is_shown_in_the_dialog(
    qtbot: Any, store: Store, admin: Actor, idle: Any
) -> None:
    other = _admin(store, "admin2", "赵管理员")
    view = open_view(qtbot, store, other)
    assert other.user_id is not None
    users.set_active(store, admin, other.user_id, False)  # meanwhile, elsewhere: admin is the last one
    view.select_user("admin")
    dialog = view.toggle_active()
    assert dialog is not None
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusal() != "", timeout=10_000)
    idle()
    assert dialog.refusal() == "刘管理员是唯一在用的管理员，不能停用：请先添加或启用另一名管理员"
    assert dialog.isVisible()
    dialog.reject()


def test_a_role_that_may_not_manage_users_gets_no_buttons(qtbot: Any, store: Store, idle: Any) -> None:
    view = UsersView(store, actor=actor_for(store))  # a procurator (the window never shows it to them)
    qtbot.addWidget(view)
    for button in (view.new_button, view.password_button, view.edit_button, view.active_button):
        assert not button.isEnabled()
