"""What the desktop's 台账审查 and 监督线索 pages read, Qt-free: a kept change report grouped by kind of
change, each item described in words (what confirming it writes, what is flagged and why), the
report as CSV rows for 保存报告…, and the number of open leads the navigation shows.

Reads only: the import, the confirmation and the leads' steps are :mod:`inspector.services.ledger_import`
and :mod:`inspector.services.leads`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from inspector.domain import enums as e
from inspector.domain.validation import SHANGHAI
from inspector.services.ledger_import import CONFIRMABLE, FIELDS, ITEM_TYPES, label_of, shown_value
from inspector.store.models import LedgerImport, SupervisionLead
from inspector.store.store import Store

__all__ = [
    "GROUP_ORDER",
    "ReportGroup",
    "ReportItem",
    "grouped_report",
    "open_lead_count",
    "pending_import_count",
    "report_csv",
    "report_pdf",
]

# The report's groups in the order the page shows them: what can be confirmed first.
GROUP_ORDER = (
    "admission",
    "release",
    "transfer_out",
    "stage_change",
    "handover",
    "serving",
    "ledger_only",
    "register_only",
    "rejected",
    "unchanged",
)
_LABELS = {"admission_documents": "收押凭证", "discharge_documents": "出所凭证"}
_HIDDEN = frozenset({"name", "id_number"})  # shown in the item's own columns


@dataclass(frozen=True)
class ReportItem:
    """One item of a change report, as the page shows it."""

    n: int
    kind: str  # ITEM_TYPES key
    name: str
    id_number: str
    line: int | None  # the ledger's line (None: the register only)
    confirmable: bool
    applied: bool
    detainee_id: str | None
    changes: list[str]  # 字段：值 lines of what confirming writes
    events: list[str]  # custody events confirming records
    notes: list[str]
    flags: list[str]  # what the procurator should look at, and why

    @property
    def pending(self) -> bool:
        """May still be confirmed into the register."""
        return self.confirmable and not self.applied

    @property
    def summary(self) -> str:
        """One line: the first flag, else the first note, else the first change."""
        for texts in (self.flags, self.notes, self.changes):
            if texts:
                return texts[0]
        return ""


@dataclass(frozen=True)
class ReportGroup:
    kind: str
    label: str  # 新收押, 出所 …
    items: list[ReportItem] = field(default_factory=list)


def _item(raw: Mapping[str, Any]) -> ReportItem:
    changes = [
        f"{FIELDS[k][0] if k in FIELDS else _LABELS.get(k, k)}：{shown_value(k, v)}"
        for k, v in (raw.get("changes") or {}).items()
        if k not in _HIDDEN
    ]
    events = [
        f"{label_of(e.CustodyEventKind, ev.get('kind'))} {ev.get('occurred_on', '')}"
        + (f"（{ev['document_no']}）" if ev.get("document_no") else "")
        for ev in raw.get("events") or []
    ]
    return ReportItem(
        n=int(raw["n"]),
        kind=str(raw["type"]),
        name=str(raw.get("name") or ""),
        id_number=str(raw.get("id_number") or ""),
        line=raw.get("line"),
        confirmable=bool(raw.get("confirmable")),
        applied=bool(raw.get("applied")),
        detainee_id=raw.get("detainee_id"),
        changes=changes,
        events=events,
        notes=[str(n) for n in raw.get("notes") or []],
        flags=[str(f.get("text", "")) for f in raw.get("flags") or []],
    )


def grouped_report(loaded: Mapping[str, Any]) -> list[ReportGroup]:
    """The items of a loaded import (:func:`ledger_import.load_import`) by kind of change, in
    :data:`GROUP_ORDER`; empty groups left out."""
    by_kind: dict[str, list[ReportItem]] = {}
    for raw in (loaded.get("report") or {}).get("items", []):
        item = _item(raw)
        by_kind.setdefault(item.kind, []).append(item)
    order = [*GROUP_ORDER, *sorted(set(by_kind) - set(GROUP_ORDER))]
    return [ReportGroup(k, ITEM_TYPES.get(k, k), by_kind[k]) for k in order if k in by_kind]


REPORT_HEADERS = (
    "序号", "变动类别", "姓名", "身份证号", "台账行", "确认情况", "写入名册的内容", "提示", "说明",
)  # fmt: skip


def _state(item: ReportItem) -> str:
    if item.applied:
        return "已写入名册"
    return "待确认" if item.confirmable else "无需写入"


def report_csv(loaded: Mapping[str, Any]) -> str:
    """The change report as CSV (a title row, then one row per item, every group), UTF-8 with a BOM so
    that a spreadsheet opens it as such."""
    out = io.StringIO()
    w = csv.writer(out)
    report = loaded.get("report") or {}
    when = loaded["imported_at"].astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    w.writerow(
        [
            f"{label_of(e.LedgerKind, loaded['kind'])}台账 {loaded['file_name']}",
            f"{loaded['row_count']}行",
            f"{when}导入",
            label_of(e.LedgerImportStatus, loaded["status"]),
            str(report.get("source", "")),
        ]
    )
    w.writerow(REPORT_HEADERS)
    for group in grouped_report(loaded):
        for item in group.items:
            w.writerow(
                [
                    item.n,
                    group.label,
                    item.name,
                    item.id_number,
                    item.line if item.line is not None else "名册",
                    _state(item),
                    "；".join(item.changes + item.events),
                    "；".join(item.flags),
                    "；".join(item.notes),
                ]
            )
    return "\ufeff" + out.getvalue()


def report_pdf(loaded: Mapping[str, Any]) -> bytes:
    """The change report as a printable PDF (the documents' typesetting): a title, what was imported,
    then one ruled table per kind of change — each item with what confirming writes, the flags and
    the notes, and whether it was written."""
    from inspector.documents.layout import Column, Document, Span

    report = loaded.get("report") or {}
    kind = label_of(e.LedgerKind, loaded["kind"])
    when = loaded["imported_at"].astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    doc = Document(f"{kind}台账变动报告")
    doc.title(f"{kind}台账变动报告")
    status = label_of(e.LedgerImportStatus, loaded["status"])
    doc.line(
        Span(f"{loaded['file_name']}　{loaded['row_count']}行　{when}导入　{status}", "ledger"),
        align="center",
        size=12.0,
    )
    columns = [
        Column("序号", 9, "center"),
        Column("姓名", 16, "center"),
        Column("身份证号", 30, "center"),
        Column("台账行", 11, "center"),
        Column("确认情况", 17, "center"),
        Column("写入名册的内容、提示与说明", 73),
    ]
    for group in grouped_report(loaded):
        doc.blank()
        doc.line(Span(f"{group.label}（{len(group.items)}）", "ledger"), size=12.0, keep_next=True)
        rows = []
        for item in group.items:
            lines = [*item.changes, *item.events, *(f"【注意】{f}" for f in item.flags), *item.notes]
            rows.append(
                [
                    str(item.n),
                    item.name,
                    item.id_number,
                    str(item.line) if item.line is not None else "名册",
                    _state(item),
                    "\n".join(lines) or "—",
                ]
            )
        doc.table(columns, rows, field="ledger", size=9.0, leading=12.5)
    if not report.get("items"):
        doc.line(Span("本次导入没有可比对的记录。", "ledger"))
    return doc.render()


def open_lead_count(store: Store) -> int:
    """Leads still to be worked (待核实 and 核实中): the count beside 监督线索 in the navigation."""
    with store.session(read_only=True) as s:
        n = s.scalar(
            select(func.count())
            .select_from(SupervisionLead)
            .where(
                SupervisionLead.deleted_at.is_(None),
                SupervisionLead.status.in_((e.LeadStatus.PENDING.value, e.LeadStatus.CHECKING.value)),
            )
        )
        return int(n or 0)


_UNCONFIRMED = (e.LedgerImportStatus.PENDING.value, e.LedgerImportStatus.PARTLY.value)


def pending_import_count(store: Store) -> int:
    """Imports with changes still to confirm (待确认 or 部分确认, and something in the report that can be
    confirmed): the count beside 台账审查."""
    with store.session(read_only=True) as s:
        n = 0
        for status, report in s.execute(
            select(LedgerImport.status, LedgerImport.report).where(
                LedgerImport.deleted_at.is_(None),
                LedgerImport.status.in_(
                    (e.LedgerImportStatus.PENDING.value, e.LedgerImportStatus.PARTLY.value)
                ),
            )
        ):
            items = (report or {}).get("items", [])
            if status == e.LedgerImportStatus.PARTLY.value or any(
                i.get("type") in CONFIRMABLE and not i.get("applied") for i in items
            ):
                n += 1
        return n
