"""How values look on screen: dates in Asia/Shanghai, masked ID numbers, lists, yes/no.

Qt-free, so the rules can be unit-tested and reused by exports later.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from inspector.domain.enums import LabelledEnum
from inspector.domain.validation import SHANGHAI

EMPTY = "—"


def local_datetime(value: datetime) -> datetime:
    """An aware timestamp (stored in UTC) as Asia/Shanghai wall-clock time."""
    return value.astimezone(SHANGHAI)


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local_datetime(value).date() if value.tzinfo is not None else value.date()
    return value.isoformat()


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = local_datetime(value)
    return value.strftime("%Y-%m-%d %H:%M")


def fmt_time(value: time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")


def fmt_time_range(start: time | None, end: time | None) -> str:
    if start is None and end is None:
        return ""
    return f"{fmt_time(start) or '?'}–{fmt_time(end) or '?'}"


def mask_id_number(value: str | None) -> str:
    """Every character but the last four replaced by ``*`` (docs/ui.md, "Lists": masked by default)."""
    if not value:
        return ""
    keep = 4
    if len(value) <= keep:
        return value
    return "*" * (len(value) - keep) + value[-keep:]


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "是" if value else "否"


def join_list(values: Iterable[object] | None, sep: str = "、") -> str:
    return sep.join(str(v) for v in values or () if v not in (None, ""))


def enum_label(enum: type[LabelledEnum], value: str | None) -> str:
    """The Chinese label of a stored code; an unknown code is shown as is rather than hidden."""
    if value is None:
        return ""
    member = enum.__members__.get(value.upper())
    if member is None or member.value != value:
        member = next((m for m in enum if m.value == value), None)
    return member.label if member is not None else value


def enum_labels(enum: type[LabelledEnum], values: Iterable[str] | None) -> str:
    return join_list(enum_label(enum, v) for v in values or ())


def first_line(text: str | None, limit: int = 60) -> str:
    """The first line of a long text, cut to ``limit`` characters with an ellipsis."""
    if not text:
        return ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
