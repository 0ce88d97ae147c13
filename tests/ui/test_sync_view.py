"""同步 page: the real sync code (``inspector.sync.run.sync_now``) run from the page — against an
unreachable office, without a device password, not enrolled, cancelled — and conflicts resolved in
the dialog. With INSPECTOR_TEST_PG_URL also a real office: a sync with progress, "upgrade required",
and a real conflict between two laptops."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from inspector.security.memory_keyring import MemoryKeyring
from inspector.store.models import Detainee, SyncOutbox
from inspector.store.models.sync import SyncConflict
from inspector.store.store import Store
from inspector.sync import conflicts as sync_conflicts
from inspector.sync import local, schema
from inspector.sync.connection import OfficeTarget, save_password
from inspector.sync.errors import AuthFailedError, NotEnrolledError, OfficeUnreachableError
from tests.sync import conftest as office_fixtures
from ui import errors
from ui.main_window import SYNC, MainWindow
from ui.sync_controller import AUTO_SYNC_KEY, SyncCancelled, SyncController, error_message
from ui.views.conflict_dialog import MINE, THEIRS, ConflictDialog
from ui.views.sync_view import SyncView

UNREACHABLE = "postgresql://127.0.0.1:1/x"
OFFLINE_TEXT = "无法连接办公室数据库：网络不可达。数据已安全保存在本机，联网后将自动同步。"


@pytest.fixture
def device_keyring(store: Store) -> Iterator[MemoryKeyring]:
    """The store is open (its key came from the passphrase); the device password needs a keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def enroll_to(store: Store, url: str, *, password: str | None = "device-password") -> OfficeTarget:
    """What ``inspector enroll`` leaves in the local database (the office is never asked here)."""
    target = OfficeTarget.parse(url, "dev_ui_test")
    store.set_meta(local.OFFICE_KEY, target.describe())
    if password is not None:
        save_password(target, password)
    return target


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot: Any, store: Store, idle: Any) -> Iterator[MainWindow]:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.show_page(SYNC)
    page = w.pages[SYNC]
    qtbot.waitUntil(lambda: page.data is not None)
    yield w
    idle()


def sync_page(window: MainWindow) -> SyncView:
    page = window.pages[SYNC]
    assert isinstance(page, SyncView)
    return page


def run_sync(qtbot: Any, window: MainWindow) -> Any:
    page = sync_page(window)
    before = window.sync.last
    page.sync_button.click()
    qtbot.waitUntil(lambda: window.sync.last is not before, timeout=30_000)
    return window.sync.last


# ---- without an office ----------------------------------------------------------------------------------


def test_not_enrolled_says_how_to_enroll(qtbot: Any, store: Store, window: MainWindow, idle: Any) -> None:
    page = sync_page(window)
    idle()
    assert page.data is not None and not page.data.enrolled
    assert page.enroll_panel.isVisible() and not page.sync_panel.isVisible()
    assert "inspector enroll" in page.findChild(type(page.office_label), "enrollCommand").text()
    assert not page.sync_button.isEnabled() and page.connection_card.value_text() == "未注册"
    assert not page.enroll_button.isEnabled()  # nothing typed yet
    page.enroll_url.setText("host=10.0.0.1 dbname=x")
    page.enroll_device.setText("dev_x")
    page.enroll_secret.setText("s")
    assert page.enroll_button.isEnabled()

    window.sync.start()  # the real sync: refuses before connecting
    qtbot.waitUntil(lambda: window.sync.last is not None)
    idle()
    assert isinstance(window.sync.last.error, NotEnrolledError)
    assert "尚未在办公室数据库注册" in page.result_label.text()


def test_unreachable_office_says_the_data_is_safe(
    qtbot: Any, store: Store, device_keyring: MemoryKeyring, dialogs: list[str], idle: Any
) -> None:
    enroll_to(store, UNREACHABLE)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.show_page(SYNC)
    page = sync_page(w)
    qtbot.waitUntil(lambda: page.data is not None and page.sync_button.isEnabled())
    assert page.sync_panel.isVisible() and not page.enroll_panel.isVisible()
    assert "127.0.0.1:1/x" in page.office_label.text()
    page.sync_button.click()
    assert w.sync.running and page.progress.isVisible() and page.cancel_button.isVisible()
    assert not page.sync_button.isEnabled()
    qtbot.waitUntil(lambda: w.sync.last is not None, timeout=30_000)
    idle()
    outcome = w.sync.last
    assert isinstance(outcome.error, OfficeUnreachableError) and outcome.online is False
    assert OFFLINE_TEXT in page.result_label.text()
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    assert dialogs == []  # being offline is not an error dialog
    assert "● 离线" in w.status_text()
    assert page.connection_card.value_text() == "离线"


