"""The demo's 台账审查 and 监督线索 (docs/ledger.md), made once the register is written.

* an 出所登记 ledger from the centre for the days before yesterday, every release in it already in the
  register: imported and confirmed (nothing to change, as on most days);
* yesterday's 出所登记 ledger, awaiting confirmation (待确认): a 取保候审 with its decision, a 转所 with
  its 换押证, releases with no paper or not the paper they rest on (flagged: 出所无相应法律文书) and
  one person the register does not hold;
* the lead rules run as of yesterday, a dozen leads at most kept (one of each rule first), four of
  them worked the way an office does: one left 待核实, one 核实中, one 已排除 with its reason, one
  已核实 and raised as an oral correction (its finding and correction made as the demo makes others).

The ledgers are csv files written to a temporary folder and read back by the import's own reader; their
change reports and the leads come from the services' own functions (``build_report``, ``scan_all``),
written as rows like the rest of the demo: dated yesterday at the latest, ids from the demo's seed.
"""

from __future__ import annotations

import csv
import tempfile
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.domain import enums as e
from inspector.services.lead_rules import scan_all
from inspector.services.ledger_import import build_report, map_columns, read_ledger
from inspector.store.models import Detainee, LedgerImport, SupervisionLead
from inspector.store.store import Store

__all__ = ["LedgerWork", "make_ledger_work"]

Row = dict[str, Any]
HEADERS = ("序号", "姓名", "身份证号", "出所日期", "出所方式", "出所凭证", "去向", "备注")
# The pending ledger's people are held in these stages (their releases are not confirmed: no 超期 made).
_HELD_STAGES = ("first_instance", "second_instance", "prosecution_review", "awaiting_execution")
_PAPER = {
    "released": "释放证明书",
    "delivered": "执行通知书",
    "transferred": "换押证",
    "bail": "取保候审决定书",
}
_WORD = {"released": "释放", "delivered": "投送监狱", "transferred": "转所", "bail": "取保候审"}
MAX_LEADS = 12
EXCLUDED_REASON = "经调阅看守所相关法律文书并询问管教民警，手续齐全，系台账、名册录入滞后所致，不构成违法"


class LedgerWork:
    """What :func:`make_ledger_work` needs from the demo: where rows go and how it makes ids and the
    finding with its oral correction."""

    def __init__(
        self,
        *,
        store: Store,
        user_id: uuid.UUID,
        new_id: Callable[[], uuid.UUID],
        add: Callable[[type[Any], Row], None],
        flush: Callable[[], None],
        oral_finding: Callable[[date, str, str, uuid.UUID | None], tuple[uuid.UUID, uuid.UUID]],
    ) -> None:
        self.store = store
        self.user_id = user_id
        self.new_id = new_id
        self.add = add
        self.flush = flush
        self.oral_finding = oral_finding


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """``hour:minute`` Beijing time on ``day``, as the store keeps it (UTC)."""
    return datetime.combine(day, time(hour, minute), tzinfo=UTC) - timedelta(hours=8)


