"""Before the first window on Linux: can Qt's xcb platform plugin load?

When a system library the plugin links to is missing, Qt prints that it "could not load the Qt
platform plugin xcb" and names ``libxcb-cursor0`` — whichever library is really missing (on Debian it
is often ``libxcb-icccm4`` and ``libxcb-keysyms1``) — and aborts. So before the QApplication is made,
when Qt is going to use xcb (``QT_QPA_PLATFORM`` unset outside a Wayland session, or ``xcb``), this
asks the dynamic loader which of the plugin's libraries are not found (``ldd`` on ``libqxcb.so``;
without ``ldd``, by loading the known ones) and, if any are, prints one line naming them and the
Debian / Ubuntu / UOS / Kylin packages that hold them, for ``run_gui`` to exit with 1.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QLibraryInfo

log = logging.getLogger("inspector.ui")

PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
"""The system libraries Qt's xcb plugin loads, and the Debian package of each (the same names on
Ubuntu, UOS and Kylin)."""

XCB_LIBRARIES = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon-x11.so.0",
    "libxkbcommon.so.0",
)
"""What is loaded to check when there is no ``ldd``: the libraries a desktop without Qt apps lacks."""

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")

Ldd = Callable[[Path], str | None]


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will start on xcb: ``QT_QPA_PLATFORM`` names it first, or is unset outside a Wayland
    session (there Qt tries Wayland first and xcb only after it)."""
    wanted = env.get("QT_QPA_PLATFORM", "").strip()
    if wanted:
        first = wanted.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    return env.get("XDG_SESSION_TYPE", "").strip().lower() != "wayland"


def xcb_plugin() -> Path:
    """Qt's xcb platform plugin (in the wheel or the frozen build)."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def run_ldd(plugin: Path) -> str | None:
    """``ldd``'s report on ``plugin`` (every library it needs, found or not), or None without ldd."""
    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=15, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.stdout else None


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as ``not found``, each once, in its order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in missing:
            missing.append(match.group(1))
    return missing


def not_loadable(names: Sequence[str], load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """Those of ``names`` the dynamic loader cannot load."""
    missing = []
    for name in names:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def missing_libraries(plugin: Path | None = None, ldd: Ldd | None = None) -> list[str]:
    """The system libraries Qt's xcb plugin needs and this machine lacks (none when the plugin itself
    is not there: then Qt says so)."""
    plugin = plugin if plugin is not None else xcb_plugin()
    if not plugin.is_file():
        return []
    report = (ldd or run_ldd)(plugin)
    if report is None:
        return not_loadable(XCB_LIBRARIES)
    return not_found(report)


def packages_for(libraries: Sequence[str]) -> list[str]:
    """The packages to install for ``libraries`` (those not known are left out)."""
    packages: list[str] = []
    for name in libraries:
        package = PACKAGES.get(name)
        if package is not None and package not in packages:
            packages.append(package)
    return packages


def message(libraries: Sequence[str]) -> str:
    """One line, Chinese then English: what is missing, and the apt-get line that installs it."""
    packages = packages_for(libraries)
    install = f"sudo apt-get install {' '.join(packages)}" if packages else ""
    zh = f"无法启动图形界面：缺少系统库 {'、'.join(libraries)}"  # i18n: both (before Qt starts)
    en = f"cannot start the desktop app: missing system libraries {', '.join(libraries)}"
    if install:
        zh += f"，请安装：{install}"  # i18n: both
        en += f"; install them with: {install}"
    return f"inspector: {zh} / {en}"


def ready_for_gui(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    missing: Callable[[], list[str]] | None = None,
    out: TextIO | None = None,
) -> bool:
    """False (after printing why to stderr) when on Linux Qt would start on xcb and its plugin cannot
    load for want of system libraries; True otherwise."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not uses_xcb(env):
        return True
    lacking = (missing or missing_libraries)()
    if not lacking:
        return True
    line = message(lacking)
    log.error("%s", line)
    print(line, file=out if out is not None else sys.stderr)
    return False