def test_missing_device_password_is_a_login_problem(
    qtbot: Any, store: Store, device_keyring: MemoryKeyring, window: MainWindow, dialogs: list[str], idle: Any
) -> None:
    enroll_to(store, UNREACHABLE, password=None)  # enrolled, but the keyring lost the password
    sync_page(window).refresh()
    qtbot.waitUntil(lambda: sync_page(window).sync_button.isEnabled())
    outcome = run_sync(qtbot, window)
    idle()
    assert isinstance(outcome.error, AuthFailedError)
    text = sync_page(window).result_label.text()
    assert "拒绝了本机的登录" in text and "数据已安全保存在本机" in text and "inspector enroll" in text
    assert dialogs == []


def test_error_messages_for_each_kind() -> None:
    from inspector.sync.errors import OfficeChangedError, UpgradeRequiredError

    assert error_message(OfficeUnreachableError("connection refused")) == OFFLINE_TEXT
    assert "拒绝了本机的登录" in error_message(AuthFailedError("password authentication failed"))
    older = error_message(UpgradeRequiredError(1, 2))
    assert older.startswith("版本不一致") and "需要升级本机程序" in older and "保留在本机" in older
    assert "需要升级服务器" in error_message(UpgradeRequiredError(3, 2))
    assert "备份恢复" in error_message(OfficeChangedError("a", "b"))
    assert "注册" in error_message(NotEnrolledError())
    assert error_message(SyncCancelled()).startswith("已取消同步")
    assert "程序遇到意外错误" in error_message(RuntimeError("bug"))


def test_cancel_stops_at_the_next_safe_point(
    store: Store, device_keyring: MemoryKeyring, deferred: Any, qtbot: Any
) -> None:
    enroll_to(store, UNREACHABLE)
    controller = SyncController(store, runner=deferred)
    seen: list[Any] = []
    controller.finished.connect(seen.append)
    assert controller.start() and not controller.start()  # one sync at a time
    controller.cancel()
    deferred.run()  # the real sync_now: its first progress call raises, before connecting
    [outcome] = seen
    assert outcome.cancelled and isinstance(outcome.error, SyncCancelled)
    assert outcome.message.startswith("已取消同步") and outcome.online is None
    assert not controller.running


def test_auto_sync_setting_is_kept_in_the_database(
    qtbot: Any, store: Store, device_keyring: MemoryKeyring, sync_runner: Any
) -> None:
    enroll_to(store, UNREACHABLE)
    view = SyncView(store, runner=sync_runner)
    qtbot.addWidget(view)
    view.refresh()
    assert view.auto_box.isEnabled() and not view.auto_box.isChecked()
    view.auto_box.setChecked(True)
    assert store.meta(AUTO_SYNC_KEY) is True and view.controller.timer.isActive()
    again = SyncController(store, runner=sync_runner)
    again.load_settings()
    assert again.auto_sync and again.timer.isActive()
    view.auto_box.setChecked(False)
    assert store.meta(AUTO_SYNC_KEY) is False and not view.controller.timer.isActive()


# ---- conflicts through the local conflict table -------------------------------------------------------


def local_conflict(store: Store, record_id: uuid.UUID, **theirs_changes: Any) -> uuid.UUID:
    """A pulled row that met a pending local edit, as the core records it (origin pull)."""
    with store.session() as s:
        mine = schema.encode_row(local.rows_by_id(s, "detainee", [record_id])[record_id])
        conflict = SyncConflict(
            table_name="detainee",
            row_id=record_id,
            origin="pull",
            kind="conflict",
            base_version=None,
            theirs_version=2,
            mine=mine,
            theirs={**mine, **theirs_changes},
        )
        s.add(conflict)
        s.flush()
        return conflict.id


