"""How values look on screen: dates in Asia/Shanghai, masked ID numbers, lists, yes/no.

Free of widgets, so the rules can be unit-tested and reused by exports later; labels (是/否, a choice's
label) come in the UI's language through QtCore's translation (``ui.i18n``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication

from inspector.domain.enums import LabelledEnum
from inspector.domain.validation import SHANGHAI
from ui.i18n import core_text

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
    return (
        QCoreApplication.translate("Formatting", "是")
        if value
        else QCoreApplication.translate("Formatting", "否")
    )


def join_list(values: Iterable[object] | None, sep: str = "、") -> str:
    return sep.join(str(v) for v in values or () if v not in (None, ""))


def list_separator() -> str:
    """Between the items of a list of labels: 、 in Chinese, a comma in English."""
    return QCoreApplication.translate("Formatting", "、")


def enum_label(enum: type[LabelledEnum], value: str | None) -> str:
    """The label of a stored code in the UI's language; an unknown code is shown as is rather than hidden."""
    if value is None:
        return ""
    member = enum.__members__.get(value.upper())
    if member is None or member.value != value:
        member = next((m for m in enum if m.value == value), None)
    return core_text(member.label) if member is not None else value


def enum_labels(enum: type[LabelledEnum], values: Iterable[str] | None) -> str:
    return join_list((enum_label(enum, v) for v in values or ()), list_separator())


def first_line(text: str | None, limit: int = 60) -> str:
    """The first line of a long text, cut to ``limit`` characters with an ellipsis."""
    if not text:
        return ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


# ---- line breaks ------------------------------------------------------------------------------------

WORD_JOINER = "\u2060"  # no line break here (invisible)
NO_BREAK_SPACE = "\u00a0"
_BREAK_AFTER = frozenset("，。、；：！？）」』》〉】…,.;:!?)]")
_BREAK_BEFORE = frozenset("（「『《〈【([")


def _wide(ch: str) -> bool:
    """CJK (ideographs, kana, full-width forms, CJK punctuation): Qt may break a line beside any of them."""
    return ord(ch) >= 0x2E80


def _space_in_phrase(text: str, i: int) -> bool:
    """Whether the space at ``i`` belongs to a phrase (beside CJK: 还差 1 次) rather than separates words."""
    return any(0 <= j < len(text) and _wide(text[j]) for j in (i - 1, i + 1))


def phrases(text: str) -> list[str]:
    """``text`` cut where a line may break: after a comma, a full stop or a closing bracket, before an
    opening bracket, at a space between Latin words; never inside a phrase (已达标 · （每周不少于 2 次）)."""
    parts: list[str] = []
    current = ""
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        if current and (
            prev in _BREAK_AFTER
            or ch in _BREAK_BEFORE
            or (prev == " " and ch != " " and not _space_in_phrase(text, i - 1))
        ):
            parts.append(current)
            current = ""
        current += ch
    if current:
        parts.append(current)
    return parts


def keep_phrases(text: str) -> str:
    """``text`` for a word-wrapped label: lines break only between :func:`phrases` (Qt breaks CJK text
    between any two characters, cutting 每周不少于 in two). Inside a phrase a word joiner stands between
    characters where one is CJK, and a space beside CJK does not break."""
    out: list[str] = []
    offset = 0
    for part in phrases(text):
        for k, ch in enumerate(part):
            i = offset + k
            if k and (_wide(part[k - 1]) or _wide(ch)) and " " not in (ch, part[k - 1]):
                out.append(WORD_JOINER)
            out.append(NO_BREAK_SPACE if ch == " " and _space_in_phrase(text, i) else ch)
        offset += len(part)
    return "".join(out)


def plain_text(text: str) -> str:
    """``text`` without what :func:`keep_phrases` added."""
    return text.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")
