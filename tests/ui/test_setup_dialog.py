"""The first-run setup form: checks as the user types, 创建 only when valid, the database made exactly
as ``inspector init`` makes it (off the GUI thread), and cancelling leaves nothing behind."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from inspector.domain.records import SPECS
from inspector.security.passwords import verify_password
from inspector.services.backups import recover_key
from inspector.station_setup import MIN_PASSWORD
from inspector.store.keys import PASSPHRASE_ENV, KeyInfo, KeyUnavailableError, RecoveryCodeError
from inspector.store.models import AppUser, LocalCredential, NumberBlock, Station
from inspector.store.store import Store
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.recovery_dialog import RecoveryCodeDialog
from ui.setup_dialog import CONFIRM, PASSWORD, SetupDialog, ask_discard

ROOT = Path(__file__).resolve().parents[2]

VALID = {
    "code": "QXG",
    "name": "毕节市七星关区人民检察院驻七星关区看守所检察室",
    "procuratorate": "毕节市七星关区人民检察院",
    "higher_procuratorate": "毕节市人民检察院",
    "detention_center": "毕节市七星关区看守所",
    "agency_code": "七",
    "username": "wang",
    "display_name": "王检察官",
    PASSWORD: "first-user-pass",
    CONFIRM: "first-user-pass",
}
REQUIRED = ["code", "name", "procuratorate", "detention_center", "agency_code", "username", "display_name"]


class Prompt:
    """Answers the database-passphrase prompt as a user would type into it."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, text: str, confirm: bool) -> str | None:
        self.asked.append((text, confirm))
        return self.answer


class Discard:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self, parent: Any) -> bool:
        self.asked += 1
        return self.answer


@pytest.fixture
def make_dialog(qtbot: Any, data_dir: Path) -> Any:
    def make(**kw: Any) -> SetupDialog:
        kw.setdefault("ask_passphrase", Prompt(None))
        kw.setdefault("confirm_discard", Discard(True))  # closing at teardown must not wait for a click
        dialog = SetupDialog(data_dir, **kw)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def type_into(qtbot: Any, dialog: SetupDialog, name: str, text: str) -> None:
    """Replace a field's text as a user does: select all and delete, then type. Latin text is typed
    key by key; Chinese arrives as a pinyin input method delivers it, one committed string per word."""
    edit = dialog.inputs[name]
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


def fill(qtbot: Any, dialog: SetupDialog, values: dict[str, str] = VALID) -> None:
    for name, text in values.items():
        type_into(qtbot, dialog, name, text)


def write_down(qtbot: Any, dialog: SetupDialog) -> str:
    """The recovery code shown after 创建: read it, tick 我已抄写…, 继续. Returns the code."""
    qtbot.waitUntil(lambda: dialog.code_dialog is not None and dialog.code_dialog.isVisible(), timeout=20_000)
    shown = dialog.code_dialog
    assert shown is not None
    code = shown.shown_code()
    assert not shown.continue_button.isEnabled()  # not before the box is ticked
    shown.confirm_box.click()
    qtbot.mouseClick(shown.continue_button, Qt.MouseButton.LeftButton)
    return code


# ---- checking as the user types ---------------------------------------------------------------------


def test_nothing_is_red_before_typing_and_create_is_disabled(make_dialog: Any) -> None:
    dialog = make_dialog()
    assert all(dialog.error_text(name) == "" for name in dialog.inputs)
    assert not dialog.create_button.isEnabled()
    assert set(dialog.problems()) == {*REQUIRED, PASSWORD, CONFIRM}  # what keeps 创建 disabled


def test_labels_on_the_left_and_required_fields_marked(make_dialog: Any) -> None:
    dialog = make_dialog()
    for name in [*REQUIRED, PASSWORD, CONFIRM]:
        label = dialog.field_labels[name]
        assert "*" in label.text(), name
        assert label.buddy() is dialog.inputs[name]
        assert label.mapTo(dialog, label.rect().topLeft()).x() < dialog.inputs[name].x()
    assert "*" not in dialog.field_labels["higher_procuratorate"].text()
    assert dialog.field_labels["code"].text().startswith("检察室代码")
    assert dialog.field_labels["agency_code"].text().startswith("院代字")
    assert dialog.field_labels["detention_center"].text().startswith("看守所名称")
    assert dialog.field_labels["procuratorate"].text().startswith("派出检察院")
    assert dialog.inputs[PASSWORD].echoMode() == QLineEdit.EchoMode.Password
    assert dialog.inputs[CONFIRM].echoMode() == QLineEdit.EchoMode.Password


