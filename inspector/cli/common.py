"""One data-dir and passphrase-prompt helper for every CLI command module, and the exit codes.

Every command module of :mod:`inspector.cli` opens the store the same way::

    with Store.open(data_dir_of(args), tty_prompt) as store: ...

A user mistake raises :class:`UsageError` (or another ``InspectorError``); ``inspector.cli.main`` prints
it as one line on stderr and exits with :data:`EXIT_USAGE`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

import platformdirs

from inspector.domain.errors import InspectorError

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DATA_DIR_HELP = "data folder (default: $INSPECTOR_DATA_DIR, else the user data folder)"


class UsageError(InspectorError):
    pass


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
        return Path(given).expanduser()
    if getattr(args, "demo", False):
        return demo_data_dir()
    return default_data_dir()


def tty_prompt(text: str, confirm: bool) -> str | None:
    """Ask for the database passphrase on the terminal (never echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"{text}: ")
    if confirm and getpass.getpass("再次输入 / Repeat: ") != first:
        raise UsageError("两次输入的口令不一致", "the two passphrases differ")
    return first
