"""``inspector init`` (a new station's database) and ``inspector demo`` (one filled with demo data)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt

if TYPE_CHECKING:
    from inspector.store.store import Store

__all__ = ["cmd_demo", "cmd_init", "register", "write_demo"]


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


def write_demo(
    data_dir: Path,
    *,
    seed: int = 1,
    scale: Literal["small", "large"] = "small",
    password: str | None = None,
) -> None:
    """A new database in ``data_dir`` filled with demo data and marked as such (the app says 演示数据).

    Without ``password`` the demo user gets the documented demo password (the sign-in window shows it
    on demo data), printed with the summary.
    """
    from inspector.demo import DEMO_STATION, DemoSummary, generate
    from inspector.services.status import DEMO_PASSWORD, DEMO_PASSWORD_META_KEY
    from inspector.station_setup import FirstUser, initialise

    chosen = password if password is not None else DEMO_PASSWORD
    user = FirstUser("wang", "王检察官", chosen, "procurator")
    made: list[DemoSummary] = []

    def fill(store: Store) -> None:  # before the folder is moved into place: a kill leaves no half demo
        made.append(generate(store, seed=seed, scale=scale, progress=lambda m: print(m, flush=True)))
        if chosen == DEMO_PASSWORD:  # the sign-in window may then say it
            store.set_meta(DEMO_PASSWORD_META_KEY, True)

    initialise(data_dir, DEMO_STATION, user, device_name="demo", prompt=tty_prompt, then=fill).close()
    summary = made[0]
    total = sum(summary.counts.values())
    print(f"演示数据已生成 / demo data written: {total} records in {summary.seconds:.1f} s → {data_dir}")
    if password is None:
        print(f"演示账户 / demo account: wang  密码 / password: {chosen}")


def cmd_demo(args: argparse.Namespace) -> int:
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
    write_demo(
        data_dir,
        seed=args.seed,
        scale=args.scale,
        password=_read_password(args) if args.password_stdin else None,
    )
    return EXIT_OK


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``init`` and ``demo`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser("init", parents=[common_parent], help="create the local database for a station")
    p.add_argument("--station-code", required=True)
    p.add_argument("--station-name", required=True)
    p.add_argument("--procuratorate", required=True, help="派出检察院 full name")
    p.add_argument("--higher-procuratorate", help="上一级检察院 full name")
    p.add_argument("--detention-center", required=True, help="看守所 full name")
    p.add_argument("--agency-code", required=True, help="院代字 used in document numbers")
    p.add_argument("--user", required=True, help="first user's login name")
    p.add_argument("--display-name", help="first user's name as shown (default: --user)")
    p.add_argument(
        "--role",
        default="procurator",
        choices=["procurator", "chief_procurator", "assistant", "clerk", "admin"],
        help="the first user's role (admin: manages users and settings in the app, writes no records)",
    )
    p.add_argument("--device-name", help="name of this laptop (default: host name)")
    p.add_argument("--password-stdin", action="store_true", help="read the first user's password from stdin")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser(
        "demo",
        parents=[common_parent],
        help="create a database filled with realistic demo data (in the demo folder unless --data-dir)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing if the data dir already has a database"
    )
    p.add_argument("--password-stdin", action="store_true", help="read the demo user's password from stdin")
    p.set_defaults(func=cmd_demo, demo=True)  # demo data goes to the demo folder, never the real one
