"""Linux start-up: the libraries Qt's xcb plugin lacks are named, with their packages, before Qt
aborts naming another one. Checked against ldd's report on a stand-in plugin, never by removing
system libraries."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ui import platform_check

ROOT = Path(__file__).resolve().parents[2]

# ldd on PySide6 6.12's libqxcb.so on a Debian 12 machine with libxcb-cursor0 but neither
# libxcb-icccm4 nor libxcb-keysyms1 (what the issue met), cut to the xcb lines.
LDD_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd3a5f2000)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f2c78a7a000)
\tlibxkbcommon.so.0 => /lib/x86_64-linux-gnu/libxkbcommon.so.0 (0x00007f2c789a2000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f2c78997000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f2c78990000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f2c78988000)
\tlibxcb-image.so.0 => /lib/x86_64-linux-gnu/libxcb-image.so.0 (0x00007f2c78982000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-randr.so.0 => /lib/x86_64-linux-gnu/libxcb-randr.so.0 (0x00007f2c7896f000)
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f2c77dd6000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""

X11 = {"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}


def fake_plugin(tmp_path: Path) -> Path:
    plugin = tmp_path / "platforms" / "libqxcb.so"
    plugin.parent.mkdir()
    plugin.write_bytes(b"\x7fELF stand-in")
    return plugin


def test_the_missing_libraries_are_those_ldd_does_not_find(tmp_path: Path) -> None:
    plugin = fake_plugin(tmp_path)
    asked: list[Path] = []

    def ldd(path: Path) -> str:
        asked.append(path)
        return LDD_DEBIAN

    assert platform_check.missing_libraries(plugin, ldd=ldd) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert asked == [plugin]
    all_found = LDD_DEBIAN.replace("not found", "/lib/x86_64-linux-gnu/libxcb-found.so")
    assert platform_check.missing_libraries(plugin, ldd=lambda _p: all_found) == []
    # No plugin (a build without it): nothing to say, Qt says it.
    assert platform_check.missing_libraries(tmp_path / "none.so", ldd=ldd) == [] and len(asked) == 1


def test_without_ldd_the_known_libraries_are_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[str] = []

    def load(name: str) -> object:
        loaded.append(name)
        if name == "libxcb-keysyms.so.1":
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    assert platform_check.not_loadable(platform_check.XCB_LIBRARIES, load=load) == ["libxcb-keysyms.so.1"]
    assert loaded == list(platform_check.XCB_LIBRARIES)

    monkeypatch.setattr(platform_check, "not_loadable", lambda names: ["libxcb-icccm.so.4"])
    plugin = fake_plugin(tmp_path)
    assert platform_check.missing_libraries(plugin, ldd=lambda _p: None) == ["libxcb-icccm.so.4"]


def test_the_message_names_the_libraries_and_the_packages() -> None:
    line = platform_check.message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo.so.9"])
    assert "\n" not in line
    assert "缺少系统库 libxcb-icccm.so.4、libxcb-keysyms.so.1、libfoo.so.9" in line
    assert line.count("sudo apt-get install libxcb-icccm4 libxcb-keysyms1") == 2  # Chinese, then English
    assert "libxcb-cursor0" not in line  # Qt's own message names this one, whatever is missing


@pytest.mark.parametrize(
    ("env", "checked"),
    [
        ({}, True),
        (X11, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, False),  # Qt tries Wayland first there
        ({"XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_only_a_start_on_xcb_is_checked(env: dict[str, str], checked: bool) -> None:
    calls: list[int] = []

    def missing() -> list[str]:
        calls.append(1)
        return ["libxcb-icccm.so.4"]

    out = io.StringIO()
    assert platform_check.ready_for_gui(env, "linux", missing, out) is not checked
    assert bool(calls) is checked
    assert bool(out.getvalue()) is checked


def test_other_systems_and_a_complete_linux_are_ready() -> None:
    def missing() -> list[str]:
        raise AssertionError("not asked off Linux")

    assert platform_check.ready_for_gui(X11, "win32", missing) is True
    assert platform_check.ready_for_gui(X11, "darwin", missing) is True
    out = io.StringIO()
    assert platform_check.ready_for_gui(X11, "linux", lambda: [], out) is True
    assert out.getvalue() == ""


# ---- the whole app: `inspector` with no command ------------------------------------------------------

RUN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ui import app, platform_check

    plugin, report = Path(sys.argv[2]), Path(sys.argv[3]).read_text()
    platform_check.xcb_plugin = lambda: plugin
    platform_check.run_ldd = lambda path: report if path == plugin else None
    sys.exit(app.run_gui(Path(sys.argv[1])))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_run_gui_exits_naming_the_missing_libraries(tmp_path: Path) -> None:
    plugin = fake_plugin(tmp_path)
    report = tmp_path / "ldd.txt"
    report.write_text(LDD_DEBIAN)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # Qt would pick xcb
    env |= X11 | {"HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(tmp_path / "data"), str(plugin), str(report)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr  # one line, and nothing from Qt: no QApplication was made
    assert "libxcb-icccm.so.4、libxcb-keysyms.so.1" in lines[0]
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in lines[0]
    assert not (tmp_path / "data").exists()  # nothing was set up either
