"""Small text helpers for documents: Chinese numerals, dates as official documents write them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from inspector.domain.validation import SHANGHAI

__all__ = [
    "DATE_STYLES",
    "SETTING_DATE_STYLE",
    "chinese_count",
    "chinese_date",
    "chinese_number",
    "ensure_period",
    "format_date",
    "format_datetime",
    "issue_date",
    "join_list",
    "split_paragraphs",
    "strip_trailing",
]

_DIGITS = "零一二三四五六七八九"
_ENDINGS = "。！？；：…”’）」』"


def chinese_number(n: int) -> str:
    """0 ≤ n < 100000 in Chinese numerals as a document writes a count: 十五, 二十, 一百零五, 一千零一十."""
    if n < 0 or n >= 100000:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "零"
    units = ["", "十", "百", "千", "万"]
    digits = [int(c) for c in str(n)]
    out: list[str] = []
    zero_pending = False
    for i, d in enumerate(digits):
        power = len(digits) - 1 - i
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + units[power])
    text = "".join(out)
    if 10 <= n < 20:
        text = text[1:]  # 十五, not 一十五
    return text


def chinese_count(n: int) -> str:
    """A quantity before a measure word: 两个月 (not 二个月), 十二个月."""
    return "两" if n == 2 else chinese_number(n)


def format_date(d: date | None, *, blank: str = "　　年　　月　　日") -> str:
    """2026年3月12日 — Arabic numerals, no zero padding (GB/T 9704 7.3.5.4)."""
    if d is None:
        return blank
    if isinstance(d, datetime):
        d = d.astimezone(SHANGHAI).date() if d.tzinfo else d.date()
    return f"{d.year}年{d.month}月{d.day}日"


SETTING_DATE_STYLE = "doc_date_style"
# How a document writes its own date (成文日期): GB/T 9704-2012 asks for Arabic numerals; legal documents
# of the procuratorates have long used Chinese ones (二〇二六年九月十八日). A station setting chooses.
DATE_STYLES: dict[str, str] = {
    "arabic": "2026年9月18日（阿拉伯数字，GB/T 9704）",
    "chinese": "二〇二六年九月十八日（汉字）",
}
_YEAR_DIGITS = "〇一二三四五六七八九"


def chinese_date(d: date) -> str:
    """二〇二六年九月十八日: the year digit by digit (〇 for zero), month and day as numbers."""
    year = "".join(_YEAR_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{chinese_number(d.month)}月{chinese_number(d.day)}日"


def issue_date(d: date | None, style: str = "arabic", *, blank: str = "　　年　　月　　日") -> str:
    """A document's own date (成文日期) in the station's style (``DATE_STYLES``)."""
    if d is None:
        return blank
    if isinstance(d, datetime):
        d = d.astimezone(SHANGHAI).date() if d.tzinfo else d.date()
    return chinese_date(d) if style == "chinese" else format_date(d)


def format_datetime(dt: datetime | None) -> str:
    """2026年3月12日9时05分 in Beijing time."""
    if dt is None:
        return ""
    local = dt.astimezone(SHANGHAI) if dt.tzinfo else dt
    return f"{format_date(local.date())}{local.hour}时{local.minute:02d}分"


def ensure_period(text: str) -> str:
    """``text`` ending with sentence punctuation (adds "。" when it has none)."""
    text = text.rstrip()
    if not text or text[-1] in _ENDINGS:
        return text
    if text[-1] in "，、,;；":
        text = text[:-1]
    return text + "。"


def strip_trailing(text: str, *suffixes: str) -> str:
    """``text`` without trailing punctuation and any of ``suffixes`` (e.g. "的规定")."""
    text = text.strip().rstrip("。，；,;")
    changed = True
    while changed:
        changed = False
        for s in suffixes:
            if s and text.endswith(s):
                text = text[: -len(s)].rstrip("。，；,;")
                changed = True
    return text


def split_paragraphs(text: str | None) -> list[str]:
    """Non-empty lines of ``text``, stripped (full-width spaces too)."""
    if not text:
        return []
    return [p.strip(" \t\u3000") for p in text.splitlines() if p.strip(" \t\u3000")]


def join_list(items: Iterable[str], sep: str = "、") -> str:
    return sep.join(i for i in items if i)
