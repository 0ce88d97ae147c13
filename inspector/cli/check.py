"""``inspector check``: integrity, foreign keys, schema, outbox and audit chain; exit 1 on a problem."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import EXIT_OK, EXIT_PROBLEM, data_dir_of, tty_prompt

__all__ = ["cmd_check", "register"]


def cmd_check(args: argparse.Namespace) -> int:
    from inspector.check import run_checks
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        results = run_checks(store)
    for result in results:
        print(f"{'ok     ' if result.ok else 'PROBLEM'} {result.name}")
        for problem in result.problems:
            print(f"        {problem}")
    bad = [r for r in results if not r.ok]
    print("数据库完好 / database is sound" if not bad else f"发现问题 / {len(bad)} check(s) failed")
    return EXIT_OK if not bad else EXIT_PROBLEM


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``check`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser(
        "check", parents=[common_parent], help="check database integrity, outbox and audit chain"
    )
    p.set_defaults(func=cmd_check)
