"""``inspector ledger …``: the daily review of the detention centre's ledgers
(``inspector.services.ledger_import``) — import a ledger and see its change report, confirm changes
into the register, print a kept report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.cli.common import EXIT_OK, UsageError, data_dir_of, tty_prompt

__all__ = ["register"]


def _kind(text: str | None) -> str | None:
    from inspector.domain.enums import LedgerKind

    if text is None:
        return None
    for member in LedgerKind:
        if text.strip() in (member.value, member.label, member.label.removesuffix("登记")):
            return member.value
    choices = ", ".join(f"{m.value} ({m.label})" for m in LedgerKind)
    raise UsageError(
        f"未知的台账类别：{text}（可选：{choices}）", f"unknown ledger kind {text!r} ({choices})"
    )


def _pairs(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"默认值应为“字段=值”：{item}", f"a default must be FIELD=VALUE: {item}")
        out[key.strip()] = value.strip()
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from inspector.services import ledger_import as li
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        result = li.import_ledger(
            store,
            Path(args.file),
            actor_for(store),
            kind=_kind(args.kind),
            profile=args.profile,
            sheet=args.sheet,
            map_specs=args.map,
            defaults=_pairs(args.default),
        )
        table = result.table
        print(f"台账 / ledger: {table.path} ({table.source}), {len(table.rows)} 行 / rows")
        print("列 / columns:")
        for i, header in enumerate(table.headers):
            fname = result.mapping.get(i)
            target = f"{li.FIELDS[fname][0]} ({fname})" if fname else "（不读取 / not read）"
            print(f"  {i + 1:>3} {header or '（无标题）'} → {target}")
        if result.profile:
            state = "已保存 / saved" if result.profile_saved else "已使用 / used"
            print(f"台账格式 / profile: {result.profile} ({state})")
        for line in li.report_lines(li.load_import(store, result.import_id)):
            print(line)
    short = result.import_id.hex[:8]
    print(f"导入编号 / import id: {short}（确认 / confirm: inspector ledger confirm {short} --all）")
    return EXIT_OK


def cmd_confirm(args: argparse.Namespace) -> int:
    from inspector.services import ledger_import as li
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    if not args.all and not args.item:
        raise UsageError("请用 --all 确认全部变动，或用 --item N 逐项确认", "give --all or --item N")
    with Store.open(data_dir_of(args), tty_prompt) as store:
        done = li.confirm(store, args.import_id, actor_for(store), items=None if args.all else args.item)
    status = {"pending": "待确认", "confirmed": "已确认", "partly": "部分确认"}[done.status]
    items = "、".join(str(n) for n in done.applied) or "无"
    print(f"已写入名册 / applied: {len(done.applied)} 项（{items}）")
    print(f"导入状态 / status: {status} ({done.status})")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from inspector.services import ledger_import as li
    from inspector.store.files import atomic_output
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        lines = li.report_lines(li.load_import(store, args.import_id))
    if args.out:
        with atomic_output(Path(args.out)) as out:
            out.write("\n".join(lines) + "\n")
        print(f"变动报告 / report: {args.out}")
    else:
        for line in lines:
            print(line)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from inspector.domain.enums import LedgerImportStatus, LedgerKind
    from inspector.domain.validation import SHANGHAI
    from inspector.services import ledger_import as li
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        rows = li.list_imports(store)
        profiles = li.list_profiles(store)
    for row in rows:
        when = row["imported_at"].astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        counts = "，".join(f"{li.ITEM_TYPES.get(k, k)} {v}" for k, v in row["counts"].items())
        kind, status = li.label_of(LedgerKind, row["kind"]), li.label_of(LedgerImportStatus, row["status"])
        print(f"{row['id'].hex[:8]}  {when}  {kind}  {row['file_name']}  {status}  {counts}")
    if not rows:
        print("尚无台账导入 / no ledger imports yet")
    for p in profiles:
        print(
            f"台账格式 / profile: {p['name']}（{li.label_of(LedgerKind, p['kind'])}）{len(p['columns'])} 列"
        )
    return EXIT_OK


def _rule(text: str) -> str:
    from inspector.domain.enums import LeadRule

    for member in LeadRule:
        if text.strip() in (member.value, member.label):
            return member.value
    choices = ", ".join(f"{m.value} ({m.label})" for m in LeadRule)
    raise UsageError(f"未知的线索规则：{text}（可选：{choices}）", f"unknown lead rule {text!r} ({choices})")


def _status(text: str) -> str:
    from inspector.domain.enums import LeadStatus

    for member in LeadStatus:
        if text.strip() in (member.value, member.label):
            return member.value
    choices = ", ".join(f"{m.value} ({m.label})" for m in LeadStatus)
    raise UsageError(
        f"未知的线索状态：{text}（可选：{choices}）", f"unknown lead status {text!r} ({choices})"
    )


def cmd_leads_scan(args: argparse.Namespace) -> int:
    from inspector.cli.common import day_arg
    from inspector.domain.enums import LeadRule
    from inspector.services import leads
    from inspector.services.ledger_import import label_of
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    today = day_arg(args.date, "--date") if args.date else None
    rules = [_rule(r) for r in args.rule] or None
    with Store.open(data_dir_of(args), tty_prompt) as store:
        result = leads.scan(
            store, actor_for(store), today=today, rules=rules, handover_days=args.handover_days
        )
    print(f"发现 / found: {result.found}，新线索 / new: {result.new}，已有 / already kept: {result.known}")
    for rule, n in sorted(result.by_rule.items()):
        print(f"  {label_of(LeadRule, rule)} ({rule}): {n}")
    return EXIT_OK


def cmd_leads_list(args: argparse.Namespace) -> int:
    from inspector.services import leads
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        rows = leads.list_leads(
            store,
            rule=_rule(args.rule) if args.rule else None,
            status=_status(args.status) if args.status else None,
            open_only=args.open,
        )
    for row in rows:
        head = f"{row['id'].hex[:8]}  {row['found_on']}  {row['status_label']}"
        print(f"{head}  {row['rule_label']}  {row['title']}")
        if args.full:
            print(f"      事实 / facts: {row['facts']}")
            print(f"      依据 / basis: {row['legal_basis']}")
            for rec in row["records"]:
                print(f"      记录 / record: {rec['table']} {rec['id'][:8]} {rec['label']}")
            if row["status_reason"]:
                print(f"      理由 / reason: {row['status_reason']}")
    if not rows:
        print("没有符合条件的监督线索 / no leads")
    return EXIT_OK


def cmd_leads_set_status(args: argparse.Namespace) -> int:
    from inspector.services import leads
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    with Store.open(data_dir_of(args), tty_prompt) as store:
        row = leads.set_status(
            store, args.lead_id, _status(args.status), actor_for(store), reason=args.reason
        )
    print(f"{row['id'].hex[:8]} {row['title']}：{row['status_label']} ({row['status']})")
    return EXIT_OK


def cmd_leads_raise(args: argparse.Namespace) -> int:
    from inspector.services import leads
    from inspector.services.policy import actor_for
    from inspector.store.store import Store

    kinds = {"finding": "finding", "oral": "oral_correction", "notice": "rectification_notice"}
    with Store.open(data_dir_of(args), tty_prompt) as store:
        raised = leads.raise_from_lead(store, args.lead_id, kinds[args.as_kind], actor_for(store))
    what = {"finding": "问题记录", "oral": "口头纠正意见", "notice": "纠正违法通知书（草稿）"}[args.as_kind]
    print(
        f"已制作 / created: {what} {raised.record_id.hex[:8]}（问题 / finding {raised.finding_id.hex[:8]}）"
    )
    return EXIT_OK


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Register ``ledger`` and ``leads`` on the ``inspector`` command's sub-parsers."""
    _register_leads(subparsers, common_parent)
    p = subparsers.add_parser(
        "ledger",
        parents=[common_parent],
        help="the daily review of the detention centre's ledgers (台账审查)",
    )
    sub = p.add_subparsers(title="ledger commands", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        parents=[common_parent],
        help="read a ledger (.xlsx or .csv) and keep its change report against the register (nothing is "
        "written to the register)",
    )
    imp.add_argument("file", help=".xlsx, or .csv in UTF-8, GBK or GB18030")
    imp.add_argument(
        "--kind", help="admission (入所登记), release (出所登记), serving (留所服刑), handover (换押)"
    )
    imp.add_argument(
        "--profile", help="the named column mapping to use; saved under this name the first time"
    )
    imp.add_argument("--sheet", help="the .xlsx sheet (default: the first)")
    imp.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD", help="map a column to a field"
    )
    imp.add_argument(
        "--default",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a value for a field with no column",
    )
    imp.set_defaults(func=cmd_import)
    con = sub.add_parser(
        "confirm", parents=[common_parent], help="apply changes of an import's report to the register"
    )
    con.add_argument("import_id", help="the import's id (its first 8 characters are enough)")
    con.add_argument("--all", action="store_true", help="every change not yet confirmed")
    con.add_argument("--item", type=int, action="append", default=[], metavar="N", help="change number N")
    con.set_defaults(func=cmd_confirm)
    show = sub.add_parser("show", parents=[common_parent], help="print an import's change report")
    show.add_argument("import_id")
    show.add_argument("--out", help="write the report to this text file")
    show.set_defaults(func=cmd_show)
    lst = sub.add_parser("list", parents=[common_parent], help="the imports and the saved profiles")
    lst.set_defaults(func=cmd_list)


