"""``inspector backup --out FILE`` and ``inspector restore FILE``: the database (still encrypted) and its
key record in one owner-only file, and back (``inspector.store.backup``)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt

__all__ = ["cmd_backup", "cmd_restore", "register"]


def cmd_backup(args: argparse.Namespace) -> int:
    from inspector.store.files import output_target
    from inspector.store.store import Store

    if args.out is None and args.keep_daily is None:
        raise UsageError("请用 --out 指定备份文件", "give the backup file with --out")
    out = Path(args.out).expanduser() if args.out else None
    if out is not None:
        output_target(out)
    with Store.open(data_dir_of(args), tty_prompt) as store:
        if args.keep_daily is not None:
            kept = store.keep_daily(args.keep_daily)
            print(f"每日自动备份保留 {kept} 份 / daily backups kept: {kept}")
        if out is not None:
            info = store.write_backup(out)
            print(f"已备份 / backed up: {info.path} ({info.size:,} bytes, schema {info.schema_revision})")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from inspector.store.backup import restore

    code = None
    if args.recovery_code_stdin:
        code = sys.stdin.readline().strip()
    elif args.recovery_code:
        code = getpass.getpass("恢复码 / Recovery code: ").strip()
    if code is not None and not code:
        raise UsageError("没有提供恢复码", "no recovery code given")
    data_dir = data_dir_of(args)
    info = restore(
        data_dir, Path(args.file).expanduser(), replace=args.replace, prompt=tty_prompt, recovery_code=code
    )
    made = info.manifest.get("created_at", "?")
    print(f"已从备份恢复 / restored: {info.data_dir} (backup of {made})")
    if info.kept_aside is not None:
        print(f"原数据库保留在 / the database it replaced is kept in: {info.kept_aside}")
    print(
        "备份之后的修改如已同步，下次同步时会从检察院取回 / changes made after the backup that reached the "
        "office come back at the next sync"
    )
    return EXIT_OK


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``backup`` and ``restore`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser(
        "backup", parents=[common_parent], help="copy the (encrypted) database and its key record to a file"
    )
    p.add_argument("--out", help="the backup file to write")
    p.add_argument(
        "--keep-daily",
        type=int,
        metavar="N",
        help="how many daily copies (in the data folder's backups/) this laptop keeps: 1-365, default 7",
    )
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser(
        "restore", parents=[common_parent], help="put a backup made by `inspector backup` back"
    )
    p.add_argument("file", help="the backup file")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the database in the data folder (it is kept in backups/replaced-<time>/)",
    )
    p.add_argument(
        "--recovery-code",
        action="store_true",
        help="the key is not in this machine's keyring: type the recovery code",
    )
    p.add_argument("--recovery-code-stdin", action="store_true", help="read the recovery code from stdin")
    p.set_defaults(func=cmd_restore)