def outbox_for(store: Store, record_id: uuid.UUID) -> int:
    with store.session() as s:
        q = select(func.count()).select_from(SyncOutbox).where(SyncOutbox.row_id == record_id)
        return int(s.scalar(q) or 0)


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_conflict_dialog_shows_both_sides_and_resolves(
    qtbot: Any, store: Store, seed: Any, window: MainWindow, side: str, idle: Any
) -> None:
    person = seed.detainee(1, cell="101", block="一监区")
    conflict_id = local_conflict(store, person.id, cell="305", block="三监区")
    page = sync_page(window)
    page.refresh()
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1)
    window.refresh_status()
    qtbot.waitUntil(lambda: window.nav_badge(SYNC) == 1)
    assert page.conflicts_card.value_text() == "1"
    index = page.conflict_model.index(0, 3)
    assert page.conflict_model.data(page.conflict_model.index(0, 0)) == "在押人员"
    assert page.conflict_model.data(page.conflict_model.index(0, 1)) == person.name
    assert set(page.conflict_model.data(index).split("、")) == {"监室", "监区"}

    dialog = page.open_selected_conflict()
    assert isinstance(dialog, ConflictDialog)
    changed = [r for r in dialog.rows if r.changed]
    assert {r.name for r in changed} == {"cell", "block"} and dialog.rows[0].changed  # changed first
    cell = next(r for r in dialog.rows if r.name == "cell")
    assert (cell.label, cell.mine, cell.theirs) == ("监室", "101", "305")
    gender = next(r for r in dialog.rows if r.name == "gender")
    assert not gender.changed and gender.mine in ("男", "女")  # choice labels, not codes
    assert set(dialog.choices) == {"cell", "block"}
    assert dialog.chosen() == {}  # the office's values unless chosen otherwise
    if side == "mine":
        dialog.choose("cell", MINE)
        assert dialog.chosen() == {"cell": "101"}
    else:
        dialog.choose_all(THEIRS)
    with qtbot.waitSignal(dialog.resolved, timeout=10_000) as resolved:
        dialog.save_button.click()
    idle()
    assert resolved.args == ["merged" if side == "mine" else "theirs"]
    now = store.repo(Detainee).require(person.id)
    assert (now.cell, now.block) == (("101", "三监区") if side == "mine" else ("305", "三监区"))
    assert sync_conflicts.list_conflicts(store) == []
    assert outbox_for(store, person.id) == (1 if side == "mine" else 0)  # a new edit, to upload
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0)
    idle()
    assert conflict_id not in page.conflict_model.conflict_ids()


def test_a_choice_the_record_rules_refuse_is_explained(
    qtbot: Any, store: Store, seed: Any, sync_runner: Any
) -> None:
    person = seed.detainee(2)
    local_conflict(store, person.id, name="")  # the office's version lacks the required name
    [conflict] = sync_conflicts.list_conflicts(store)
    dialog = ConflictDialog(store, conflict, runner=sync_runner)
    qtbot.addWidget(dialog)
    dialog.save()  # keeping the office's (empty) name is refused by the record's spec
    assert dialog.error_label.text() and "姓名" in dialog.error_label.text()
    assert dialog.save_button.isEnabled() and sync_conflicts.open_count(store) == 1
    dialog.choose("name", MINE)
    dialog.save()
    assert sync_conflicts.open_count(store) == 0


# ---- with a real office (PostgreSQL) ----------------------------------------------------------------------

pg = pytest.mark.pg
# The office fixtures of the sync tests (they skip without INSPECTOR_TEST_PG_URL, fail in CI without it).
pg_url = office_fixtures.pg_url
office = office_fixtures.office
laptops = office_fixtures.laptops


def laptop_window(qtbot: Any, laptop: Any) -> MainWindow:
    w = MainWindow(laptop.store)
    qtbot.addWidget(w)
    w.show()
    w.show_page(SYNC)
    qtbot.waitUntil(lambda: sync_page(w).sync_button.isEnabled())
    return w


