"""The ``inspector`` command. With no sub-command it opens the desktop app.

Every sub-command takes ``--data-dir`` (default: ``INSPECTOR_DATA_DIR``, else the platform's user
data folder). A user mistake prints one line on stderr and exits non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import platformdirs

import inspector
from inspector.domain.errors import InspectorError

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DATA_DIR_HELP = "data folder (default: $INSPECTOR_DATA_DIR, else the user data folder)"

log = logging.getLogger("inspector")


class UsageError(InspectorError):
    pass


def data_dir_of(args: argparse.Namespace) -> Path:
    from inspector.store.store import default_data_dir

    given = args.command_data_dir or args.data_dir
    return Path(given).expanduser() if given else default_data_dir()


def tty_prompt(text: str, confirm: bool) -> str | None:
    """Ask for the database passphrase on the terminal (never echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"{text}: ")
    if confirm and getpass.getpass("再次输入 / Repeat: ") != first:
        raise UsageError("两次输入的口令不一致", "the two passphrases differ")
    return first


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("首个用户的登录密码 / Password for the first user: ")
        if getpass.getpass("再次输入 / Repeat: ") != password:
            raise UsageError("两次输入的密码不一致", "the two passwords differ")
    else:
        raise UsageError(
            "请用 --password-stdin 从标准输入提供密码",
            "give the password on standard input with --password-stdin",
        )
    if not password:
        raise UsageError("密码不能为空", "the password is empty")
    return password


# ---- sub-commands ---------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    # The desktop app is loaded by name: the core never imports the UI (import-linter contract);
    # the command line is only the place that launches it.
    app = importlib.import_module("ui.app")
    return int(app.run_gui(data_dir_of(args)))


