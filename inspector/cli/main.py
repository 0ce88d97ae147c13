"""The ``inspector`` command: argument parsing and dispatch. With no sub-command it opens the desktop app.

Each command group lives in its own module of this package and registers its sub-parsers
(``register(subparsers, common_parent)``); the handlers share :mod:`inspector.cli.common`.
Every sub-command takes ``--data-dir`` (default: ``INSPECTOR_DATA_DIR``, else the platform's user
data folder). A user mistake — a bad argument, a file that cannot be read or written, a value out of
range — prints one line on stderr and exits 2 (:data:`EXIT_USAGE`); never a traceback. A fault of the
program itself is one line too, with the traceback in the log file, and exits 70
(:data:`EXIT_FAULT`) — never 1, which ``check`` keeps for "a problem was found".
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import platformdirs

import inspector
from inspector.cli import agenda, backup, check, documents, export, ledger, roster, settings, setup, sync
from inspector.cli.common import (
    DATA_DIR_HELP,
    DEMO_HELP,
    EXIT_FAULT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    data_dir_of,
    os_error_line,
)
from inspector.domain.errors import InspectorError

__all__ = ["build_parser", "main"]

log = logging.getLogger("inspector")

# In this order on `inspector --help`.
COMMAND_GROUPS = (setup, export, roster, ledger, backup, agenda, check, settings, documents, sync)


def cmd_gui(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.demo:
        from inspector.store.store import Store

        if not Store.exists(data_dir):
            setup.write_demo(data_dir)
    # The desktop app is loaded by name: the core never imports the UI (import-linter contract);
    # the command line is only the place that launches it.
    app = importlib.import_module("ui.app")
    return int(app.run_gui(data_dir))


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line (with where to find the usage), like
    every other mistake; sub-parsers are made of this class too."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"inspector: {message} (usage: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the command; the one after the command wins.
    common = OneLineParser(add_help=False)
    common.add_argument("--data-dir", dest="command_data_dir", metavar="DATA_DIR", help=DATA_DIR_HELP)
    parser = OneLineParser(
        prog="inspector", description="驻所检察 Inspector — records and documents for resident procurators"
    )
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--demo", action="store_true", help=DEMO_HELP)
    parser.add_argument("--version", action="version", version=f"inspector {inspector.__version__}")
    parser.set_defaults(func=cmd_gui, command_data_dir=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InspectorError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("inspector: 已中断 / interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # a file or folder the person named, or the disk: theirs to act on
        print(f"inspector: {os_error_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # an unexpected fault: one line here, the traceback in the log file
        print(f"inspector: 意外错误 / unexpected error: {_one_line(exc)}{_log_fault()}", file=sys.stderr)
        return EXIT_FAULT


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}"


def _log_fault() -> str:
    """Append the traceback to the log file (owner-only: a traceback can quote records); say where, or
    nothing if it cannot be kept."""
    from inspector.store.files import open_private_append

    log_file = Path(platformdirs.user_log_dir("inspector", appauthor=False)) / "inspector.log"
    try:
        with open_private_append(log_file) as fh:
            traceback.print_exc(file=fh)
    except OSError:
        return ""
    return f" (details: {log_file})"
