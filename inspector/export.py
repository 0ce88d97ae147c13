"""``inspector export --format json``: every record, streamed table by table.

Documented in docs/export-format.md. The office export (sync issue) writes the same schema, so the
row encoding here is shared: :func:`encode_value` turns a column value into JSON.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Table, select

import inspector
from inspector.store import migrate
from inspector.store.base import Base
from inspector.store.files import atomic_output
from inspector.store.models import Blob
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