def cmd_init(args: argparse.Namespace) -> int:
    from inspector.station_setup import FirstUser, initialise

    station = {
        "code": args.station_code,
        "name": args.station_name,
        "procuratorate": args.procuratorate,
        "higher_procuratorate": args.higher_procuratorate,
        "detention_center": args.detention_center,
        "agency_code": args.agency_code,
    }
    user = FirstUser(args.user, args.display_name or args.user, _read_password(args), args.role)
    data_dir = data_dir_of(args)
    with initialise(data_dir, station, user, device_name=args.device_name, prompt=tty_prompt) as store:
        print(f"已初始化 / initialised: {data_dir} (station {args.station_code}, device {store.device_id})")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    import secrets

    from inspector.demo import DEMO_STATION, generate
    from inspector.station_setup import FirstUser, initialise
    from inspector.store.store import Store

    data_dir = data_dir_of(args)
    if Store.exists(data_dir):
        if args.if_empty:
            print(f"{data_dir} 已有数据库，未生成演示数据 / already has a database; demo not generated")
            return EXIT_OK
        raise UsageError(
            f"{data_dir} 已有数据库：演示数据只写入新的数据目录（--data-dir）",
            f"{data_dir} already has a database: demo data goes into a new --data-dir",
        )
    password = _read_password(args) if args.password_stdin else secrets.token_urlsafe(9)
    user = FirstUser("wang", "王检察官", password, "procurator")
    with initialise(data_dir, DEMO_STATION, user, device_name="demo", prompt=tty_prompt) as store:
        summary = generate(store, seed=args.seed, scale=args.scale, progress=lambda m: print(m, flush=True))
    total = sum(summary.counts.values())
    print(f"演示数据已生成 / demo data written: {total} records in {summary.seconds:.1f} s → {data_dir}")
    if not args.password_stdin:
        print(f"演示账户 / demo account: wang  密码 / password: {password}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from inspector.export import export_json
    from inspector.store.store import Store

    if args.format != "json":
        raise UsageError(f"不支持的导出格式：{args.format}", f"unsupported export format: {args.format}")
    with Store.open(data_dir_of(args), tty_prompt) as store:
        summary = export_json(store, Path(args.out))
    print(f"已导出 / exported {sum(summary.counts.values())} records → {summary.path}")
    return EXIT_OK


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


def cmd_agenda(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from inspector.agenda import build_agenda
    from inspector.agenda.items import LEVEL_LABEL
    from inspector.store.store import Store

    try:
        on = date.fromisoformat(args.date) if args.date else None
    except ValueError as exc:
        raise UsageError(
            f"日期格式应为 YYYY-MM-DD：{args.date}", f"--date must be YYYY-MM-DD: {args.date}"
        ) from exc
    with Store.open(data_dir_of(args), tty_prompt) as store:
        agenda = build_agenda(store, on, horizon_days=args.days)
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


def cmd_settings(args: argparse.Namespace) -> int:
    import json

    from inspector import station_settings
    from inspector.store.store import Store

    def shown(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    words = list(args.words)
    action = words.pop(0) if words and words[0] in ("list", "set", "reset") else "list"
    args.settings_action = action
    args.key = words[0] if words else None
    args.value = words[1] if len(words) > 1 else None
    if len(words) > (2 if action == "set" else 1):
        raise UsageError(f"多余的参数：{' '.join(words)}", f"too many arguments: {' '.join(words)}")

    with Store.open(data_dir_of(args), tty_prompt) as store:
        if args.settings_action == "set":
            if args.key is None or args.value is None:
                raise UsageError(
                    "用法：inspector settings set 设置项 值", "usage: inspector settings set KEY VALUE"
                )
            view = station_settings.set_setting(store, args.key, station_settings.parse_value(args.value))
            print(f"已设置 / set: {view.label}（{view.key}）= {shown(view.value)}；下次同步时发往办公室")
            return EXIT_OK
        if args.settings_action == "reset":
            if args.key is None:
                raise UsageError(
                    "用法：inspector settings reset 设置项", "usage: inspector settings reset KEY"
                )
            changed = station_settings.reset_setting(store, args.key)
            print(
                f"已恢复默认 / reset: {args.key}"
                if changed
                else f"本来就是默认值 / already default: {args.key}"
            )
            return EXIT_OK
        views = station_settings.list_settings(store)
    for v in views:
        if args.key is not None and v.key != args.key:
            continue
        mark = "*" if v.overridden else " "
        default = "" if not v.overridden else f"（默认 {shown(v.default)}）"
        print(f"{mark} {v.key} = {shown(v.value)}{default}")
        print(f"      {v.label}：{v.explanation}" if v.explanation else f"      {v.label}")
    if args.key is not None and not any(v.key == args.key for v in views):
        raise UsageError(f"未知的设置项：{args.key}", f"unknown setting: {args.key}")
    return EXIT_OK


# ---- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the command; the one after the command wins.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", dest="command_data_dir", metavar="DATA_DIR", help=DATA_DIR_HELP)
    parser = argparse.ArgumentParser(
        prog="inspector", description="驻所检察 Inspector — records and documents for resident procurators"
    )
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--version", action="version", version=f"inspector {inspector.__version__}")
    parser.set_defaults(func=cmd_gui, command_data_dir=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create the local database for a station")
    p.add_argument("--station-code", required=True)
    p.add_argument("--station-name", required=True)
    p.add_argument("--procuratorate", required=True, help="派出检察院 full name")
    p.add_argument("--higher-procuratorate", help="上一级检察院 full name")
    p.add_argument("--detention-center", required=True, help="看守所 full name")
    p.add_argument("--agency-code", required=True, help="院代字 used in document numbers")
    p.add_argument("--user", required=True, help="first user's login name")
    p.add_argument("--display-name", help="first user's name as shown (default: --user)")
    p.add_argument(
        "--role", default="procurator", choices=["procurator", "chief_procurator", "assistant", "admin"]
    )
    p.add_argument("--device-name", help="name of this laptop (default: host name)")
    p.add_argument("--password-stdin", action="store_true", help="read the first user's password from stdin")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="create a database filled with realistic demo data")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing if the data dir already has a database"
    )
    p.add_argument("--password-stdin", action="store_true", help="read the demo user's password from stdin")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", parents=[common], help="write every record to a file")
    p.add_argument("--format", default="json", help="json (see docs/export-format.md)")
    p.add_argument("--out", required=True, help="output file")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("agenda", parents=[common], help="what is due, upcoming and overdue")
    p.add_argument("--date", help="the day to look from, YYYY-MM-DD (default: today in Asia/Shanghai)")
    p.add_argument("--days", type=int, default=14, help="how many days ahead to list (default 14)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_agenda)

    p = sub.add_parser("check", parents=[common], help="check database integrity, outbox and audit chain")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "settings", parents=[common], help="station settings: list, set KEY VALUE, reset KEY (synced)"
    )
    p.add_argument(
        "words",
        nargs="*",
        metavar="[list [KEY] | set KEY VALUE | reset KEY]",
        help="VALUE: a number, true/false, text or JSON",
    )
    p.set_defaults(func=cmd_settings)

    from inspector.documents.cli_commands import add_pdf_command
    from inspector.sync.cli_commands import add_sync_commands

    add_pdf_command(sub, common)
    add_sync_commands(sub, common)
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
    except Exception as exc:  # an unexpected fault: one line here, the traceback in the log file
        log_dir = Path(platformdirs.user_log_dir("inspector", appauthor=False))
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "inspector.log"
        with log_file.open("a", encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
        print(
            f"inspector: 意外错误 / unexpected error: {type(exc).__name__}: {exc} (details: {log_file})",
            file=sys.stderr,
        )
        return EXIT_PROBLEM


if __name__ == "__main__":
    raise SystemExit(main())