@pg
def test_sync_with_progress_and_status_bar(
    qtbot: Any, laptops: Callable[..., Any], dialogs: list[str], idle: Any
) -> None:
    from tests.conftest import detainee_values

    a = laptops()
    for i in range(3):
        a.store.repo(Detainee).add(detainee_values(name=f"同步{i}", cell=f"10{i}"))
    w = laptop_window(qtbot, a)
    phases: list[str] = []
    w.sync.progressed.connect(lambda p: phases.append(p.phase))
    outcome = run_sync(qtbot, w)
    idle()
    assert outcome.error is None, (repr(outcome.error), dialogs)
    assert outcome.ok and outcome.level == "ok" and outcome.report.pushed.accepted >= 3
    assert "push" in phases and phases[-1] == "done"
    page = sync_page(w)
    assert page.result_label.text().endswith(
        f"同步完成：上传 {outcome.report.pushed.accepted} 条修改，下载 0 条记录。"
    ) or ("同步完成" in page.result_label.text())
    qtbot.waitUntil(lambda: w.sync_status is not None and w.sync_status.last_sync_at is not None)
    idle()
    assert (
        "● 在线" in w.status_text() and "从未同步" not in w.status_text() and "待同步 0 条" in w.status_text()
    )


@pg
def test_upgrade_required_is_explained(
    qtbot: Any, office: Any, laptops: Callable[..., Any], dialogs: list[str], idle: Any
) -> None:
    a = laptops()
    with office.admin() as conn:
        conn.execute(
            "UPDATE sync.meta SET value = %s WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),)
        )
    w = laptop_window(qtbot, a)
    outcome = run_sync(qtbot, w)
    idle()
    text = sync_page(w).result_label.text()
    assert "版本不一致" in text and "需要升级本机程序" in text and dialogs == []
    assert outcome.online is True


@pg
def test_a_real_conflict_between_two_laptops(
    qtbot: Any, laptops: Callable[..., Any], dialogs: list[str], idle: Any
) -> None:
    from tests.conftest import detainee_values

    a = laptops()
    rid = a.store.repo(Detainee).add(detainee_values(cell="101", block="一监区")).id
    a.sync()
    b = laptops("QXG", second=True)
    a.store.repo(Detainee).update(rid, {"cell": "A-cell"})
    b.store.repo(Detainee).update(rid, {"cell": "B-cell"})
    a.sync()
    w = laptop_window(qtbot, b)
    outcome = run_sync(qtbot, w)
    page = sync_page(w)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1)
    idle()
    assert outcome.level == "warning" and "冲突" in page.result_label.text()
    dialog = page.open_conflict(0)
    cell = next(r for r in dialog.rows if r.name == "cell")
    assert (cell.mine, cell.theirs, cell.changed) == ("B-cell", "A-cell", True)
    dialog.choose("cell", MINE)
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.save_button.click()
    idle()
    outcome = run_sync(qtbot, w)  # the resolution goes up as a new edit
    idle()
    assert outcome.level == "ok" and outcome.report.open_conflicts == 0
    assert b.store.repo(Detainee).require(rid).cell == "B-cell"
    assert QApplication.activeModalWidget() is None


@pg
def test_a_restored_office_offers_a_re_seed_that_a_person_confirms(
    qtbot: Any,
    office: Any,
    laptops: Callable[..., Any],
    dialogs: list[str],
    idle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import detainee_values
    from tests.sync.test_reseed import backup_of, names_at_office
    from ui.views import sync_view

    a = laptops()
    a.store.repo(Detainee).add(detainee_values(name="甲"))
    a.sync()
    with backup_of(office) as restore:
        a.store.repo(Detainee).add(detainee_values(name="乙"))
        a.sync()
        restore()
    w = laptop_window(qtbot, a)
    page = sync_page(w)
    outcome = run_sync(qtbot, w)
    idle()
    assert outcome.office_changed and "备份恢复" in page.result_label.text()
    assert page.reseed_button.isVisible()
    question = page.reseed_question()
    assert "不会被静默覆盖" in question.text()
    question.deleteLater()
    # "Cancel" changes nothing …
    answers = iter([sync_view.QMessageBox.StandardButton.Cancel, sync_view.QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(sync_view.QMessageBox, "exec", lambda self: next(answers))
    page.reseed_button.click()
    assert w.sync.last is outcome and not w.sync.running
    # … "Yes" re-seeds, then syncs
    page.reseed_button.click()
    qtbot.waitUntil(lambda: w.sync.last is not outcome, timeout=30_000)
    idle()
    done = w.sync.last
    assert done.report is not None and done.reseeded is not None, done.error
    assert "已重新上传本机全部" in page.result_label.text()
    assert not page.reseed_button.isVisible()
    assert names_at_office(office).keys() == {"甲", "乙"}
    assert dialogs == []
