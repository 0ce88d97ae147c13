"""Signing in before any record shows; the idle lock and Ctrl+L; switching user — driven by the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from inspector.security.passwords import hash_password
from inspector.store.models import AppUser, AuditLog, LocalCredential
from inspector.store.store import Store
from ui.app import Desktop
from ui.forms import RecordForm
from ui.main_window import MainWindow
from ui.sign_in import LAST_USER_KEY, SignInWindow

PASSWORD = "Password-123"  # the conftest store's first user, wang


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _actions(store: Store) -> list[str]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog.action).order_by(AuditLog.seq)))


def _add_assistant(store: Store) -> None:
    user = store.repo(AppUser).add({"username": "li", "display_name": "李书记员", "role": "assistant"})
    with store.session() as s:
        s.add(LocalCredential(user_id=user.id, password_hash=hash_password("Assistant-1")))


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def test_the_app_opens_on_sign_in_and_shows_records_only_after_the_password(
    qtbot: Any, store: Store, seed: Any, settings: QSettings, idle: Any
) -> None:
    seed.patrol()
    store.sign_in_as(None)
    desktop = Desktop(store.data_dir, store=store, settings=settings)
    desktop.start()
    sign_in = desktop.sign_in_window
    assert sign_in is not None and desktop.window is None
    qtbot.waitUntil(lambda: sign_in.is_ready)
    assert sign_in.station_label.text() == "测试区看守所检察室"
    assert sign_in.user_combo.currentText() == "王检察官（wang）"

    _type(qtbot, sign_in.password_edit, "wrong-one")
    QTest.keyClick(sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "密码不正确" in sign_in.message.text())
    assert desktop.window is None and sign_in.password_edit.text() == ""
    assert "再错 4 次" in sign_in.message.text()

    _type(qtbot, sign_in.password_edit, PASSWORD)
    QTest.keyClick(sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window is not None)
    window = desktop.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.identity.user_name == "王检察官"
    assert store.actor.user_id == window.actor.user_id
    assert settings.value(LAST_USER_KEY) == "wang"
    assert _actions(store)[-2:] == ["sign_in_failed", "sign_in"]
    window.close()
    idle()


def test_five_wrong_passwords_lock_the_user_out(
    qtbot: Any, store: Store, settings: QSettings, idle: Any
) -> None:
    store.sign_in_as(None)
    window = SignInWindow(store.data_dir, store=store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    for _ in range(5):
        _type(qtbot, window.password_edit, "wrong")
        QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.is_ready)
    assert "已锁定" in window.message.text()
    assert "lockout" in _actions(store)
    _type(qtbot, window.password_edit, PASSWORD)
    QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.is_ready)
    assert "已锁定" in window.message.text()  # the right password waits for the lockout to end
    idle()


def test_a_passphrase_database_asks_its_passphrase_on_the_same_window(
    qtbot: Any, store: Store, passphrase: str, settings: QSettings, monkeypatch: pytest.MonkeyPatch, idle: Any
) -> None:
    data_dir = store.data_dir
    store.close()
    monkeypatch.delenv("INSPECTOR_PASSPHRASE")
    settings.setValue(LAST_USER_KEY, "wang")
    desktop = Desktop(data_dir, settings=settings)
    desktop.start()
    window = desktop.sign_in_window
    assert window is not None and window.passphrase_edit.isVisible()
    assert window.user_combo.currentText() == "wang"  # remembered; the list comes once the database opens

    _type(qtbot, window.passphrase_edit, "not-the-passphrase")
    _type(qtbot, window.password_edit, PASSWORD)
    QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.is_ready)
    assert "数据库口令不正确" in window.message.text()
    assert window.passphrase_edit.hasFocus() or window.focusWidget() is window.passphrase_edit

    _type(qtbot, window.passphrase_edit, passphrase)
    _type(qtbot, window.password_edit, PASSWORD)
    QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window is not None)
    assert desktop.window is not None
    qtbot.addWidget(desktop.window)
    desktop.close()
    idle()


def test_ctrl_l_locks_keeps_the_draft_and_the_same_password_unlocks(
    qtbot: Any, store: Store, seed: Any, idle: Any
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.new_record("patrol")
    form = window.last_form
    assert isinstance(form, RecordForm)
    qtbot.waitUntil(lambda: form.is_loaded)
    kept: list[bool] = []
    original = form.keep_draft_now

    def keep() -> None:
        kept.append(True)
        original()

    form.keep_draft_now = keep  # type: ignore[method-assign]

    QTest.keyClick(form, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and kept
    assert not form.isVisible()  # the open form is hidden with the records
    assert not window.stack.isVisible() and window.lock_screen.isVisible()
    assert not window.statusBar().isVisible()

    _type(qtbot, window.lock_screen.password_edit, "wrong")
    QTest.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "密码不正确" in window.lock_screen.message.text())
    assert window.is_locked

    _type(qtbot, window.lock_screen.password_edit, PASSWORD)
    QTest.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked)
    assert form.isVisible() and window.stack.isVisible()
    actions = _actions(store)
    assert actions[actions.index("lock") :] == ["lock", "unlock_failed", "unlock"], actions
    form.close()
    window.close()
    idle()


def test_idle_time_locks_the_window(qtbot: Any, store: Store, idle: Any) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.idle.active)
    assert window.idle.interval_ms == 10 * 60_000  # the station's default
    window.idle.idle.emit()  # what the timer does after 10 quiet minutes
    assert window.is_locked
    window.close()
    idle()


def test_switch_user_signs_out_and_the_other_user_signs_in(
    qtbot: Any, store: Store, settings: QSettings, idle: Any
) -> None:
    _add_assistant(store)
    desktop = Desktop(store.data_dir, store=store, settings=settings)
    desktop.start()  # the store is signed in already (as after the setup form)
    first = desktop.window
    assert first is not None and first.identity.user_name == "王检察官"
    first.switch_user_button.click()
    sign_in = desktop.sign_in_window
    assert sign_in is not None and desktop.window is None
    qtbot.waitUntil(lambda: sign_in.is_ready)
    sign_in.user_combo.setCurrentIndex(sign_in.user_combo.findData("li"))
    _type(qtbot, sign_in.password_edit, "Assistant-1")
    QTest.keyClick(sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window is not None)
    second = desktop.window
    assert second is not None
    qtbot.addWidget(second)
    assert second.identity.user_name == "李书记员" and second.actor.role == "assistant"
    assert "sign_out" in _actions(store)
    second.close()
    idle()


def test_enter_while_the_database_opens_signs_in_once_it_is_open(
    qtbot: Any, store: Store, settings: QSettings, deferred: Any, idle: Any
) -> None:
    """A fast typist presses Enter before the background preparation is done: it is not lost."""
    data_dir = store.data_dir
    store.close()
    window = SignInWindow(data_dir, settings=settings, runner=deferred)
    qtbot.addWidget(window)
    window.show()
    assert not window.is_ready and len(deferred.jobs) == 1  # the database is being opened
    _type(qtbot, window.password_edit, PASSWORD)
    QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
    assert "打开后即登录" in window.message.text()
    signed: list[Any] = []
    window.signedIn.connect(lambda st, actor: signed.append(actor))
    deferred.run()  # the database is open: the password is checked straight away
    deferred.run()
    assert signed and signed[0].display_name == "王检察官"
    assert window.store is not None
    window.store.close()
    idle()


def test_the_dashboard_read_while_typing_shows_at_once_after_sign_in(
    qtbot: Any, store: Store, seed: Any, settings: QSettings, idle: Any
) -> None:
    seed.patrol()
    data_dir = store.data_dir
    store.close()
    desktop = Desktop(data_dir, settings=settings)
    desktop.start()
    sign_in = desktop.sign_in_window
    assert sign_in is not None
    qtbot.waitUntil(lambda: sign_in.is_ready)
    ahead = sign_in.fresh_dashboard()
    assert ahead is not None and ahead.counts.patrols_this_week == 1
    _type(qtbot, sign_in.password_edit, PASSWORD)
    QTest.keyClick(sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window is not None)
    window = desktop.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.dashboard.data is ahead  # shown as read, not read a second time
    assert not window.dashboard.is_loading
    desktop.close()
    idle()


def test_demo_data_shows_its_password_only_when_it_is_the_documented_one(
    qtbot: Any, store: Store, settings: QSettings
) -> None:
    from inspector.services.status import DEMO_META_KEY, DEMO_PASSWORD, DEMO_PASSWORD_META_KEY

    store.set_meta(DEMO_META_KEY, True)
    store.sign_in_as(None)
    other = SignInWindow(store.data_dir, store=store, settings=settings)
    qtbot.addWidget(other)
    assert other.demo_hint.isHidden()  # demo data made with another password: no false hint

    store.set_meta(DEMO_PASSWORD_META_KEY, True)
    documented = SignInWindow(store.data_dir, store=store, settings=settings)
    qtbot.addWidget(documented)
    assert not documented.demo_hint.isHidden() and DEMO_PASSWORD in documented.demo_hint.text()
