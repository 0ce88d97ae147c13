"""``inspector import-roster FILE``: the register of detainees from an ``.xlsx`` or ``.csv`` file
(``inspector.services.roster_import``): a preview with the column mapping and every rejected row and
why, then one all-or-nothing commit."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt

__all__ = ["cmd_import_roster", "register"]

ACTIONS = {"new": "新增", "update": "更新", "skip": "跳过", "rejected": "无法导入"}


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{what}应为“字段=值”：{item}", f"{what} must be FIELD=VALUE: {item}")
        out[key.strip()] = value.strip()
    return out


def cmd_import_roster(args: argparse.Namespace) -> int:
    from inspector.services import roster_import as ri
    from inspector.services.policy import actor_for
    from inspector.store.files import output_target
    from inspector.store.store import Store

    if args.report:
        output_target(Path(args.report))  # a bad report target is refused before anything is read
    table = ri.read_table(Path(args.file), sheet=args.sheet)
    mapping = ri.parse_mapping(args.map, table.headers, ri.guess_mapping(table.headers))
    defaults = {ri.field_name(k): v for k, v in _pairs(args.default, "默认值").items()}
    with Store.open(data_dir_of(args), tty_prompt) as store:
        plan = ri.plan_import(store, table, mapping, existing=args.existing, defaults=defaults)
        _show_plan(plan)
        if args.report:
            _write_report(Path(args.report), plan)
        if args.dry_run:
            print("预览完毕，未导入 / preview only: nothing imported")
            return EXIT_OK
        report = ri.commit_import(store, plan, actor_for(store), skip_invalid=args.skip_invalid)
    print(
        f"已导入 / imported: 新增 {report.added}，更新 {report.updated}，跳过 {report.skipped}，"
        f"未导入 {report.rejected} / {report.added} new, {report.updated} updated, {report.skipped} skipped, "
        f"{report.rejected} rejected"
    )
    return EXIT_OK


def _show_plan(plan: Any) -> None:
    from inspector.services import roster_import as ri

    table = plan.table
    print(f"名册 / roster: {table.path} ({table.source}), {len(table.rows)} 行 / rows")
    print("列 / columns:")
    for i, header in enumerate(table.headers):
        fname = plan.mapping.get(i)
        target = f"{ri.field_label(fname)} ({fname})" if fname else "（不导入 / not imported）"
        print(f"  {i + 1:>3} {header or '（无标题）'} → {target}")
    for fname, value in plan.defaults.items():
        print(f"  默认 / default {ri.field_label(fname)} ({fname}) = {value}")
    counts = "，".join(f"{zh} {plan.count(a)}" for a, zh in ACTIONS.items())
    counts_en = ", ".join(f"{a} {plan.count(a)}" for a in ACTIONS)
    print(f"{counts} / {counts_en}")
    for row in plan.rejected:
        print(f"第{row.line}行 {row.name or '（无姓名）'}：{'；'.join(row.reasons)}")


def _write_report(path: Path, plan: Any) -> None:
    from inspector.store.files import atomic_output

    with atomic_output(path) as out:
        out.write("\ufeff")  # so that a spreadsheet opens it as UTF-8
        w = csv.writer(out)
        w.writerow(["行号", "姓名", "处理", "原因"])
        for row in plan.rows:
            w.writerow([row.line, row.name, ACTIONS[row.action], "；".join(row.reasons)])
    print(f"报告 / report: {path}")


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``import-roster`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser(
        "import-roster",
        parents=[common_parent],
        help="import the register of detainees from an .xlsx or .csv file (preview, then all or nothing)",
    )
    p.add_argument("file", help=".xlsx, or .csv in UTF-8, GBK or GB18030")
    p.add_argument("--sheet", help="the .xlsx sheet (default: the first)")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column (header or number from 1) to a field (name or Chinese label); FIELD empty "
        "leaves the column out. Columns are mapped by their headers first",
    )
    p.add_argument(
        "--default",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a value for a field the file has no column for (e.g. stage=审查起诉)",
    )
    p.add_argument(
        "--existing",
        choices=["skip", "update"],
        default="skip",
        help="people already on the register (same ID number): skip them (default) or update them",
    )
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows even if others are rejected (default: nothing unless all are valid)",
    )
    p.add_argument("--dry-run", action="store_true", help="show the preview only; import nothing")
    p.add_argument("--report", help="write every row's outcome and reasons to this CSV file")
    p.set_defaults(func=cmd_import_roster)
