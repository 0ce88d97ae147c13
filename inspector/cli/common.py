"""One data-dir and passphrase-prompt helper for every CLI command module, and the exit codes.

Every command module of :mod:`inspector.cli` opens the store the same way::

    with Store.open(data_dir_of(args), tty_prompt) as store: ...

A user mistake raises :class:`UsageError` (or another ``InspectorError``); ``inspector.cli.main`` prints
it as one line on stderr and exits with :data:`EXIT_USAGE`.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import sys
from datetime import date
from pathlib import Path

import platformdirs

from inspector.domain.errors import InspectorError
from inspector.domain.validation import work_day_errors, work_days_ahead_errors

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_FAULT = 70  # a fault of the program itself (sysexits' EX_SOFTWARE): never 1, which check uses
DATA_DIR_HELP = "data folder (default: $INSPECTOR_DATA_DIR, else the user data folder)"


class UsageError(InspectorError):
    """A command line that cannot be carried out as typed."""

    code = "usage"


DEMO_HELP = (
    "use the demo data folder (the user data folder's inspector-demo), apart from the real data; "
    "opening the app there writes demo data first if it is empty"
)


def demo_data_dir() -> Path:
    """Where demo data lives: its own folder beside the real one, so that trying the app with demo
    data never stands in the way of setting up the real station later."""
    return Path(platformdirs.user_data_dir("inspector-demo", appauthor=False))


def data_dir_of(args: argparse.Namespace) -> Path:
    """``--data-dir`` after the command, else before it, else the demo folder with ``--demo`` (or for
    ``inspector demo``), else the default data folder."""
    from inspector.store.store import default_data_dir

    given = args.command_data_dir or args.data_dir
    if given:
        path = Path(given).expanduser()
    elif getattr(args, "demo", False):
        path = demo_data_dir()
    else:
        path = default_data_dir()
    if path.exists() and not path.is_dir():
        raise UsageError(f"数据目录 {path} 不是文件夹", f"the data folder {path} is not a folder")
    return path


def os_error_line(exc: OSError) -> str:
    """What went wrong with a file or folder, in one line naming it (both languages)."""
    where = " → ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
    zh = {
        errno.ENOENT: "不存在",
        errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.EISDIR: "是文件夹，不是文件",
        errno.EEXIST: "已存在",
        errno.EACCES: "没有权限",
        errno.EPERM: "不允许的操作",
        errno.ENOSPC: "磁盘已满",
        errno.EROFS: "只读文件系统",
    }.get(exc.errno or 0, "无法访问")
    en = exc.strerror or type(exc).__name__
    return f"{where}：{zh} / {where}: {en}" if where else f"文件操作失败：{zh} / file error: {en}"


def day_arg(text: str, option: str) -> date:
    """A ``YYYY-MM-DD`` option, within the days the program works on."""
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(
            f"{option} 的格式应为 YYYY-MM-DD：{text}", f"{option} must be YYYY-MM-DD: {text}"
        ) from exc
    bad = work_day_errors(option, f"日期（{option}）", day)
    if bad:
        raise UsageError(bad[0].message_zh, bad[0].message_en)
    return day


def days_ahead_arg(days: int, option: str) -> int:
    bad = work_days_ahead_errors(option, f"天数（{option}）", days)
    if bad:
        raise UsageError(bad[0].message_zh, bad[0].message_en)
    return days


def tty_prompt(text: str, confirm: bool) -> str | None:
    """Ask for the database passphrase on the terminal (never echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"{text}: ")
    if confirm and getpass.getpass("再次输入 / Repeat: ") != first:
        raise UsageError("两次输入的口令不一致", "the two passphrases differ")
    return first