def _write(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        for n, row in enumerate(rows, 1):
            out.writerow((str(n), *row))
    return path


def _import(
    w: LedgerWork, folder: Path, name: str, rows: Sequence[Sequence[str]], on: date, at: datetime
) -> tuple[uuid.UUID, Row]:
    table = read_ledger(_write(folder / name, rows))
    mapping = map_columns(table)
    with w.store.session(read_only=True) as s:
        report = build_report(s, w.store.station_id, table, mapping, e.LedgerKind.RELEASE.value, today=on)
    report["file"] = name
    report["source"] = name
    iid = w.new_id()
    row: Row = {
        "id": iid,
        "ledger_kind": e.LedgerKind.RELEASE.value,
        "profile_id": None,
        "file_name": name,
        "sha256": table.sha256,
        "imported_at": at,
        "imported_by": w.user_id,
        "row_count": len(table.rows),
        "report": report,
        "status": e.LedgerImportStatus.PENDING.value,
        "confirmed_at": None,
        "confirmed_by": None,
    }
    return iid, row


def make_ledger_work(w: LedgerWork, today: date) -> None:
    """Two ledger imports (one confirmed, one 待确认) and four leads in different states (module doc)."""
    yesterday = today - timedelta(days=1)
    with w.store.session(read_only=True) as s:
        released = list(
            s.execute(
                select(Detainee.name, Detainee.id_number, Detainee.discharged_on, Detainee.discharge_kind)
                .where(
                    Detainee.deleted_at.is_(None),
                    Detainee.discharged_on < yesterday,
                    Detainee.id_number.is_not(None),
                )
                .order_by(Detainee.discharged_on.desc(), Detainee.id_number)
                .limit(4)
            )
        )[::-1]
        held = list(
            s.execute(
                select(Detainee.name, Detainee.id_number)
                .where(
                    Detainee.deleted_at.is_(None),
                    Detainee.discharged_on.is_(None),
                    Detainee.stage.in_(_HELD_STAGES),
                    Detainee.id_number.is_not(None),
                )
                .order_by(Detainee.id_number)
                .limit(6)
            )
        )
    with tempfile.TemporaryDirectory(prefix="inspector-demo-ledger-") as tmp:
        folder = Path(tmp)
        if released:
            start = released[0].discharged_on
            rows = [
                (
                    r.name,
                    r.id_number or "",
                    f"{r.discharged_on:%Y-%m-%d}",
                    _WORD.get(r.discharge_kind or "released", "释放"),
                    _PAPER.get(r.discharge_kind or "released", ""),
                    "",
                    "",
                )
                for r in released
            ]
            day = min(released[-1].discharged_on + timedelta(days=1), yesterday - timedelta(days=1))
            _, row = _import(
                w,
                folder,
                f"出所登记_{start:%Y%m%d}-{released[-1].discharged_on:%Y%m%d}.csv",
                rows,
                day,
                _at(day, 9, 20),
            )
            row.update(
                status=e.LedgerImportStatus.CONFIRMED.value,
                confirmed_at=_at(day, 9, 35),
                confirmed_by=w.user_id,
            )
            w.add(LedgerImport, row)
        on = f"{yesterday:%Y-%m-%d}"
        words = (  # the third to sixth are flagged: no paper, or not the paper such a release rests on
            ("取保候审", "取保候审决定书", "", "变更强制措施"),
            ("转所", "换押证", "市第二看守所", ""),
            ("释放", "", "", "办案机关电话通知释放"),
            ("取保候审", "提讯证", "", ""),
            ("释放", "起诉书", "", "不起诉"),
            ("投送监狱", "判决书", "省第一监狱", ""),
        )
        rows = [(p.name, p.id_number or "", on, *word) for p, word in zip(held, words, strict=False)]
        rows.append(("邱建新", "", on, "释放", "释放证明书", "", ""))
        _, row = _import(
            w, folder, f"出所登记_{yesterday:%Y%m%d}.csv", rows, yesterday, _at(yesterday, 16, 40)
        )
        w.add(LedgerImport, row)
    w.flush()
    _leads(w, yesterday)


def _leads(w: LedgerWork, day: date) -> None:
    with w.store.session(read_only=True) as s:
        found = sorted(scan_all(s, w.store.station_id, day), key=lambda c: (c.rule, c.key))
    firsts = list({c.rule: c for c in reversed(found)}.values())  # one of each rule first
    # A handful, as an office that scans every day has: the rest are found by the next 扫描 in the app.
    order = (firsts + [c for c in found if c not in firsts])[:MAX_LEADS]
    states = ["pending", "checking", "excluded", "verified"] + ["pending"] * len(order)
    for n, (c, state) in enumerate(zip(order, states, strict=False)):
        at = _at(day, 17, 10 + n % 40) if state != "pending" else None
        row: Row = {
            "id": w.new_id(),
            "rule_code": c.rule,
            "key": c.key,
            "found_on": day,
            "title": c.title[:200],
            "facts": c.facts,
            "legal_basis": c.legal_basis,
            "detainee_id": c.detainee_id,
            "ledger_import_id": c.ledger_import_id,
            "records": list(c.records),
            "status": state,
            "status_reason": EXCLUDED_REASON if state == "excluded" else None,
            "status_by": w.user_id if at is not None else None,
            "status_at": at,
            "closed_on": day if state in ("excluded", "verified") else None,
            "finding_id": None,
            "oral_correction_id": None,
            "rectification_notice_id": None,
        }
        if state == "verified":
            row["finding_id"], row["oral_correction_id"] = w.oral_finding(
                day, c.facts, c.legal_basis, c.detainee_id
            )
        w.add(SupervisionLead, row)
    w.flush()
