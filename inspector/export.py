"""``inspector export --format json``: every record, streamed table by table.

Documented in docs/export-format.md. The office export (sync issue) writes the same schema, so the
row encoding here is shared: :func:`encode_value` turns a column value into JSON.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Table, select

import inspector
from inspector.domain.validation import SHANGHAI
from inspector.store import migrate
from inspector.store.base import Base
from inspector.store.files import atomic_output, atomic_output_bytes, output_target
from inspector.store.models import AppUser, Blob, Detainee
from inspector.store.store import Store
from inspector.store.types import utc_now

FORMAT = "inspector-export"
FORMAT_VERSION = 1
# Local-only tables that are not records: secrets, sync bookkeeping, per-file facts.
NOT_EXPORTED = frozenset(
    {
        "local_credential",
        "local_meta",
        "form_draft",
        "sync_outbox",
        "sync_capture",
        "blob",
        "sync_batch",
        "sync_batch_entry",
        "sync_conflict",
        "sync_blob_transfer",
        "sync_blob_part",
        "custody_status",
    }
)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]


def encode_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def exported_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED]


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=2000).execute(
        select(table).order_by(*order)
    )
    for row in result.mappings():
        yield {k: encode_value(v) for k, v in row.items()}


def write_export(conn: Connection, out: IO[str], header: dict[str, Any]) -> dict[str, int]:
    """Write the whole export document to ``out``; returns the row count per table."""
    counts: dict[str, int] = {}
    out.write("{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    out.write('  "tables": {')
    tables = exported_tables()
    for ti, table in enumerate(tables):
        out.write(f"\n    {json.dumps(table.name)}: [")
        n = 0
        for row in _rows(conn, table):
            out.write(("," if n else "") + "\n      " + json.dumps(row, ensure_ascii=False, sort_keys=True))
            n += 1
        out.write("\n    ]" if n else "]")
        out.write("," if ti < len(tables) - 1 else "")
        counts[table.name] = n
    out.write('\n  },\n  "blobs": [')
    n = 0
    result = conn.execution_options(stream_results=True, yield_per=100).execute(
        select(Blob.sha256, Blob.size, Blob.data).order_by(Blob.sha256)
    )
    for sha, size, data in result:
        item = {"sha256": sha, "size": size, "data_base64": base64.b64encode(data).decode("ascii")}
        out.write(("," if n else "") + "\n    " + json.dumps(item))
        n += 1
    counts["blob"] = n
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return counts


def export_header(station_id: object, device_id: object, **extra: Any) -> dict[str, Any]:
    """The header of every export, the laptop's and the office's (docs/export-format.md)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": inspector.__version__,
        "schema_revision": migrate.head_revision(),
        "exported_at": utc_now().isoformat(),
        "station_id": encode_value(station_id),
        "device_id": encode_value(device_id),
        **extra,
    }


def atomic_text_file(path: Path) -> AbstractContextManager[IO[str]]:
    """Write ``path`` whole or not at all, owner-only, and only if it is a regular file or new
    (:func:`inspector.store.files.atomic_output`): a half-written export never replaces a good file,
    and a folder or a device named as the output is refused, not replaced."""
    return atomic_output(path)


def export_json(store: Store, path: Path) -> ExportSummary:
    """Write atomically and owner-only: a half-written export never replaces a good file. The target is
    checked before the database is read."""
    header = export_header(store.station_id, store.device_id)
    path = path.expanduser()
    with atomic_text_file(path) as out, store.read_connection() as conn:
        counts = write_export(conn, out, header)
    return ExportSummary(path, counts)


# ---- spreadsheets (xlsx) ---------------------------------------------------------------------------
#
# Every ledger as a sheet of a workbook, for reading and filtering in a spreadsheet: Chinese headers,
# choices by their labels, users and detainees by name, times in Beijing time, soft-deleted rows left
# out. A text that a spreadsheet would take for a formula (= + - @, or a tab or carriage return
# first) is written as text with Excel's quote prefix: shown as typed, never run, still text after
# an edit. Characters XML cannot hold are dropped; a text longer than a cell holds is cut.

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_MAX = 32_767
NOT_LEDGERS = frozenset({"station", "station_setting", "app_user", "attachment"})
_HIDDEN_COLUMNS = frozenset({"station_id", "server_version", "device_id", "deleted_at"})
_SYNC_HEADERS = {
    "id": "编号",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "created_by": "创建人",
    "updated_by": "修改人",
}


