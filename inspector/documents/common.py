"""Plain helpers every builder shares (no database): field access, labels, the station's printed parts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from inspector.domain.validation import local_date

__all__ = ["StationInfo", "as_date", "get", "label", "to_uuid"]


def get(obj: Any, name: str, default: Any = None) -> Any:
    """``obj[name]`` for a mapping, ``obj.name`` otherwise; ``default`` when missing or None."""
    value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
    return default if value is None else value


def label(enum: Any, value: Any) -> str:
    """The Chinese label of ``value`` in a LabelledEnum (the value itself if unknown, "" for None)."""
    if value is None or value == "":
        return ""
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value)


def to_uuid(value: Any) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def as_date(value: Any) -> date | None:
    """A date from a date, an aware datetime (Beijing calendar day) or ISO text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return local_date(value)
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class StationInfo:
    """The parts of the station a document prints."""

    procuratorate: str  # 派出院: the issuer of notices and suggestions
    name: str  # 检察室
    detention_center: str  # the usual addressee
    agency_code: str = ""
    higher_procuratorate: str | None = None

    @classmethod
    def of(cls, station: Any) -> StationInfo:
        return cls(
            procuratorate=get(station, "procuratorate", ""),
            name=get(station, "name", ""),
            detention_center=get(station, "detention_center", ""),
            agency_code=get(station, "agency_code", ""),
            higher_procuratorate=get(station, "higher_procuratorate"),
        )
