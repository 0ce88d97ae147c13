"""What the laptop and the office agree on: the synced tables, their columns, and how values travel.

``SCHEMA_VERSION`` names the shape of the synced records (tables, columns, types) and of the
protocol. Laptop and office must agree exactly; a mismatch is "upgrade required" on either side,
and nothing is consumed. Changing a synced model without raising ``SCHEMA_VERSION`` (and adding
its fingerprint to ``KNOWN_FINGERPRINTS``) fails ``tests/sync/test_schema.py``.

Values travel as JSON, encoded like the export (``inspector.export.encode_value``): UUIDs and
timestamps as strings, timestamps ISO 8601 in UTC. :func:`decode_row` turns them back into the
Python values the local columns take.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, Table, Time, Uuid
from sqlalchemy.dialects import postgresql

import inspector.store.models  # noqa: F401  (registers every table)
from inspector.export import encode_value
from inspector.store.base import SYNC_COLUMNS, Base, synced_tables
from inspector.store.types import UTCDateTime

SCHEMA_VERSION = 3
# SCHEMA_VERSION -> fingerprint of the synced tables it describes (see :func:`fingerprint`).
KNOWN_FINGERPRINTS = {
    1: "d4fef366828d62dd",
    2: "d516e61b5d1832c5",  # + staff_member, duty_plan, duty_sign_in (the duty roster)
    3: "d81b727314437922",  # + ledger_profile, ledger_import, supervision_lead (ledger review, leads)
}

# Server-only columns on every office copy of a synced table (never stored on the laptop).
SERVER_COLUMNS = ("row_version", "server_xid", "server_seq")
# Columns that say who/when, not what: left out when telling a person which fields differ.
BOOKKEEPING = frozenset(SYNC_COLUMNS) - {"deleted_at"}

# Document kinds whose numbers (文号) come from office leases: table name -> doc_type.
NUMBERED_TABLES = {
    "rectification_notice": "rectification_notice",
    "procuratorial_suggestion": "procuratorial_suggestion",
}


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    kind: str  # uuid / timestamptz / date / time / json / bool / int / text
    pg_type: str
    nullable: bool
    primary_key: bool


def _kind(col: Column[Any]) -> tuple[str, str]:
    t = col.type
    if isinstance(t, UTCDateTime):
        return "timestamptz", "timestamptz"
    if isinstance(t, Uuid):
        return "uuid", "uuid"
    if isinstance(t, JSON):
        return "json", "jsonb"
    compiled = str(t.compile(dialect=postgresql.dialect())).lower()  # type: ignore[no-untyped-call]
    if isinstance(t, Boolean):
        return "bool", compiled
    if isinstance(t, Integer):
        return "int", compiled
    if isinstance(t, Date):
        return "date", compiled
    if isinstance(t, Time):
        return "time", compiled
    return "text", compiled


@cache
def table_names() -> tuple[str, ...]:
    """Synced tables, parents first."""
    return tuple(synced_tables())


def table(name: str) -> Table:
    if name not in table_names():
        raise KeyError(f"{name} is not a synced table")
    return Base.metadata.tables[name]


@cache
def columns(name: str) -> tuple[ColumnInfo, ...]:
    out = []
    for col in table(name).columns:
        kind, pg_type = _kind(col)
        out.append(ColumnInfo(col.name, kind, pg_type, bool(col.nullable), bool(col.primary_key)))
    return tuple(out)


def fingerprint() -> str:
    """A short hash of every synced table's columns and types: changes when the record shape does."""
    shape = [[name, [[c.name, c.pg_type, c.nullable] for c in columns(name)]] for name in table_names()]
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]


def encode_row(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: encode_value(v) for k, v in values.items()}


