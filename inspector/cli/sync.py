"""Sub-commands for office sync: ``office …`` (administration), ``enroll`` and ``sync``.

``inspector.cli.main`` calls :func:`register`. Handlers take the parsed ``args`` and return an exit
code; user mistakes raise :class:`~inspector.domain.errors.InspectorError` (one line on stderr).
``inspector sync`` returns its own codes (see ``inspector.sync.errors``): 0 ok, 3 office unreachable,
4 login refused, 5 conflicts wait for a person, 6 upgrade required, 7 office database replaced or
restored, 8 not enrolled, 9 protocol error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid
from pathlib import Path
from typing import Any

from inspector.cli.common import data_dir_of, tty_prompt
from inspector.cli.setup import show_recovery_code
from inspector.domain.errors import InspectorError
from inspector.sync.errors import EXIT_CONFLICTS, EXIT_OK, SyncError

OFFICE_URL_ENV = "INSPECTOR_OFFICE_URL"
DOC_TYPES = ("rectification_notice", "procuratorial_suggestion")


class SyncUsageError(InspectorError):
    """A sync command line that cannot be carried out as typed."""

    code = "sync_usage"


def _secret(args: argparse.Namespace, what_zh: str, what_en: str) -> str:
    """A secret from standard input (one line) or the terminal — never from the command line."""
    if args.secret_stdin or not sys.stdin.isatty():
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = getpass.getpass(f"{what_zh} / {what_en}: ")
    if not value:
        raise SyncUsageError(f"没有提供{what_zh}", f"no {what_en} given")
    return value


def _office_url(args: argparse.Namespace) -> str:
    url = args.url or os.environ.get(OFFICE_URL_ENV)
    if not url:
        raise SyncUsageError(
            f"请用 --url 或环境变量 {OFFICE_URL_ENV} 指定检察院数据库",
            f"give the office database with --url or ${OFFICE_URL_ENV}",
        )
    return str(url)


# ---- office administration ------------------------------------------------------------------------


def cmd_office_init(args: argparse.Namespace) -> int:
    from inspector.sync.office import init_office

    info = init_office(_office_url(args), args.role_prefix)
    if args.new_epoch:  # after restoring the office database from a backup (docs/sync.md)
        from inspector.sync.office import new_epoch

        print(f"新的数据库纪元 / new database epoch: {new_epoch(_office_url(args))}")
    print(
        f"检察院数据库 / office database: {info.action}, schema {info.schema_version}, "
        f"epoch {info.db_epoch}, "
        f"device group {info.device_group}"
    )
    return EXIT_OK


def cmd_office_add_station(args: argparse.Namespace) -> int:
    from inspector.sync.office import add_station

    add_station(_office_url(args), args.code, args.name, uuid.UUID(args.id) if args.id else None)
    print(f"已添加检察室 / station added: {args.code} {args.name}")
    return EXIT_OK


def cmd_office_add_device(args: argparse.Namespace) -> int:
    from inspector.sync.office import add_device

    device = add_device(_office_url(args), args.station, args.name)
    print(f"设备登录名 / device login: {device.role}")
    print(f"一次性注册口令 / one-time enrollment secret: {device.secret}")
    print(
        f"在该电脑上运行 / on the laptop run: inspector enroll --office-url URL --device {device.role} "
        "（口令只显示这一次 / the secret is shown only this once）"
    )
    return EXIT_OK


def cmd_office_devices(args: argparse.Namespace) -> int:
    from inspector.domain.validation import SHANGHAI
    from inspector.sync.office import list_devices

    states = {"enrolled": "已注册", "waiting": "待注册", "revoked": "已停用"}

    def when(value: Any) -> str:
        return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if value is not None else "—"

    devices = list_devices(_office_url(args), args.station)
    for d in devices:
        print(
            f"{d.station_code}\t{d.name}\t{d.role}\t{states[d.state]} / {d.state}\t"
            f"上次上传 / last push {when(d.last_push_at)}\t{d.batches} batches"
        )
    if not devices:
        print("没有设备 / no devices")
    return EXIT_OK


def cmd_office_revoke_device(args: argparse.Namespace) -> int:
    from inspector.sync.office import revoke_station_device

    role = revoke_station_device(_office_url(args), args.station, args.device)
    print(
        f"已停用 / revoked: {role}（该电脑不能再登录办公室数据库；已上传的记录保留 / "
        "this laptop can no longer log in; what it uploaded stays）"
    )
    return EXIT_OK


def cmd_office_export(args: argparse.Namespace) -> int:
    from inspector.store.files import output_target
    from inspector.sync.office import export_station

    if args.format != "json":
        raise SyncUsageError(f"不支持的导出格式：{args.format}", f"unsupported export format: {args.format}")
    output_target(Path(args.out))  # a folder or a device is refused before connecting
    counts = export_station(_office_url(args), args.station, Path(args.out))
    print(f"已导出 / exported {sum(counts.values())} records → {args.out}")
    return EXIT_OK


def cmd_office_report(args: argparse.Namespace) -> int:
    from datetime import date

    from inspector.store.repository import today_local
    from inspector.sync.office_report import format_text, office_report

    try:
        day = date.fromisoformat(args.date) if args.date else today_local()
    except ValueError as exc:
        raise SyncUsageError(
            f"--date 日期无效（应为 YYYY-MM-DD）：{args.date}",
            f"--date: not a date (YYYY-MM-DD): {args.date}",
        ) from exc
    report = office_report(_office_url(args), day, args.station)
    print(report.to_json() if args.json else format_text(report))
    return EXIT_OK


def cmd_office_lease(args: argparse.Namespace) -> int:
    from inspector.sync import office

    url = _office_url(args)
    if args.lease_action == "grant":
        lease = office.grant_lease(
            url, args.station, args.device, args.doc_type, args.year, args.count, args.first
        )
        print(
            f"已发放号段 / leased: {lease.doc_type} {lease.year} {lease.first_seq}-{lease.last_seq} "
            f"→ {lease.device_name}"
        )
    elif args.lease_action == "void":
        n = office.void_leases(url, args.station, args.device, args.year)
        print(f"已作废 / voided {n} lease(s)")
    else:
        for lease in office.list_leases(url, args.station):
            state = "voided" if lease.voided_at else "active"
            print(
                f"{lease.doc_type}\t{lease.year}\t{lease.first_seq}-{lease.last_seq}\t{lease.device_name}\t{state}"
            )
    return EXIT_OK


# ---- laptop ---------------------------------------------------------------------------------------


def cmd_enroll(args: argparse.Namespace) -> int:
    from inspector.sync.connection import OfficeTarget

    target = OfficeTarget.parse(
        args.office_url, args.device, sslmode=args.sslmode, sslrootcert=args.sslrootcert
    )
    secret = _secret(args, "注册口令", "enrollment secret")
    data_dir = data_dir_of(args)
    try:
        return _enroll(args, data_dir, target, secret)
    except SyncError as exc:  # cut, timed out, refused login: what was done is kept, enroll again
        print(f"inspector: {exc}", file=sys.stderr)
        return exc.exit_code


def _enroll(args: argparse.Namespace, data_dir: Path, target: Any, secret: str) -> int:
    from inspector.store.store import Store
    from inspector.sync.enroll import enroll_new, enroll_store

    if Store.exists(data_dir):
        with Store.open(data_dir, tty_prompt) as store:
            e = enroll_store(store, target, secret)
    else:
        user = None
        if args.user:
            user = (
                args.user,
                _secret(args, f"用户 {args.user} 的本机登录密码", f"local password for {args.user}"),
            )
        with enroll_new(
            data_dir, target, secret, device_name=args.device_name, user=user, prompt=tty_prompt
        ) as store:
            e_station = store.station_id
            print(
                f"已从检察院下载本检察室数据 / station data downloaded into {data_dir} (station {e_station})"
            )
            show_recovery_code(store)
        return EXIT_OK
    print(f"已注册 / enrolled: station {e.station_code}, device {e.device_id}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from inspector.store.store import Store
    from inspector.sync.run import SyncProgress, sync_now

    def show(p: SyncProgress) -> None:
        if not args.quiet:
            print(f"{p.message_zh} / {p.message_en}", flush=True)

    if args.reseed and not args.yes:
        _confirm_reseed()
    try:
        with Store.open(data_dir_of(args), tty_prompt) as store:
            if args.reseed:
                _reseed(store)
            report = sync_now(store, progress=show)
    except SyncError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return exc.exit_code
    pushed, pulled = report.pushed, report.pulled
    print(
        f"上传 {pushed.accepted}/{pushed.ops}，下载 {pulled.applied}，待处理冲突 {report.open_conflicts} / "
        f"pushed {pushed.accepted} of {pushed.ops}, pulled {pulled.applied}, "
        f"open conflicts {report.open_conflicts} "
        f"({report.seconds:.2f} s)"
    )
    if report.open_conflicts:
        print(
            "inspector: 有冲突需要人工处理（在程序的“同步冲突”页面） / "
            "conflicts wait for a decision (Sync conflicts screen)",
            file=sys.stderr,
        )
        return EXIT_CONFLICTS
    return EXIT_OK


RESEED_WARNING = (
    "重新上传：办公室数据库已从备份恢复时使用。本机将把全部记录重新上传：办公室缺少的记录和备份之后"
    "本机的修改会补上，办公室较新的版本会下载到本机，无法判断新旧的记录成为冲突，由人工处理；"
    "任何一方都不会被静默覆盖。\n"
    "Re-seed: for an office database restored from a backup. Every record on this laptop is sent again: "
    "the office regains what it lost (new records and this laptop's later edits), newer office copies "
    "come down, and records whose order cannot be told become conflicts for a person."
)


def _confirm_reseed() -> None:
    if not sys.stdin.isatty():
        raise SyncUsageError(
            "重新上传需要确认：请加 --yes", "a re-seed must be confirmed: add --yes (non-interactive)"
        )
    print(RESEED_WARNING)
    answer = input("确认重新上传？输入 yes / type yes to go on: ").strip().lower()
    if answer != "yes":
        raise SyncUsageError("已取消重新上传", "re-seed cancelled")


def _reseed(store: Any) -> None:
    from inspector.sync.reseed import reseed_now

    r = reseed_now(store)
    print(
        f"已准备重新上传 {r.rows_queued} 条记录（放弃旧批次 {r.batches_dropped} 个，关闭旧冲突 "
        f"{r.conflicts_closed} 个） / re-seed: {r.rows_queued} records queued, {r.batches_dropped} old "
        f"batches dropped, {r.conflicts_closed} old conflicts closed"
    )
    for lease in r.leases_refused:
        print(
            f"inspector: 号段 {lease.label} 已被办公室发给其他设备，请管理员核对文号 / "
            f"number block {lease.label} is held by another lease at the office: the administrator must "
            "check these document numbers",
            file=sys.stderr,
        )


# ---- parser ---------------------------------------------------------------------------------------


def _url_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--url", help=f"office database URL for the administrator (default: ${OFFICE_URL_ENV}); libpq syntax"
    )


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``office``, ``enroll`` and ``sync`` on the main parser's sub-parsers."""
    office = subparsers.add_parser("office", help="office database administration (PostgreSQL)")
    osub = office.add_subparsers(title="office commands", metavar="ACTION", required=True)

    p = osub.add_parser("init", help="create or upgrade the office schema (idempotent)")
    _url_arg(p)
    p.add_argument("--role-prefix", help="prefix of the roles this office creates (default: inspector)")
    p.add_argument(
        "--new-epoch",
        action="store_true",
        help="after restoring the database from a backup: give it a new identity so laptops notice",
    )
    p.set_defaults(func=cmd_office_init)

    p = osub.add_parser("add-station", help="register a station")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--id", help="the station's id, if its first laptop already exists")
    _url_arg(p)
    p.set_defaults(func=cmd_office_add_station)

    p = osub.add_parser("add-device", help="create a laptop's login and print its one-time enrollment secret")
    p.add_argument("station", help="station code")
    p.add_argument("name", help="device name")
    _url_arg(p)
    p.set_defaults(func=cmd_office_add_device)

    p = osub.add_parser("devices", help="list device logins: state and last push")
    p.add_argument("--station", help="only this station")
    _url_arg(p)
    p.set_defaults(func=cmd_office_devices)

    p = osub.add_parser("revoke-device", help="stop a (lost or retired) laptop from logging in")
    p.add_argument("station", help="station code")
    p.add_argument("device", help="device name or login")
    _url_arg(p)
    p.set_defaults(func=cmd_office_revoke_device)

    p = osub.add_parser("export", help="write one station's records (same format as `inspector export`)")
    p.add_argument("--station", required=True, help="station code")
    p.add_argument("--format", default="json")
    p.add_argument("--out", required=True)
    _url_arg(p)
    p.set_defaults(func=cmd_office_export)

    p = osub.add_parser(
        "report",
        help="each station: laptops and last push, pushed this week, open conflicts, replies awaited "
        "and overdue, custody deadlines within 7 days",
    )
    p.add_argument("--station", help="only this station")
    p.add_argument("--date", help="the day the report is for (YYYY-MM-DD, default today in Beijing)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    _url_arg(p)
    p.set_defaults(func=cmd_office_report)

    p = osub.add_parser("lease", help="manage document-number leases")
    p.add_argument("lease_action", choices=["grant", "list", "void"])
    p.add_argument("--station", required=True, help="station code")
    p.add_argument("--device", help="device name or login")
    p.add_argument("--doc-type", choices=DOC_TYPES)
    p.add_argument("--year", type=int)
    p.add_argument("--count", type=int, default=50)
    p.add_argument("--first", type=int, help="first number (default: after the last one leased)")
    _url_arg(p)
    p.set_defaults(func=_lease_dispatch)

    p = osub.add_parser(
        "holidays", help="the holiday table every laptop pulls (years chinese-calendar lacks)"
    )
    p.add_argument("holidays_action", choices=["import", "list"])
    p.add_argument("file", nargs="?", help="import: CSV with date,type(rest|work),name,note")
    p.add_argument("--year", type=int, help="list: the year to show")
    _url_arg(p)
    p.set_defaults(func=cmd_office_holidays)

    p = subparsers.add_parser("enroll", parents=[common_parent], help="connect this laptop to the office")
    p.add_argument(
        "--office-url", required=True, help="office database URL (host, port, dbname; no password)"
    )
    p.add_argument("--device", required=True, help="the device login printed by `office add-device`")
    p.add_argument("--sslmode", help="libpq sslmode (verify-full recommended)")
    p.add_argument("--sslrootcert", help="CA certificate file for verify-ca / verify-full")
    p.add_argument("--secret-stdin", action="store_true", help="read the enrollment secret from stdin")
    p.add_argument("--user", help="(new data folder) station user who will sign in on this laptop")
    p.add_argument("--device-name", help="(new data folder) name of this laptop")
    p.set_defaults(func=cmd_enroll)

    p = subparsers.add_parser("sync", parents=[common_parent], help="sync with the office now")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.add_argument(
        "--reseed",
        action="store_true",
        help="after the office database was restored from a backup: send every record again, then sync",
    )
    p.add_argument("--yes", action="store_true", help="do not ask before a re-seed")
    p.set_defaults(func=cmd_sync)


def cmd_office_holidays(args: argparse.Namespace) -> int:
    from inspector.rules.periods import zh_date
    from inspector.sync import holidays

    url = _office_url(args)
    if args.holidays_action == "import":
        if not args.file:
            raise SyncUsageError("请指定节假日 CSV 文件", "give the holiday CSV file")
        count = holidays.office_set_holidays(url, holidays.read_holiday_file(Path(args.file)))
        print(f"已录入 / stored {count} days; 各电脑下次同步时获取 / laptops get them at their next sync")
        return EXIT_OK
    if args.year is None:
        raise SyncUsageError("请用 --year 指定年份", "give the year with --year")
    for e in holidays.office_list_holidays(url, args.year):
        kind = "上班" if e.is_workday else "休息"
        print(
            f"{e.day.isoformat()}  {zh_date(e.day)}  {kind}  {e.holiday_name or ''}  {e.note or ''}".rstrip()
        )
    return EXIT_OK


def _lease_dispatch(args: argparse.Namespace) -> int:
    if args.lease_action in ("grant",) and not (args.device and args.doc_type and args.year):
        raise SyncUsageError(
            "发放号段需要 --device、--doc-type 和 --year", "grant needs --device, --doc-type and --year"
        )
    return cmd_office_lease(args)