def _register_leads(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "leads",
        parents=[common_parent],
        help="supervision leads (监督线索) the rules find in the register and ledgers",
    )
    sub = p.add_subparsers(title="leads commands", metavar="ACTION", required=True)
    scan = sub.add_parser("scan", parents=[common_parent], help="run the lead rules; keep the new leads")
    scan.add_argument("--date", help="the day to scan as, YYYY-MM-DD (default: today in Asia/Shanghai)")
    scan.add_argument("--rule", action="append", default=[], help="only this rule (code or Chinese name)")
    scan.add_argument(
        "--handover-days",
        type=int,
        default=3,
        help="days within which a 换押 is expected after a stage change",
    )
    scan.set_defaults(func=cmd_leads_scan)
    lst = sub.add_parser("list", parents=[common_parent], help="the leads, newest first")
    lst.add_argument("--rule", help="only this rule")
    lst.add_argument("--status", help="only this status: pending, checking, verified, excluded (or 待核实 …)")
    lst.add_argument("--open", action="store_true", help="only open leads (待核实, 核实中)")
    lst.add_argument("--full", action="store_true", help="with facts, legal basis and records")
    lst.set_defaults(func=cmd_leads_list)
    st = sub.add_parser(
        "set-status", parents=[common_parent], help="move a lead: 待核实 → 核实中 → 已核实 / 已排除"
    )
    st.add_argument("lead_id", help="the lead's id (its first 8 characters are enough)")
    st.add_argument("status", help="checking, verified, excluded, pending (or 核实中 …)")
    st.add_argument("--reason", help="why (required to exclude)")
    st.set_defaults(func=cmd_leads_set_status)
    rs = sub.add_parser(
        "raise",
        parents=[common_parent],
        help="a verified lead becomes a finding, an oral correction or a notice",
    )
    rs.add_argument("lead_id")
    rs.add_argument("--as", dest="as_kind", choices=["finding", "oral", "notice"], default="finding")
    rs.set_defaults(func=cmd_leads_raise)
