"""``inspector settings [list [KEY] | set KEY VALUE | reset KEY]``: station settings, validated and synced."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt

__all__ = ["cmd_settings", "register"]


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


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``settings`` on the ``inspector`` command's sub-parsers."""
    p = subparsers.add_parser(
        "settings", parents=[common_parent], help="station settings: list, set KEY VALUE, reset KEY (synced)"
    )
    p.add_argument(
        "words",
        nargs="*",
        metavar="[list [KEY] | set KEY VALUE | reset KEY]",
        help="VALUE: a number, true/false, text or JSON",
    )
    p.set_defaults(func=cmd_settings)
