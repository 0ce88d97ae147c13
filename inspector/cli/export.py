"""``inspector export --format json|xlsx --out FILE``: every local record (docs/export-format.md), or
every ledger as a workbook for a spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt
from inspector.store.files import output_target

__all__ = ["cmd_export", "register"]


def cmd_export(args: argparse.Namespace) -> int:
    from inspector.services.exports import export_ledgers_xlsx, export_records_json
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    # through the services, so the export is entered in the audit log like one made in the app
    writers = {"json": export_records_json, "xlsx": export_ledgers_xlsx}
    if args.format not in writers:
        raise UsageError(f"不支持的导出格式：{args.format}", f"unsupported export format: {args.format}")
    out = Path(args.out).expanduser()
    output_target(out)  # a folder, a device or a missing folder is refused before anything is read
    with Store.open(data_dir_of(args), tty_prompt) as store:
        summary = writers[args.format](store, actor_for(store), out)
    print(f"已导出 / exported {sum(summary.counts.values())} records → {summary.path}")
    return EXIT_OK


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``export`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser("export", parents=[common_parent], help="write every record to a file")
    p.add_argument(
        "--format",
        default="json",
        help="json (every record, see docs/export-format.md) or xlsx (every ledger, a sheet each)",
    )
    p.add_argument("--out", required=True, help="output file")
    p.set_defaults(func=cmd_export)
