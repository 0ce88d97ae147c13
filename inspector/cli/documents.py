"""``inspector pdf KIND ID_OR_DATE --out FILE``: print a document (``inspector.documents.render``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt
from inspector.domain.validation import work_day_errors
from inspector.store.files import atomic_output_bytes, output_target

__all__ = ["cmd_pdf", "register"]

KEY_HELP = (
    "record id (a 文号 works for notice/suggestion), YYYY-MM-DD for daily-log/register, "
    "YYYY-MM for monthly-report/duty-roster"
)


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``pdf`` on the ``inspector`` command's sub-parsers."""
    from inspector.documents.render import KINDS

    p = subparsers.add_parser(
        "pdf",
        parents=[common_parent],
        help="print a document to a PDF file",
        description="Print a document: " + ", ".join(f"{k} ({v})" for k, v in KINDS.items()),
    )
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help="one of: " + ", ".join(KINDS))
    p.add_argument("key", metavar="ID_OR_DATE", help=KEY_HELP)
    p.add_argument(
        "--out", required=True, help="output PDF file (duty-roster: a .xlsx name gives a workbook)"
    )
    p.add_argument(
        "--for-center",
        action="store_true",
        help="mailbox register for the detention centre: confidential writers shown by pseudonym",
    )
    p.set_defaults(func=cmd_pdf)


DAY_KINDS, MONTH_KINDS = ("daily-log", "register"), ("monthly-report", "duty-roster")


def _check_key(kind: str, key: str) -> None:
    """A day or a month within the days the program works on (the renderer's date arithmetic would
    overflow far outside them)."""
    from datetime import date

    from inspector.documents.render import parse_day, parse_month

    if kind in DAY_KINDS:
        day = parse_day(key)
    elif kind in MONTH_KINDS:
        year, month = parse_month(key)
        if not 1 <= year <= 9999:
            raise UsageError(f"月份超出范围：{key}", f"month out of range: {key}")
        day = date(year, month, 1)
    else:
        return
    bad = work_day_errors("ID_OR_DATE", "日期", day)
    if bad:
        raise UsageError(bad[0].message_zh, bad[0].message_en)


def cmd_pdf(args: argparse.Namespace) -> int:
    from inspector.documents.render import KINDS, render_pdf
    from inspector.store.store import Store

    _check_key(args.kind, args.key)
    out = Path(args.out).expanduser()
    output_target(out)  # refused before the document is built
    with Store.open(data_dir_of(args), tty_prompt) as store:
        if args.kind == "duty-roster" and out.suffix.lower() == ".xlsx":  # the month as a workbook
            data = _duty_roster_xlsx(store, args.key)
        else:
            data = render_pdf(store, args.kind, args.key, for_detention_center=args.for_center)
    with atomic_output_bytes(out) as fh:  # owner-only, a regular file only, whole or not at all
        fh.write(data)
    print(f"已生成{KINDS[args.kind]} / written: {out} ({len(data):,} bytes)")
    return EXIT_OK


def _duty_roster_xlsx(store: Any, key: str) -> bytes:
    from inspector.documents.duty_roster import build_duty_roster_xlsx, load_duty_roster
    from inspector.documents.render import parse_month

    year, month = parse_month(key)
    return build_duty_roster_xlsx(load_duty_roster(store, year, month))
