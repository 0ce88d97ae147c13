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
        if not args.no_recovery_code:
            show_recovery_code(store)
    return EXIT_OK


RECOVERY_NOTE = (
    "请抄下这个恢复码，与电脑分开保管；它只显示这一次。系统密钥环中的数据库密钥丢失时，"
    "用 inspector recover 和它找回密钥，否则尚未同步的记录将无法打开。\n"
    "Write this recovery code down and keep it apart from the laptop; it is shown only this once. If the "
    "database key is lost from the OS keyring, `inspector recover` takes it back with this code; without "
    "it, records not yet synced cannot be opened."
)


def show_recovery_code(store: Store) -> None:
    """Make the database's recovery code and print it, once (nothing when its key is a passphrase)."""
    code = store.make_recovery_code()
    if code is None:
        return
    print(f"恢复码 / recovery code: {code}")
    print(RECOVERY_NOTE)


def cmd_recover(args: argparse.Namespace) -> int:
    from inspector.store.store import Store

    data_dir = data_dir_of(args)
    if args.code_stdin or not sys.stdin.isatty():
        code = sys.stdin.readline().strip()
    else:
        code = getpass.getpass("恢复码 / Recovery code: ")
    if not code:
        raise UsageError("没有提供恢复码", "no recovery code given")
    Store.recover_key(data_dir, code)
    print(f"数据库密钥已放回系统密钥环 / the database key is back in the OS keyring: {data_dir}")
    return EXIT_OK


def cmd_recovery_code(args: argparse.Namespace) -> int:
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        code = store.make_recovery_code()
        if code is None:
            raise UsageError(
                "该数据库的密钥由口令生成，口令本身就是恢复手段",
                "this database's key is a passphrase: it is its own recovery",
            )
        print(f"新的恢复码 / new recovery code: {code}（旧的恢复码已失效 / the old one no longer works）")
        print(RECOVERY_NOTE)
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
    p.add_argument(
        "--no-recovery-code", action="store_true", help="do not make (and print) the key's recovery code"
    )
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser(
        "recover",
        parents=[common_parent],
        help="put the database key back in the OS keyring from its recovery code",
    )
    p.add_argument("--code-stdin", action="store_true", help="read the recovery code from stdin")
    p.set_defaults(func=cmd_recover)

    p = subparsers.add_parser(
        "recovery-code",
        parents=[common_parent],
        help="make a new recovery code for the database key (the old one stops working)",
    )
    p.set_defaults(func=cmd_recovery_code)

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
