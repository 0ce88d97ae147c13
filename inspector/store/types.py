"""Column types shared by the models: aware UTC timestamps stored as ISO text."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Dialect, LargeBinary, String
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``.

    Naive datetimes are refused: a timestamp without a zone is a bug waiting for a time-zone change.
    Fixed-width ISO text sorts and compares correctly in SQLite.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: store timestamps as aware UTC values")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)


class CompressedJSONBytes(TypeDecorator[bytes]):
    """UTF-8 JSON bytes, stored zlib-compressed; reads give back exactly the bytes written.

    Frozen sync batches are a few hundred KB of repetitive JSON, written and soon deleted again in
    the encrypted database: compressing them (≈ 1 ms) saves several times that in page writes.
    Values written before compression (JSON text begins with ``{`` or ``[``, zlib with 0x78) are
    returned as they are.
    """

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else zlib.compress(value, 1)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None or value[:1] in (b"{", b"["):
            return value
        return zlib.decompress(value)


def utc_now() -> datetime:
    return datetime.now(UTC)
