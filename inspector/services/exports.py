"""Exports a user starts in the app, each written whole or not at all and then entered in the audit
log with who made it: a list's rows as the list shows them (:func:`export_list_xlsx`) and every
ledger of the store (:func:`export_ledgers_xlsx`), both as xlsx workbooks whose texts a spreadsheet
never runs as formulas (:mod:`inspector.export`); and, from the command line, every record as JSON
(:func:`export_records_json`).

The target is checked before anything is read: a folder, a device or a missing folder is refused
with a message naming it; a folder that cannot be written to gives a message naming the file and
the reason, and leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.domain.errors import InspectorError
from inspector.export import ExportSummary, export_json, export_xlsx, write_table_xlsx
from inspector.services import lists
from inspector.services.lists import Criteria, ListRow
from inspector.services.policy import Actor
from inspector.services.records import audit_event
from inspector.store.files import atomic_output_bytes, output_target
from inspector.store.store import Store

__all__ = [
    "EXPORT_DUTY",
    "EXPORT_LEDGERS",
    "EXPORT_LIST",
    "EXPORT_RECORDS",
    "PRINT",
    "SAVE_PDF",
    "SAVE_REPORT",
    "ExportWriteError",
    "ListExport",
    "export_ledgers_xlsx",
    "export_list_xlsx",
    "export_records_json",
    "record_print",
    "save_file",
    "save_pdf",
]

EXPORT_LIST = "export_list"
"""Audit action of a list's rows written to a file."""
EXPORT_LEDGERS = "export_ledgers"
"""Audit action of every ledger written to a file."""
EXPORT_RECORDS = "export_records"
"""Audit action of every record written to a JSON file (``inspector export``)."""
SAVE_PDF = "save_pdf"
"""Audit action of a document saved as a PDF file from the app's preview."""
PRINT = "print"
"""Audit action of a document sent to a printer from the app's preview."""
SAVE_REPORT = "save_report"
"""Audit action of an import's report (名册, 台账) saved as a CSV file."""
EXPORT_DUTY = "export_duty_roster"
"""Audit action of a month's duty roster written to an xlsx workbook."""

_CHUNK = 500  # rows read per query while the workbook is written


class ExportWriteError(InspectorError):
    """The export's file could not be written (code ``export_write``; params ``path``, ``reason``)."""

    code = "export_write"

    def __init__(self, path: Path, exc: OSError) -> None:
        reason = exc.strerror or type(exc).__name__
        super().__init__(
            f"无法写入 {path}：{reason}。请换一个文件夹或文件名再导出",
            f"cannot write {path}: {reason}. Choose another folder or file name and export again",
            params={"path": str(path), "reason": reason},
        )


@dataclass(frozen=True)
class ListExport:
    path: Path
    rows: int


def _written(path: Path, write: Callable[[], Any]) -> Any:
    try:
        return write()
    except OSError as exc:
        raise ExportWriteError(path, exc) from exc


def _audited(
    store: Store, actor: Actor, action: str, path: Path, detail: dict[str, Any], *, fmt: str = "xlsx"
) -> None:
    """The audit entry of a file just written; if it cannot be recorded, the file goes again (an export
    is either written and audited, or not there)."""
    try:
        audit_event(store, action, actor, None, None, {"format": fmt, "file": str(path), **detail})
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def export_list_xlsx(
    store: Store,
    actor: Actor,
    path: Path,
    *,
    list_key: str,
    criteria: Criteria | None,
    sort_key: str | None,
    descending: bool,
    title: str,
    headers: Sequence[str],
    cells: Callable[[ListRow], Sequence[Any]],
) -> ListExport:
    """The rows of list ``list_key`` that ``criteria`` select, in the order of ``sort_key``, as one sheet
    titled ``title``: ``headers`` over ``cells(row)`` of each row (the texts the list shows). Read from
    one snapshot of the ids, the rows fetched in chunks as the workbook is written."""
    path = path.expanduser()
    output_target(path)  # refused before anything is read
    page = lists.load_list(store, list_key, criteria, sort_key, descending)
    ids = page.ids if page is not None else []

    def rows() -> Iterator[Sequence[Any]]:
        for start in range(0, len(ids), _CHUNK):
            for row in lists.list_rows(store, list_key, ids[start : start + _CHUNK]):
                yield cells(row)

    count: int = _written(path, lambda: write_table_xlsx(path, title, headers, rows()))
    detail: dict[str, Any] = {"list": list_key, "title": title, "rows": count, "sort": sort_key}
    if sort_key is not None:
        detail["descending"] = descending
    if criteria is not None:
        detail["filter"] = {
            "text": criteria.text,
            "date_from": criteria.date_from.isoformat() if criteria.date_from else None,
            "date_to": criteria.date_to.isoformat() if criteria.date_to else None,
            "state": criteria.state,
        }
    _audited(store, actor, EXPORT_LIST, path, detail)
    return ListExport(path, count)


def export_ledgers_xlsx(store: Store, actor: Actor, path: Path) -> ExportSummary:
    """Every ledger of the store, a sheet each (:func:`inspector.export.export_xlsx`), audited."""
    path = path.expanduser()
    summary: ExportSummary = _written(path, lambda: export_xlsx(store, path))
    _audited(
        store,
        actor,
        EXPORT_LEDGERS,
        summary.path,
        {"sheets": len(summary.counts), "rows": sum(summary.counts.values())},
    )
    return summary


def export_records_json(store: Store, actor: Actor, path: Path) -> ExportSummary:
    """Every local record as JSON (:func:`inspector.export.export_json`, docs/export-format.md), audited."""
    path = path.expanduser()
    output_target(path)
    summary: ExportSummary = _written(path, lambda: export_json(store, path))
    _audited(
        store,
        actor,
        EXPORT_RECORDS,
        summary.path,
        {"tables": len(summary.counts), "rows": sum(summary.counts.values())},
        fmt="json",
    )
    return summary


def save_file(
    store: Store, actor: Actor, path: Path, data: bytes, *, action: str, fmt: str, detail: Mapping[str, Any]
) -> Path:
    """A file the user saves from the app (a PDF, a report, a workbook) written to ``path`` — whole or
    not at all, owner-only, never over a folder or a device — and entered in the audit log as
    ``action`` with ``detail``."""
    path = path.expanduser()
    output_target(path)

    def write() -> None:
        with atomic_output_bytes(path) as out:
            out.write(data)

    _written(path, write)
    _audited(store, actor, action, path, {**detail, "bytes": len(data)}, fmt=fmt)
    return path


def save_pdf(store: Store, actor: Actor, path: Path, data: bytes, *, document: Mapping[str, str]) -> Path:
    """A document's PDF saved from the preview (:func:`save_file`); ``document`` names it."""
    return save_file(
        store, actor, path, data, action=SAVE_PDF, fmt="pdf", detail={"document": dict(document)}
    )


def record_print(store: Store, actor: Actor, *, document: Mapping[str, str], pages: int) -> None:
    """The audit entry of a document sent to a printer (``pages`` sheets)."""
    audit_event(store, PRINT, actor, None, None, {"document": dict(document), "pages": pages})