# SQLite's JSON text of one stored value (the column is not NULL): JSON documents embedded as they
# are, 0/1 as booleans, everything else as json_quote gives it (text quoted, numbers bare). Ids travel
# as SQLite stores them, 32 hex digits, which PostgreSQL's uuid input reads like the hyphenated form
# (hyphenating them in SQL doubled the cost of building a row).
_MEMBER_SQL: dict[str, str] = {
    "json": "json({c})",
    "bool": "CASE WHEN {c} THEN 'true' ELSE 'false' END",
}
_ARGS_PER_CALL = 50  # concat_ws takes at most SQLITE_MAX_FUNCTION_ARG (127 by default) arguments


@cache
def row_json_sql(name: str) -> str:
    """An SQLite expression giving a stored row's JSON object, as the office takes it.

    Built by SQLite itself (no Python object per value): one ``"key":value`` member per non-NULL
    column — ``concat_ws`` skips the NULL ones, and the office reads a missing key as NULL.
    """
    members = []
    for c in columns(name):
        quoted = f'"{c.name}"'
        value = _MEMBER_SQL.get(c.kind, "json_quote({c})").format(c=quoted)
        members.append(f"""CASE WHEN {quoted} IS NOT NULL THEN '"{c.name}":' || {value} END""")
    parts = [
        f"NULLIF(concat_ws(',', {', '.join(members[i : i + _ARGS_PER_CALL])}), '')"
        for i in range(0, len(members), _ARGS_PER_CALL)
    ]
    return f"""'{{' || concat_ws(',', {", ".join(parts)}) || '}}'"""


def _stored_timestamp(value: Any) -> str:
    if isinstance(value, str) and value.endswith("+00:00") and len(value) in (25, 32):
        return value if len(value) == 32 else value[:19] + ".000000+00:00"  # the office's UTC forms
    when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _stored_time(value: Any) -> str:
    when = value if isinstance(value, time) else time.fromisoformat(value)
    return when.isoformat(timespec="microseconds")


def _stored_json(value: Any) -> str:
    return "[]" if value == [] else json.dumps(value)


_TO_STORED: dict[str, Any] = {
    "uuid": lambda v: str(v).replace("-", ""),
    "timestamptz": _stored_timestamp,
    "json": _stored_json,
    "bool": lambda v: 1 if v else 0,
    "time": _stored_time,
    "date": lambda v: v.isoformat() if isinstance(v, date) else str(v),
}


@cache
def _stored_converters(name: str) -> tuple[tuple[str, Any], ...]:
    return tuple((c.name, _TO_STORED.get(c.kind)) for c in columns(name))


def to_stored(name: str, data: Mapping[str, Any]) -> tuple[Any, ...]:
    """The office's JSON for a row → the values SQLite stores, in :func:`column_names` order.

    The fast path of writing :func:`decode_row`'s values through SQLAlchemy: the same stored forms
    (``UTCDateTime`` text, 32-digit UUIDs, JSON text, 0/1), without the per-value type machinery.
    """
    out = []
    for key, convert in _stored_converters(name):
        value = data.get(key)
        out.append(value if value is None or convert is None else convert(value))
    return tuple(out)


def column_names(name: str) -> list[str]:
    return [c.name for c in columns(name)]


def _decode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "uuid":
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if kind == "timestamptz":
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(value)
    if kind == "time":
        return value if isinstance(value, time) else time.fromisoformat(value)
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return value


def decode_row(name: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """JSON values (as pushed, or as the office's ``to_jsonb`` gives them) → local column values.

    Only the local table's columns are kept; the office's server columns are dropped.
    """
    return {c.name: _decode(c.kind, data.get(c.name)) for c in columns(name)}


def normalise(name: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """One JSON form for a row whichever side it came from, so that two rows compare field by field."""
    return encode_row(decode_row(name, data))


def changed_fields(name: str, mine: Mapping[str, Any] | None, theirs: Mapping[str, Any] | None) -> list[str]:
    """The record fields (not bookkeeping) whose values differ between two rows."""
    a = normalise(name, mine or {})
    b = normalise(name, theirs or {})
    return [c.name for c in columns(name) if c.name not in BOOKKEEPING and a[c.name] != b[c.name]]
