"""``inspector agenda [--date D] [--days N] [--json]``: what is due, upcoming and overdue."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import EXIT_OK, data_dir_of, day_arg, days_ahead_arg, tty_prompt

__all__ = ["cmd_agenda", "register"]


def cmd_agenda(args: argparse.Namespace) -> int:
    import json

    from inspector.agenda import build_agenda
    from inspector.agenda.items import LEVEL_LABEL
    from inspector.store.store import Store

    on = day_arg(args.date, "--date") if args.date else None
    days = days_ahead_arg(args.days, "--days")
    with Store.open(data_dir_of(args), tty_prompt) as store:
        agenda = build_agenda(store, on, horizon_days=days)
    if args.json:
        print(json.dumps(agenda.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"工作提示 {agenda.today.isoformat()}（共{len(agenda.items)}项）")
    for item in agenda.items:
        when = item.due.isoformat() if item.due else "          "
        left = (
            ""
            if item.days_left is None
            else (f"逾期{-item.days_left}日" if item.days_left < 0 else f"余{item.days_left}日")
        )
        mark = "" if item.certain else "（日期可能顺延）"
        print(f"[{LEVEL_LABEL[item.level]}] {when} {left:<7} {item.title} · {item.subject}{mark}")
        print(f"        {item.rule} — {item.basis}")
    print("计算口径：" + "；".join(agenda.conventions))
    return EXIT_OK


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``agenda`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser("agenda", parents=[common_parent], help="what is due, upcoming and overdue")
    p.add_argument("--date", help="the day to look from, YYYY-MM-DD (default: today in Asia/Shanghai)")
    p.add_argument("--days", type=int, default=14, help="how many days ahead to list, 0 to 366 (default 14)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_agenda)