@pytest.mark.parametrize("name", REQUIRED)
def test_each_required_field_says_so_once_emptied(qtbot: Any, make_dialog: Any, name: str) -> None:
    dialog = make_dialog()
    fill(qtbot, dialog)
    assert dialog.create_button.isEnabled()
    type_into(qtbot, dialog, name, "")
    label = SPECS["station"].fields + SPECS["app_user"].fields
    zh = next(f.label_zh for f in label if f.name == name)
    assert dialog.error_text(name) == f"{zh}为必填项"
    assert not dialog.create_button.isEnabled()
    assert [n for n in dialog.inputs if dialog.error_text(n)] == [name]  # only that field is red
    type_into(qtbot, dialog, name, "   ")  # blanks are not a value either
    assert dialog.error_text(name) == f"{zh}为必填项"
    type_into(qtbot, dialog, name, VALID[name])
    assert dialog.error_text(name) == "" and dialog.create_button.isEnabled()


@pytest.mark.parametrize(
    ("kind", "name"),
    [("station", f.name) for f in SPECS["station"].fields]
    + [("app_user", "username"), ("app_user", "display_name")],
)
def test_each_field_says_when_it_is_too_long(qtbot: Any, make_dialog: Any, kind: str, name: str) -> None:
    spec = SPECS[kind].field(name)
    assert spec.max_length is not None
    dialog = make_dialog()
    fill(qtbot, dialog)
    type_into(qtbot, dialog, name, "检" * spec.max_length)  # the limit itself is fine
    assert dialog.error_text(name) == "" and dialog.create_button.isEnabled()
    type_into(qtbot, dialog, name, "检" * (spec.max_length + 1))
    assert dialog.error_text(name) == f"{spec.label_zh}不能超过{spec.max_length}个字"
    assert not dialog.create_button.isEnabled()


