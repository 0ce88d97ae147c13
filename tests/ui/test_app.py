"""Start-up: font, exception hooks, opening the store (missing, passphrase retries), smoke run."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QGuiApplication

from inspector.domain.errors import InspectorError
from inspector.store.store import Store
from ui import app as ui_app
from ui import errors, i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: seen.append((title, text)))
    return seen


# ---- font -----------------------------------------------------------------------------------------


@pytest.fixture
def restore_font(qapp: Any) -> Any:
    before = QFont(qapp.font())
    yield
    qapp.setFont(before)


def test_bundled_font_becomes_the_app_font(qapp: Any, restore_font: None) -> None:
    family = ui_app.load_ui_font(qapp)
    assert family == "WenQuanYi Micro Hei"
    assert QGuiApplication.font().family() == family
    assert QGuiApplication.font().pointSizeF() == pytest.approx(10.5)


def test_missing_font_falls_back_to_the_system_font(qapp: Any, restore_font: None, tmp_path: Path) -> None:
    assert ui_app.load_ui_font(qapp, tmp_path) is None
    assert QGuiApplication.font().pointSizeF() == pytest.approx(10.5)


def test_translators_are_kept(qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    translators = ui_app.install_translators(qapp, QLocale("zh_CN"))
    try:
        assert translators == i18n.installed()  # referenced for as long as they are installed
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        i18n._translators.clear()


# ---- exception hooks ------------------------------------------------------------------------------


def test_hooks_show_chinese_message_and_log_traceback(
    qtbot: Any, shown: list[tuple[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    old_sys, old_threading = sys.excepthook, threading.excepthook
    hooks = errors.install_exception_hooks()
    try:
        assert sys.excepthook == hooks.sys_hook
        try:
            raise InspectorError("身份证号校验位错误", "ID number check digit is wrong")
        except InspectorError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert shown == [("无法完成操作", "身份证号校验位错误")]
        assert "ID number check digit is wrong" in caplog.text and "Traceback" in caplog.text

        def boom() -> None:
            raise RuntimeError("from a thread")

        t = threading.Thread(target=boom, name="boom")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
        title, text = shown[1]
        assert title == "程序错误" and "RuntimeError" in text and "Traceback" not in text
        assert "uncaught in thread boom" in caplog.text
    finally:
        hooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == (old_sys, old_threading)


def test_errors_while_a_dialog_is_open_are_only_logged(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    seen: list[str] = []

    def nested(title: str, text: str, parent: Any = None) -> None:
        seen.append(text)
        errors.show_error(InspectorError("第二个", "second"))  # e.g. a timer firing under the dialog

    monkeypatch.setattr(errors, "show_message", nested)
    errors.show_error(InspectorError("第一个", "first"))
    assert seen == ["第一个"]


# ---- opening the store ----------------------------------------------------------------------------


class Prompt:
    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, text: str, confirm: bool) -> str | None:
        self.asked.append((text, confirm))
        return self.answers.pop(0)


@pytest.fixture
def closed_store(store: Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A passphrase-protected database, closed, with no passphrase in the environment."""
    store.close()
    monkeypatch.delenv("INSPECTOR_PASSPHRASE")
    return store.data_dir


def test_missing_database_says_to_run_init(tmp_path: Path) -> None:
    messages: list[tuple[str, str]] = []
    result = ui_app.open_store(
        tmp_path / "nothing", ask_passphrase=Prompt(), show=lambda *m: messages.append(m)
    )
    assert result is None
    assert len(messages) == 1 and "inspector init" in messages[0][1] and "inspector demo" in messages[0][1]


def test_wrong_passphrase_can_be_typed_again(closed_store: Path, passphrase: str) -> None:
    prompt = Prompt("wrong-one-1", "wrong-two-2", passphrase)
    messages: list[tuple[str, str]] = []
    store = ui_app.open_store(closed_store, ask_passphrase=prompt, show=lambda *m: messages.append(m))
    assert store is not None
    store.close()
    assert len(prompt.asked) == 3 and prompt.asked[0][1] is False
    assert [m[1] for m in messages] == [
        "口令不正确，无法解密数据库。请重新输入（还可以再试 2 次）。",
        "口令不正确，无法解密数据库。请重新输入（还可以再试 1 次）。",
    ]


def test_three_wrong_passphrases_give_up(closed_store: Path) -> None:
    prompt = Prompt("wrong-1", "wrong-2", "wrong-3", "never asked")
    messages: list[tuple[str, str]] = []
    assert ui_app.open_store(closed_store, ask_passphrase=prompt, show=lambda *m: messages.append(m)) is None
    assert len(prompt.asked) == 3 and len(messages) == 3
    assert messages[-1][1] == "口令不正确，已连续 3 次输入错误。"


def test_cancelling_the_prompt_quietly_gives_up(closed_store: Path) -> None:
    messages: list[tuple[str, str]] = []
    assert (
        ui_app.open_store(closed_store, ask_passphrase=Prompt(None), show=lambda *m: messages.append(m))
        is None
    )
    assert messages == []


def test_a_wrong_environment_passphrase_is_not_retried(
    closed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "not-the-passphrase")
    prompt = Prompt()
    messages: list[tuple[str, str]] = []
    assert ui_app.open_store(closed_store, ask_passphrase=prompt, show=lambda *m: messages.append(m)) is None
    assert prompt.asked == [] and len(messages) == 1 and "口令不正确" in messages[0][1]


# ---- the whole app, as the packaging smoke test runs it -------------------------------------------


def _run_gui(data_dir: Path, tmp_path: Path, quit_ms: str = "300") -> subprocess.CompletedProcess[str]:
    """``inspector`` with no command (``run_gui``) in a fresh process, as the packaging smoke test runs it."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_SMOKE_QUIT_MS": quit_ms,
        "INSPECTOR_PASSPHRASE": os.environ.get("INSPECTOR_PASSPHRASE", ""),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "XDG_STATE_HOME": str(tmp_path / "home" / ".local" / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "home" / ".cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "inspector.cli", "--data-dir", str(data_dir)],  # no command: the GUI
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_run_gui_opens_the_window_and_quits_by_itself(store: Store, seed: Any, tmp_path: Path) -> None:
    seed.detainee(1)
    seed.patrol()
    store.close()
    result = _run_gui(store.data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_run_gui_without_a_database_returns_1(tmp_path: Path) -> None:
    result = _run_gui(tmp_path / "empty", tmp_path)  # the smoke timer closes the message box
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