@dataclass(frozen=True)
class Sheet:
    """One sheet: a title, its column headers and its rows (plain values: text, numbers, dates)."""

    title: str
    headers: list[str]
    rows: Iterable[Sequence[Any]]


def escape_formula(text: str) -> tuple[str, bool]:
    """(text fit for a cell, whether it must be shown as quoted text rather than evaluated)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    clean = ILLEGAL_CHARACTERS_RE.sub("", text)[:XLSX_CELL_MAX]
    return clean, clean.startswith(FORMULA_STARTS)


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return {True: "是", False: "否"}.get(value, value) if isinstance(value, bool) else value
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date | time):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return "、".join(str(_xlsx_value(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_xlsx(path: Path, sheets: Iterable[Sheet]) -> dict[str, int]:
    """Write a workbook (streamed, owner-only, whole or not at all); returns the rows per sheet. Every
    text cell goes through :func:`escape_formula`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    counts: dict[str, int] = {}
    titles: set[str] = set()
    for sheet in sheets:
        title = _sheet_title(sheet.title, titles)
        ws = book.create_sheet(title)
        bold = Font(bold=True)
        header = []
        for text in sheet.headers:
            cell = WriteOnlyCell(ws, value=escape_formula(text)[0])
            cell.font = bold
            header.append(cell)
        ws.append(header)
        n = 0
        for row in sheet.rows:
            cells: list[Any] = []
            for value in row:
                shown = _xlsx_value(value)
                if isinstance(shown, str):
                    text, quoted = escape_formula(shown)
                    cell = WriteOnlyCell(ws, value=text)
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    if quoted:
                        cell.quotePrefix = True
                    cells.append(cell)
                else:
                    cells.append(shown)
            ws.append(cells)
            n += 1
        counts[title] = n
    with atomic_output_bytes(path) as out:
        book.save(out)
    return counts


def _sheet_title(title: str, taken: set[str]) -> str:
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)[:28] or "Sheet"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name)
    return name


def ledger_sheets(conn: Connection) -> Iterator[Sheet]:
    """Every ledger (record table) of the store, as it reads in the app."""
    from inspector.domain.catalogue import FieldKind, field_of, kind_label, label

    users = {r[0]: r[1] for r in conn.execute(select(AppUser.id, AppUser.display_name))}
    people = {r[0]: r[1] for r in conn.execute(select(Detainee.id, Detainee.name))}
    for table in Base.metadata.sorted_tables:
        if "server_version" not in table.c or table.name in NOT_LEDGERS:
            continue
        columns = [c for c in table.columns if c.name not in _HIDDEN_COLUMNS]
        kind = table.name

        def shown(col: str, value: Any, kind: str = kind) -> Any:
            f = field_of(kind, col)
            if value is None:
                return None
            if col in ("created_by", "updated_by") or (f is not None and f.kind == FieldKind.USER):
                return users.get(value, value)
            if f is not None and f.kind == FieldKind.USERS and isinstance(value, list):
                return [users.get(uuid.UUID(str(v)), v) for v in value]
            if col == "detainee_id" or (f is not None and f.kind == FieldKind.DETAINEE):
                return people.get(value, value)
            if f is not None and f.choices:
                if isinstance(value, list):
                    return [f.choice_label(v) for v in value]
                return f.choice_label(value)
            return value

        def rows(table: Table = table, columns: list[Any] = columns) -> Iterator[list[Any]]:
            query = select(*columns).where(table.c.deleted_at.is_(None)).order_by(table.c.created_at)
            for row in conn.execution_options(stream_results=True, yield_per=2000).execute(query):
                yield [shown(c.name, v) for c, v in zip(columns, row, strict=True)]

        headers = [_SYNC_HEADERS.get(c.name) or label(kind, c.name) for c in columns]
        yield Sheet(kind_label(kind), headers, rows())


def export_xlsx(store: Store, path: Path) -> ExportSummary:
    """Every ledger to one workbook, a sheet each (owner-only; written whole or not at all)."""
    path = path.expanduser()
    output_target(path)
    with store.read_connection() as conn:
        counts = write_xlsx(path, ledger_sheets(conn))
    return ExportSummary(path, counts)


def write_table_xlsx(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """One titled table (a list as the app shows it) as a workbook of one sheet, through
    :func:`write_xlsx`: every text escaped, written whole or not at all. Returns the rows written."""
    counts = write_xlsx(path, [Sheet(title, list(headers), rows)])
    return sum(counts.values())
