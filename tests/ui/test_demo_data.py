"""Demo data lives in its own folder, is marked as demo data, and the main window says 演示数据."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inspector.cli.main import main
from inspector.demo import DEMO_META_KEY, is_demo, mark_demo
from inspector.services.status import load_identity
from inspector.store.store import Store
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(the real data folder, the demo folder) under a throwaway XDG data home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("INSPECTOR_DATA_DIR", raising=False)
    return tmp_path / "xdg" / "inspector", tmp_path / "xdg" / "inspector-demo"


def test_inspector_demo_writes_to_the_demo_folder_and_marks_it(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real, demo = folders
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-password-1\n"))
    assert main(["demo", "--password-stdin"]) == 0
    assert "演示数据已生成" in capsys.readouterr().out
    assert Store.exists(demo) and not real.exists()  # the real folder stays free for the real set-up
    with Store.open(demo) as store:
        assert is_demo(store) and store.meta(DEMO_META_KEY) is True
        assert load_identity(store).is_demo

    assert main(["demo", "--if-empty"]) == 0  # a second run leaves it alone
    assert "未生成演示数据" in capsys.readouterr().out


def test_an_explicit_data_dir_still_wins(
    folders: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-password-1\n"))
    there = tmp_path / "elsewhere"
    assert main(["demo", "--data-dir", str(there), "--password-stdin"]) == 0
    assert Store.exists(there) and not folders[1].exists()


def test_a_station_set_up_for_real_is_not_demo_data(store: Store) -> None:
    assert not is_demo(store) and not load_identity(store).is_demo


def test_the_window_says_demo_data(qtbot: Any, store: Store, idle: Any) -> None:
    plain = MainWindow(store)
    qtbot.addWidget(plain)
    assert "演示数据" not in plain.windowTitle()
    assert not plain.demo_label.isVisibleTo(plain)

    mark_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.identity.is_demo
    assert window.windowTitle() == "驻所检察 — 测试区看守所检察室（演示数据）"
    assert window.demo_label.isVisible() and window.demo_label.text() == "演示数据"
    assert window.statusBar().isAncestorOf(window.demo_label)
    assert str(store.data_dir) in window.demo_label.toolTip()
    idle()


def test_inspector_demo_flag_opens_the_app_on_demo_data_written_first(tmp_path: Path) -> None:
    """``inspector --demo`` (what ``make run`` runs) in a fresh process, as the smoke test runs the app."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_SMOKE_QUIT_MS": "300",
        "INSPECTOR_PASSPHRASE": "demo-passphrase-1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    env.pop("INSPECTOR_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "inspector.cli", "--demo"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    demo = home / ".local" / "share" / "inspector-demo"
    assert "演示数据已生成" in result.stdout and str(demo) in result.stdout
    assert Store.exists(demo) and not (home / ".local" / "share" / "inspector").exists()
