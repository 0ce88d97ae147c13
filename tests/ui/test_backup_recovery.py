"""Issue #11, items 9 and 13 in the desktop app: a start-up without the database key in the keyring
offers its recovery code; 设置 → 备份与恢复 backs up, restores (the app starts again from the sign-in
window) and keeps the daily copies' number, checked."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from inspector.security.memory_keyring import MemoryKeyring
from inspector.services import records
from inspector.services.backups import BackupSummary
from inspector.services.policy import actor_for
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import AuditLog, Detainee
from inspector.store.store import Store
from tests.ui.conftest import STATION, USER, Seeder
from ui.app import Desktop
from ui.views.backup_section import RestoreConfirmDialog
from ui.views.settings_view import SettingsView

PASSWORD = USER.password


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def keyring_store(data_dir: Path, memory_keyring: MemoryKeyring) -> Store:
    """A database whose key is in the (in-memory) OS keyring, as on a laptop with a keyring."""
    return initialise(data_dir, STATION, USER, device_name="test-laptop")


def _type(widget: Any, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def _sign_in(qtbot: Any, desktop: Desktop) -> None:
    sign_in = desktop.sign_in_window
    assert sign_in is not None
    qtbot.waitUntil(lambda: sign_in.is_ready, timeout=20_000)
    _type(sign_in.password_edit, PASSWORD)
    QTest.keyClick(sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window is not None, timeout=20_000)


# ---- start-up without the key -----------------------------------------------------------------------


def test_start_up_without_the_key_offers_the_recovery_code(
    qtbot: Any, keyring_store: Store, memory_keyring: MemoryKeyring, settings: QSettings, idle: Any
) -> None:
    data_dir = keyring_store.data_dir
    code = keyring_store.make_recovery_code()
    assert code is not None
    keyring_store.close()
    [key_hex] = memory_keyring.entries.values()
    memory_keyring.entries.clear()  # the keyring entry is lost (a new user account, a reinstall)

    desktop = Desktop(data_dir, settings=settings)
    try:
        desktop.start()
        qtbot.waitUntil(lambda: desktop.recovery_dialog is not None, timeout=20_000)
        dialog = desktop.recovery_dialog
        assert dialog is not None and dialog.isVisible()
        assert "系统密钥环中没有该数据库的密钥" in dialog.reason_label.text()

        _type(dialog.code_edit, "AAAA" + code[4:])  # one group wrong
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error_text()), timeout=20_000)
        assert dialog.error_text() == "恢复码不正确，请核对后重新输入"
        assert dialog.isVisible() and memory_keyring.entries == {} and desktop.window is None

        dialog.code_edit.clear()
        _type(dialog.code_edit, code.lower().replace("-", " "))  # as a person may type it
        QTest.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: desktop.recovery_dialog is None, timeout=20_000)
        assert list(memory_keyring.entries.values()) == [key_hex]  # the key is back in the keyring

        sign_in = desktop.sign_in_window  # and the app goes on to sign-in, the database open
        assert sign_in is not None
        qtbot.waitUntil(lambda: sign_in.is_ready, timeout=20_000)
        assert sign_in.station_label.text() == STATION["name"]
        _sign_in(qtbot, desktop)
        assert desktop.window is not None
        qtbot.addWidget(desktop.window)
    finally:
        desktop.close()
    idle()


def test_cancelling_the_recovery_says_why_the_database_cannot_open(
    qtbot: Any, keyring_store: Store, memory_keyring: MemoryKeyring, settings: QSettings, idle: Any
) -> None:
    data_dir = keyring_store.data_dir
    keyring_store.make_recovery_code()
    keyring_store.close()
    memory_keyring.entries.clear()
    desktop = Desktop(data_dir, settings=settings)
    try:
        desktop.start()
        qtbot.waitUntil(lambda: desktop.recovery_dialog is not None, timeout=20_000)
        dialog = desktop.recovery_dialog
        assert dialog is not None
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        sign_in = desktop.sign_in_window
        assert sign_in is not None and desktop.recovery_dialog is None
        assert sign_in.station_label.text() == "无法打开数据库"
        assert "系统密钥环中没有该数据库的密钥" in sign_in.message.text()
        assert not sign_in.sign_in_button.isEnabled()
    finally:
        desktop.close()
    idle()


# ---- 设置 → 备份与恢复 ------------------------------------------------------------------------------


def test_backup_then_restore_from_the_settings_page_brings_back_a_deleted_record(
    qtbot: Any, keyring_store: Store, settings: QSettings, tmp_path: Path, idle: Any
) -> None:
    _round_trip(qtbot, keyring_store, settings, tmp_path)
    idle()


def test_the_round_trip_with_a_passphrase_key(
    qtbot: Any, store: Store, settings: QSettings, tmp_path: Path, idle: Any
) -> None:
    """A laptop without a keyring (the key from INSPECTOR_PASSPHRASE): the same round trip."""
    _round_trip(qtbot, store, settings, tmp_path)
    idle()


def _round_trip(qtbot: Any, store: Store, settings: QSettings, tmp_path: Path) -> None:
    seed = Seeder(store)
    seed.detainee(1, name="甲某")
    gone = seed.detainee(2, name="乙某")
    data_dir = store.data_dir
    store.sign_in_as(None)
    desktop = Desktop(data_dir, store=store, settings=settings)
    try:
        desktop.start()
        _sign_in(qtbot, desktop)
        window = desktop.window
        assert window is not None and window.settings_page is not None  # closed by the restore
        window.show_page(window.pages.index(window.settings_page))
        section = window.settings_page.backup_section
        assert section.isVisible()
        qtbot.waitUntil(lambda: section.status is not None, timeout=20_000)

        offered: list[str] = []
        out_dir = tmp_path / "usb"
        out_dir.mkdir()

        def save_to(_parent: Any, name: str) -> Path:
            offered.append(name)
            return out_dir / name

        section.ask_save_path = save_to
        qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not section.busy and "已备份" in section.result_text(), timeout=30_000)
        assert offered == [f"inspector-backup-{STATION['code']}-{date.today():%Y%m%d}.zip"]
        saved = out_dir / offered[0]
        assert saved.is_file() and str(saved) in section.result_text() and "KB" in section.result_text()
        if os.name == "posix":
            assert stat.S_IMODE(saved.stat().st_mode) == 0o600  # owner-only

        records.delete(store, "detainee", gone.id, window.actor)  # after the backup: a deleted record
        with store.session(read_only=True) as s:
            assert s.scalars(select(Detainee.name).where(Detainee.deleted_at.is_(None))).all() == ["甲某"]

        shown: list[tuple[BackupSummary, int]] = []

        def confirm(_parent: Any, summary: BackupSummary, pending: int) -> bool:
            shown.append((summary, pending))
            return True

        section.ask_open_path = lambda _parent, _name: saved
        section.confirm_restore = confirm
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desktop.restore_dialog is not None, timeout=20_000)
        progress = desktop.restore_dialog
        assert progress is not None
        qtbot.waitUntil(lambda: not progress.busy, timeout=30_000)
        [(summary, pending)] = shown
        assert summary.station_name == STATION["name"] and summary.station_code == STATION["code"]
        assert summary.same_database and summary.created_at is not None and summary.schema_revision
        assert pending > 0  # the delete (and the records before it) are not synced: the user agreed
        assert progress.title_label.text() == "恢复完成", progress.text.text()
        assert desktop.window is None and desktop.store is None  # the old store is closed
        kept = list((data_dir / "backups").glob("replaced-*/inspector.db"))
        assert len(kept) == 1  # the database it replaced is kept aside
        assert str(kept[0].parent) in progress.text.text()

        qtbot.mouseClick(progress.continue_button, Qt.MouseButton.LeftButton)
        assert desktop.restore_dialog is None
        _sign_in(qtbot, desktop)  # the app starts again from the sign-in window
        assert desktop.window is not None and desktop.store is not None
        qtbot.addWidget(desktop.window)
        restored = desktop.store
        with restored.session(read_only=True) as s:
            names = s.scalars(select(Detainee.name).where(Detainee.deleted_at.is_(None))).all()
            actions = s.scalars(select(AuditLog.action)).all()
        assert sorted(names) == ["乙某", "甲某"]  # the deleted record is back
        assert "backup_restored" in actions
    finally:
        desktop.close()


def test_keep_daily_is_checked_and_names_the_field(
    qtbot: Any, keyring_store: Store, idle: Any, sync_runner: Any
) -> None:
    store = keyring_store
    actor = actor_for(store)
    view = SettingsView(store, actor=actor, runner=sync_runner)
    qtbot.addWidget(view)
    view.show()
    view.activate()
    section = view.backup_section
    assert section.keep_edit.text() == "7"  # the default, as `inspector backup --keep-daily` has it
    assert "还没有每日备份" in section.last_daily_label.text()
    for typed in ("0", "366", "abc", ""):
        section.keep_edit.clear()
        _type(section.keep_edit, typed)
        section.save_keep()
        assert "每日自动备份保留份数" in section.keep_error_text(), typed
        assert "1 至 365" in section.keep_error_text()
        assert store.keep_daily() == 7
    section.keep_edit.clear()
    _type(section.keep_edit, "3")
    assert section.keep_save.isEnabled()
    qtbot.mouseClick(section.keep_save, Qt.MouseButton.LeftButton)
    assert section.keep_error_text() == "" and "3" in section.result_text()
    assert store.keep_daily() == 3 and section.keep_edit.text() == "3"

    store.daily_backup()  # the day's copy (made when the store is opened): its date is shown
    section.refresh()
    assert section.last_daily_label.text() == f"最近一次每日备份：{date.today().isoformat()}"
    store.close()
    idle()


def test_the_section_is_only_for_roles_that_change_settings(
    qtbot: Any, keyring_store: Store, sync_runner: Any
) -> None:
    store = keyring_store
    clerk = FirstUser("li", "李书记员", "Password-456", "clerk")
    from inspector.security.passwords import hash_password
    from inspector.store.models import AppUser, LocalCredential

    user = store.repo(AppUser).add({"username": clerk.username, "display_name": clerk.display_name,
                                    "role": clerk.role})  # fmt: skip
    with store.session() as s:
        s.add(LocalCredential(user_id=user.id, password_hash=hash_password(clerk.password)))
    view = SettingsView(store, actor=actor_for(store, user.id), runner=sync_runner)
    qtbot.addWidget(view)
    view.show()
    view.activate()
    assert not view.backup_section.isVisible()
    store.close()


def test_the_confirmation_needs_both_ticks_when_changes_are_unsynced(qtbot: Any, tmp_path: Path) -> None:
    summary = BackupSummary(
        path=tmp_path / "b.zip",
        created_at=None,
        schema_revision="0042",
        app_version="1.0",
        station_code="UT01",
        station_name=STATION["name"],
        same_database=True,
        key_source="keyring",
        size=2048,
    )
    dialog = RestoreConfirmDialog(summary, 5)
    qtbot.addWidget(dialog)
    assert dialog.fact_labels["station"].text() == f"{STATION['name']}（UT01）"
    assert "0042" in dialog.fact_labels["revision"].text()
    assert not dialog.restore_button.isEnabled()
    dialog.replace_box.setChecked(True)
    assert not dialog.restore_button.isEnabled()  # the 5 unsynced changes are not yet agreed to
    assert dialog.pending_box is not None and "5 项" in dialog.pending_box.text()
    dialog.pending_box.setChecked(True)
    assert dialog.restore_button.isEnabled()
    nothing_pending = RestoreConfirmDialog(summary, 0)
    qtbot.addWidget(nothing_pending)
    assert nothing_pending.pending_box is None
    nothing_pending.replace_box.setChecked(True)
    assert nothing_pending.restore_button.isEnabled()