def test_password_too_short_then_confirmation_mismatch(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    fill(qtbot, dialog, {k: v for k, v in VALID.items() if k not in (PASSWORD, CONFIRM)})
    type_into(qtbot, dialog, PASSWORD, "x" * (MIN_PASSWORD - 1))
    assert dialog.error_text(PASSWORD) == f"密码至少需要{MIN_PASSWORD}个字符"
    assert dialog.error_text(CONFIRM) == ""  # not typed in yet
    type_into(qtbot, dialog, PASSWORD, "x" * MIN_PASSWORD)
    assert dialog.error_text(PASSWORD) == ""
    type_into(qtbot, dialog, CONFIRM, "x" * (MIN_PASSWORD + 1))
    assert dialog.error_text(CONFIRM) == "两次输入的密码不一致"
    assert not dialog.create_button.isEnabled()
    type_into(qtbot, dialog, CONFIRM, "x" * MIN_PASSWORD)
    assert dialog.error_text(CONFIRM) == "" and dialog.create_button.isEnabled()
    type_into(qtbot, dialog, PASSWORD, "y" * MIN_PASSWORD)  # changing the password re-checks the copy
    assert dialog.error_text(CONFIRM) == "两次输入的密码不一致"
    assert not dialog.create_button.isEnabled()
    type_into(qtbot, dialog, PASSWORD, "")
    assert dialog.error_text(PASSWORD) == "密码为必填项"


# ---- creating ---------------------------------------------------------------------------------------


def check_created(data_dir: Path, *, prompt: Any = None) -> None:
    """The database holds the station, the device and the first user, as ``inspector init`` writes them."""
    with Store.open(data_dir, prompt) as store:
        with store.session(read_only=True) as s:
            station = s.get(Station, store.station_id)
            assert station is not None
            names = [f.name for f in SPECS["station"].fields]
            assert {k: getattr(station, k) for k in names} == {k: VALID[k] for k in names}
            [user] = s.query(AppUser).all()
            assert (user.username, user.display_name, user.role, user.active) == (
                "wang",
                "王检察官",
                "procurator",
                True,
            )
            credential = s.get(LocalCredential, user.id)
            assert credential is not None and credential.password_hash.startswith("scrypt$")
            assert verify_password(VALID[PASSWORD], credential.password_hash)
            assert not verify_password("wrong-password", credential.password_hash)
            assert s.query(NumberBlock).count() > 0  # the local 文号 blocks, as init grants them
        assert store.meta("device_id") and store.meta("created_at")
        assert not store.meta("demo", False)


def test_create_makes_the_database_in_the_background(
    qtbot: Any, make_dialog: Any, data_dir: Path, idle: Any
) -> None:
    prompt = Prompt("never-asked-1")
    dialog = make_dialog(ask_passphrase=prompt)
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and not dialog.create_button.isEnabled()
        assert not dialog.cancel_button.isEnabled() and not dialog.inputs["code"].isEnabled()
        write_down(qtbot, dialog)
    assert prompt.asked == []  # the keyring holds the key
    assert dialog.result() == QDialog.DialogCode.Accepted
    store = dialog.store
    assert store is not None
    assert KeyInfo.load(Store.paths(data_dir)[1]).source == "keyring"
    try:
        window = MainWindow(store)  # what run_gui opens next
        qtbot.addWidget(window)
        assert window.windowTitle() == f"驻所检察 — {VALID['name']}"
        assert window.identity.user_name == "王检察官" and not window.identity.is_demo
        idle()
    finally:
        store.close()
    check_created(data_dir)


def test_the_recovery_code_shown_once_brings_a_lost_key_back(
    qtbot: Any, make_dialog: Any, data_dir: Path, memory_keyring: Any, idle: Any
) -> None:
    """Issue #11, item 9: 创建 shows the key's recovery code once, in groups, with 复制 and a box that
    must be ticked; that code alone puts a lost keyring entry back, and nothing on disk holds it."""
    dialog = make_dialog()
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.code_dialog is not None and dialog.code_dialog.isVisible(), timeout=20_000)
    shown = dialog.code_dialog
    assert shown is not None and len(shown.group_labels) == 8
    code = shown.shown_code()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){7}", code)
    assert shown.group_labels[0].font().fixedPitch() or shown.group_labels[0].font().styleHint() == (
        QFont.StyleHint.Monospace
    )
    shown.close()  # neither closing nor Esc gets past it unticked
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert shown.isVisible() and not shown.continue_button.isEnabled() and dialog.isVisible()
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == code
    QApplication.clipboard().clear()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        shown.confirm_box.click()
        qtbot.mouseClick(shown.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.store is not None
    dialog.store.close()
    idle()

    [key_hex] = memory_keyring.entries.values()
    on_disk = b"".join(f.read_bytes() for f in data_dir.rglob("*") if f.is_file())
    for secret in (code, code.replace("-", ""), key_hex):
        assert secret.encode() not in on_disk
    memory_keyring.entries.clear()  # the keyring entry is lost: the database does not open
    with pytest.raises(KeyUnavailableError):
        Store.open(data_dir)
    with pytest.raises(RecoveryCodeError):
        recover_key(data_dir, "AAAA" + code[4:])
    assert memory_keyring.entries == {}
    recover_key(data_dir, code)  # the shown code, through the same core as `inspector recover`
    assert list(memory_keyring.entries.values()) == [key_hex]
    with Store.open(data_dir) as store, store.session(read_only=True) as s:
        assert s.query(Station).one().code == VALID["code"]


def test_without_a_keyring_the_passphrase_is_asked_then_used(
    qtbot: Any, make_dialog: Any, data_dir: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV)  # nothing in the environment either: the user is asked
    too_short = Prompt("short")
    shown: list[BaseException] = []
    dialog = make_dialog(ask_passphrase=too_short, on_error=shown.append)
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert too_short.asked == [("设置数据库口令 / Choose a database passphrase", True)]
    assert [str(e) for e in shown] == [
        "数据库口令至少需要8个字符：请再点击“创建”，输入更长的口令 / "
        "the passphrase needs at least 8 characters"
    ]
    assert not dialog.busy and dialog.isVisible() and not data_dir.exists()

    dialog._ask_passphrase = Prompt(None)  # the user cancels the passphrase dialog: back to the form
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy and dialog.isVisible() and not data_dir.exists() and len(shown) == 1

    dialog._ask_passphrase = Prompt("a-good-passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.store is not None
    dialog.store.close()
    assert KeyInfo.load(Store.paths(data_dir)[1]).source == "passphrase"
    check_created(data_dir, prompt=Prompt("a-good-passphrase"))


def test_a_failure_is_shown_and_the_form_stays(
    qtbot: Any, make_dialog: Any, data_dir: Path, memory_keyring: Any
) -> None:
    """The core refuses a folder that already holds a database: the message is shown, nothing changes."""
    Store.create(data_dir).close()
    before = sorted(p.name for p in data_dir.iterdir())
    shown: list[BaseException] = []
    dialog = make_dialog(on_error=shown.append)
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "已有数据库，不会覆盖" in str(shown[0])
    assert dialog.isVisible() and not dialog.busy and dialog.create_button.isEnabled()
    assert dialog.inputs["code"].isEnabled() and dialog.store is None
    assert sorted(p.name for p in data_dir.iterdir()) == before


# ---- leaving ----------------------------------------------------------------------------------------


def test_esc_on_an_empty_form_cancels_without_asking(qtbot: Any, make_dialog: Any, data_dir: Path) -> None:
    discard = Discard(True)
    dialog = make_dialog(confirm_discard=discard)
    with qtbot.waitSignal(dialog.rejected, timeout=2_000):
        qtbot.keyClick(dialog.inputs["code"], Qt.Key.Key_Escape)
    assert discard.asked == 0 and dialog.store is None
    assert not data_dir.exists()


def test_esc_after_typing_asks_and_leaves_nothing_behind(
    qtbot: Any, make_dialog: Any, data_dir: Path, memory_keyring: Any
) -> None:
    keep = Discard(False)
    dialog = make_dialog(confirm_discard=keep)
    fill(qtbot, dialog)
    qtbot.keyClick(dialog.inputs["code"], Qt.Key.Key_Escape)
    assert keep.asked == 1 and dialog.isVisible()  # the user chose to go on typing
    assert dialog.inputs["code"].text() == "QXG"

    dialog._confirm_discard = Discard(True)
    with qtbot.waitSignal(dialog.rejected, timeout=2_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.store is None
    assert not data_dir.exists() and memory_keyring.entries == {}


def test_the_real_question_before_discarding(qtbot: Any, make_dialog: Any) -> None:
    """The default confirmation is a real question box: 否 keeps the form, 是 closes it."""
    dialog = make_dialog(confirm_discard=ask_discard)
    type_into(qtbot, dialog, "code", "QXG")
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(dialog.inputs["code"], Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == ["已填写的内容将不会保存，也不会建立数据库。确定放弃吗？"]
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        qtbot.keyClick(dialog.inputs["code"], Qt.Key.Key_Escape)
    assert len(answers) == 2


def test_esc_is_ignored_while_the_database_is_made(
    qtbot: Any, make_dialog: Any, data_dir: Path, deferred: Any
) -> None:
    discard = Discard(True)
    dialog = make_dialog(runner=deferred, confirm_discard=discard)
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and len(deferred.jobs) == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and discard.asked == 0
    deferred.run()  # the work finishes: the recovery code is shown; the form waits for it
    assert dialog.busy and dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and discard.asked == 0
    write_down(qtbot, dialog)  # then the dialog closes with the new store
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.store is not None
    dialog.store.close()
    check_created(data_dir)


# ---- the app's first run ----------------------------------------------------------------------------


def test_set_up_store_returns_the_new_store_for_the_main_window(
    qtbot: Any, data_dir: Path, idle: Any
) -> None:
    """``run_gui``'s first-run step, with the form filled in and 创建 clicked as a user would."""

    def fill_in_the_form() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SetupDialog):
            QTimer.singleShot(20, fill_in_the_form)
            return
        fill(qtbot, dialog)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(20, write_it_down)

    def write_it_down() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryCodeDialog):
            QTimer.singleShot(20, write_it_down)
            return
        dialog.confirm_box.click()
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in_the_form)
    store = ui_app.set_up_store(data_dir, ask_passphrase=Prompt(None))
    assert store is not None
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        assert window.identity.station_name == VALID["name"]
        idle()
    finally:
        store.close()
    check_created(data_dir)


def test_the_app_without_a_database_opens_the_form_and_quitting_leaves_nothing(tmp_path: Path) -> None:
    """``inspector`` on an empty folder in a fresh process: the form is up when the smoke timer quits."""
    data_dir = tmp_path / "empty"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_SMOKE_QUIT_MS": "500",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "SetupDialog 驻所检察 — 建立本检察室的数据库" in result.stdout
    assert not data_dir.exists()


# run_gui, reporting which modal window is up just before the smoke timer quits the app.
PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app

app.prepare_application()
def report():
    w = QApplication.activeModalWidget()
    print(type(w).__name__, w.windowTitle() if w else "", flush=True)

QTimer.singleShot(300, report)
sys.exit(app.run_gui(Path(sys.argv[1])))
"""
